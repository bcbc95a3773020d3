import type { ReactNode } from "react";
import { orderedSlots, SLOT_STATE_LABELS, type SlotState } from "~/domain/event-machine";
import type { LiveSlot } from "~/domain/live-state";

// The running order as a numbered list: each pitch's group, project and state in words (the
// colour of the tag only repeats what the words say), the current pitch marked "Now".

export const SLOT_TAGS: Record<SlotState, string> = {
  WAITING: "tag tag--grey",
  PITCHING: "tag tag--green",
  QUESTIONS: "tag tag--green",
  SCORING: "tag tag--yellow",
  LOCKED: "tag",
};

interface RunningOrderProps {
  slots: LiveSlot[];
  currentSlotId: string | null;
  /** Extra lines per pitch (the chair's counts and buttons). */
  detail?: (slot: LiveSlot) => ReactNode;
  className?: string;
}

export function RunningOrder({ slots, currentSlotId, detail, className }: RunningOrderProps) {
  return (
    <ol className={["running-order", className].filter(Boolean).join(" ")}>
      {orderedSlots(slots).map((slot) => {
        const current = slot.id === currentSlotId;
        return (
          <li key={slot.id} className={`running-order__item${current ? " running-order__item--current" : ""}`} aria-current={current ? "step" : undefined}>
            <div className="running-order__head">
              <span className="running-order__group" lang={slot.lang}>
                {slot.groupName}
              </span>
              <span className="running-order__state">
                {current ? <strong className="tag tag--green">Now</strong> : null}{" "}
                <strong className={SLOT_TAGS[slot.state]}>{SLOT_STATE_LABELS[slot.state]}</strong>
              </span>
            </div>
            <span className="running-order__project">
              {slot.projectTitle ? <span lang={slot.lang}>{slot.projectTitle}</span> : null}{" "}
              <span className="running-order__ref">({slot.bidReference})</span>
            </span>
            {detail ? detail(slot) : null}
          </li>
        );
      })}
    </ol>
  );
}
