import { orderedSlots } from "~/domain/event-machine";
import type { LiveSlot } from "~/domain/live-state";

// The audience vote on the projector once the chair shows the results: one row per pitch in
// running order and the total. It uses the screen's reveal layout (.screen-reveal), whose rows
// shrink and go into two columns past eight, so a long evening still fits on one screen.

const votes = (n: number) => (n === 1 ? "1 vote" : `${n} votes`);

export function ScreenVotes({ slots }: { slots: LiveSlot[] }) {
  const rows = orderedSlots(slots);
  const total = rows.reduce((sum, slot) => sum + (slot.audience?.total ?? 0), 0);
  return (
    <section className="screen-reveal" aria-label="Audience votes for each pitch, in running order">
      <ol className="screen-reveal__rows">
        {rows.map((slot) => (
          <li key={slot.id} className="screen-reveal__row">
            <span className="screen-reveal__name">{slot.groupName}</span>
            <span className="screen-reveal__value">{votes(slot.audience?.total ?? 0)}</span>
          </li>
        ))}
      </ol>
      <p className="screen-reveal__totals">{votes(total)} from the audience in all.</p>
    </section>
  );
}
