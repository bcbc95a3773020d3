import type { ReactNode } from "react";
import { RunningOrder } from "~/components/live/running-order";
import { ScoredCount } from "~/components/live/scored-count";
import type { FailedPress } from "~/domain/chair-page";
import type { LiveSlot, LiveState } from "~/domain/live-state";
import { ChairButton, type ChairPress } from "./chair-button";
import { ReopenButton } from "./reopen-button";

// The running order as the chair sees it: counts (never scores), who declared a conflict, quorum
// warnings, and each pitch's own lock or reopen button.

interface ChairRunningOrderProps {
  state: LiveState;
  /** Who declared a conflict on each bid (staff only). */
  recused: Record<string, string[]>;
  press: ChairPress;
  failed: FailedPress;
}

export function ChairRunningOrder({ state, recused, press, failed }: ChairRunningOrderProps) {
  const { event, current } = state;
  return (
    <>
      <h2 id="order-title">Running order</h2>
      <p className="hint">
        {state.panel.joined} of {state.panel.active}{" "}
        {state.panel.active === 1 ? "panellist has" : state.panel.joined === 1 ? "panellists has" : "panellists have"} joined on their phones. Counts only: no
        one sees scores until the results.
      </p>
      <RunningOrder
        slots={state.slots}
        currentSlotId={state.currentSlotId}
        className="running-order--chair"
        detail={(slot) => (
          <SlotDetail slot={slot} names={recused[slot.bidId] ?? []}>
            {event.state === "LIVE" && slot.state === "SCORING" && slot.id !== current?.id ? (
              <ChairButton {...press} intent="lock" slotId={slot.id} label="Lock scoring" hidden={` for ${slot.groupName}`} variant="secondary" small />
            ) : null}
            {event.state === "LIVE" && slot.state === "LOCKED" ? <ReopenButton press={press} failed={failed} slot={slot} /> : null}
          </SlotDetail>
        )}
      />
    </>
  );
}

function SlotDetail({ slot, names, children }: { slot: LiveSlot; names: string[]; children: ReactNode }) {
  const started = slot.state !== "WAITING";
  return (
    <div className="running-order__detail">
      {started ? (
        <p>
          <ScoredCount slot={slot} />
        </p>
      ) : null}
      {names.length ? <p>Conflict of interest declared by {names.join(", ")}: they do not score this pitch.</p> : null}
      {slot.quorum.warning ? (
        <p className="running-order__warning">
          <strong>Quorum:</strong> {slot.quorum.warning}
        </p>
      ) : null}
      {children}
    </div>
  );
}
