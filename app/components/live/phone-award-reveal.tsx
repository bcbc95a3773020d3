import type { AwardRevealView } from "~/domain/award-reveal";
import { formatMoney } from "~/domain/money";

// The awards on an audience phone, as the chair reveals them on the big screen: the funded
// groups so far, then the totals. A polite live region, so a screen reader reads each new one.

export function PhoneAwardReveal({ awards }: { awards: AwardRevealView }) {
  const money = (pence: number) => formatMoney(pence, awards.currency);
  return (
    <section className="phone-reveal" aria-labelledby="phone-reveal-title">
      <h2 id="phone-reveal-title">Tonight’s awards</h2>
      <div aria-live="polite">
        {awards.rows.length > 0 ? (
          <ol className="phone-reveal__rows">
            {awards.rows.map((row) => (
              <li key={row.bidId}>
                <strong>{row.groupName}</strong>
                {row.projectTitle ? <span className="hint">{row.projectTitle}</span> : null}
                <span>
                  {money(row.amountPence)}
                  {row.partFunded ? `, part-funded${row.requestedPence !== null ? ` (of ${money(row.requestedPence)} asked for)` : ""}` : ""}
                </span>
              </li>
            ))}
          </ol>
        ) : awards.complete ? (
          <p>No awards were made at this event.</p>
        ) : null}
        {awards.totals ? (
          <p className="phone-reveal__totals">
            Awarded tonight: <strong>{money(awards.totals.awardedPence)}</strong>. Left in the fund: <strong>{money(awards.totals.potRemainingPence)}</strong>.
          </p>
        ) : (
          <p className="hint">More awards are being revealed on the screen. This list updates by itself.</p>
        )}
      </div>
    </section>
  );
}
