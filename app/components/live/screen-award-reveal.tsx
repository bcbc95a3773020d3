import { Bi } from "~/components/bilingual";
import type { AwardRevealView } from "~/domain/award-reveal";
import { formatMoney } from "~/domain/money";

// The big screen's awards reveal: each funded group as the chair reveals it (group, project,
// amount, and a "part-funded" marker in both languages; what was asked for is on the phones,
// as the two languages leave no room for it on a 1024x768 projector), then the totals. Groups not
// funded are not in the live state, so they cannot appear here. The class names are the
// projector layout's (app/styles/app.css, "awards reveal"); keep them when changing markup.

export function ScreenAwardReveal({ awards }: { awards: AwardRevealView }) {
  const money = (pence: number) => formatMoney(pence, awards.currency);
  return (
    <section className="screen-reveal" aria-labelledby="screen-reveal-title">
      <h1 id="screen-reveal-title" className="screen__group">
        <Bi k="live.awards.heading" />
      </h1>
      {awards.rows.length > 0 ? (
        <ol className="screen-reveal__rows">
          {awards.rows.map((row) => (
            <li key={row.bidId} className="screen-reveal__row">
              <span className="screen-reveal__name">
                <span className="screen-reveal__group">{row.groupName}</span>
                <span className="screen-reveal__project">{row.projectTitle}</span>
              </span>
              <span className="screen-reveal__value">
                <span className="screen-reveal__amount">{money(row.amountPence)}</span>
                {row.partFunded ? (
                  <span className="screen-reveal__part">
                    <Bi k="screen.partFunded" />
                  </span>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      ) : awards.complete ? (
        <p className="screen__project">
          <Bi k="live.awards.none" />
        </p>
      ) : null}
      {awards.totals ? (
        <p className="screen-reveal__totals">
          <span>
            <Bi k="live.awards.awarded" /> <strong>{money(awards.totals.awardedPence)}</strong>
          </span>{" "}
          <span>
            <Bi k="live.awards.left" /> <strong>{money(awards.totals.potRemainingPence)}</strong>
          </span>
        </p>
      ) : null}
    </section>
  );
}
