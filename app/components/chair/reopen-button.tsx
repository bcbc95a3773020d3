import { TextArea } from "~/components/forms";
import { failedHere, reasonFieldId, type FailedPress } from "~/domain/chair-page";
import { REASON_MAX } from "~/domain/event-machine";
import { ChairButton, type ChairPress } from "./chair-button";

// Reopening scoring, for the event or one pitch: behind a disclosure, with the reason the audit
// log records. A refused reopen opens again with the reason as typed and its error beside it.

interface ReopenButtonProps {
  press: ChairPress;
  failed: FailedPress;
  /** One pitch's reopen; without it, the event's. */
  slot?: { id: string; groupName: string };
}

export function ReopenButton({ press, failed, slot }: ReopenButtonProps) {
  const intent = slot ? "reopen" : "reopen-event";
  const here = failedHere(failed, intent, slot?.id ?? null);
  const reason = (
    <TextArea
      name="reason"
      id={reasonFieldId(intent, slot?.id ?? null)}
      label={slot ? `Why are you reopening scoring for ${slot.groupName}?` : "Why are you reopening scoring?"}
      hint={
        slot
          ? "For example “Tom’s phone lost the Wi-Fi before he could send”. Recorded in the audit log with your name."
          : "Recorded in the audit log with your name."
      }
      rows={3}
      maxChars={REASON_MAX}
      defaultValue={here ? failed.reason : ""}
      error={here ? failed.reasonError : undefined}
    />
  );
  if (!slot) {
    return (
      <details className="chair-reopen" open={here}>
        <summary>Reopen scoring for the event…</summary>
        <ChairButton {...press} intent={intent} label="Reopen scoring for the event" variant="warning">
          {reason}
        </ChairButton>
      </details>
    );
  }
  return (
    <details className="chair-reopen" open={here}>
      <summary>
        Reopen scoring<span className="visually-hidden"> for {slot.groupName}</span>…
      </summary>
      <ChairButton {...press} intent={intent} slotId={slot.id} label="Reopen scoring" hidden={` for ${slot.groupName}`} variant="warning" small>
        {reason}
      </ChairButton>
    </details>
  );
}
