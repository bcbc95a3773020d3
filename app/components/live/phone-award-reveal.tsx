import type { AwardRevealView } from "~/domain/award-reveal";
import { useT } from "~/i18n/i18n-context";
import { formatMoneyIn } from "~/i18n/money";

// The awards on an audience phone, as the chair reveals them on the big screen: the funded
// groups so far, then the totals. A polite live region, so a screen reader reads each new one.

export function PhoneAwardReveal({ awards }: { awards: AwardRevealView }) {
  const t = useT();
  const money = (pence: number) => formatMoneyIn(t.lang, pence, awards.currency);
  return (
    <section className="phone-reveal" aria-labelledby="phone-reveal-title">
      <h2 id="phone-reveal-title">{t("live.awards.heading")}</h2>
      <div aria-live="polite">
        {awards.rows.length > 0 ? (
          <ol className="phone-reveal__rows">
            {awards.rows.map((row) => (
              <li key={row.bidId}>
                <strong>{row.groupName}</strong>
                {row.projectTitle ? <span className="hint">{row.projectTitle}</span> : null}
                <span>
                  {money(row.amountPence)}
                  {row.partFunded ? `, ${row.requestedPence !== null ? t("live.awards.partFundedAsked", { asked: money(row.requestedPence) }) : t("live.awards.partFunded")}` : ""}
                </span>
              </li>
            ))}
          </ol>
        ) : awards.complete ? (
          <p>{t("live.awards.none")}</p>
        ) : null}
        {awards.totals ? (
          <p className="phone-reveal__totals">
            {t("live.awards.awarded")} <strong>{money(awards.totals.awardedPence)}</strong>. {t("live.awards.left")} <strong>{money(awards.totals.potRemainingPence)}</strong>.
          </p>
        ) : (
          <p className="hint">{t("live.awards.more")}</p>
        )}
      </div>
    </section>
  );
}
