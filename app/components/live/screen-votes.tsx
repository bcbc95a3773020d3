import { orderedSlots } from "~/domain/event-machine";
import { Bi } from "~/components/bilingual";
import type { LiveSlot } from "~/domain/live-state";
import { useT } from "~/i18n/i18n-context";

// The audience vote on the projector once the chair shows the results: one row per pitch in
// running order and the total. It uses the screen's reveal layout (.screen-reveal), whose rows
// shrink and go into two columns past eight, so a long evening still fits on one screen.

export function ScreenVotes({ slots }: { slots: LiveSlot[] }) {
  const rows = orderedSlots(slots);
  const total = rows.reduce((sum, slot) => sum + (slot.audience?.total ?? 0), 0);
  const t = useT();
  return (
    <section className="screen-reveal" aria-label={t("screen.votesLabel")}>
      <ol className="screen-reveal__rows">
        {rows.map((slot) => (
          <li key={slot.id} className="screen-reveal__row">
            <span className="screen-reveal__name">{slot.groupName}</span>
            <span className="screen-reveal__value">
              <Bi k="screen.votes" values={{ n: slot.audience?.total ?? 0 }} />
            </span>
          </li>
        ))}
      </ol>
      <p className="screen-reveal__totals">
        <Bi k="screen.votesTotal" values={{ n: total }} />
      </p>
    </section>
  );
}
