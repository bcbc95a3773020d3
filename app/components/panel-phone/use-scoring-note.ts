import type { SlotState } from "~/domain/event-machine";
import { scoringNoteCase } from "~/domain/panel-phone";
import { useT } from "~/i18n/i18n-context";

/** Why a pitch cannot be scored now, in the phone's language (null when it can). */
export function useScoringNote() {
  const t = useT();
  return (eventState: Parameters<typeof scoringNoteCase>[0], slot: SlotState) => {
    const noteCase = scoringNoteCase(eventState, slot);
    return noteCase && t(`panel.note.${noteCase}`);
  };
}
