import type { LiveSlot } from "~/domain/live-state";
import { scoredText } from "./live-view";

/** How many panellists have scored a pitch: counts, never the scores themselves. */
export function ScoredCount({ slot, suffix = "" }: { slot: Pick<LiveSlot, "scoredCount" | "recusalCount" | "quorum">; suffix?: string }) {
  const complete = slot.quorum.eligible > 0 && slot.scoredCount >= slot.quorum.eligible;
  return (
    <span className={`scored-count${complete ? " scored-count--complete" : ""}`}>
      {scoredText(slot, suffix)}
      {complete ? <span className="scored-count__done"> (all in)</span> : null}
    </span>
  );
}
