import type { OnePageBid } from "~/domain/panel-phone";
import { useT } from "~/i18n/i18n-context";
import { htmlLang } from "~/i18n/lang";
import { formatMoneyIn } from "~/i18n/money";

// A bid as the panel reads it during a pitch: what it is, who for, what it costs. No contact
// details. Long answers keep the group's own line breaks. The labels are in the panellist's
// language; the group's words in the language they were written in.

export function PitchOnePage({ bid, headingLevel = 2 }: { bid: OnePageBid; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = useT();
  const money = (pence: number) => formatMoneyIn(t.lang, pence);
  const total = bid.budgetLines.reduce((sum, line) => sum + line.amountPence, 0);
  const notGiven = t("panel.onePage.notGiven");
  // why: a bid written in the other language is marked so, for screen readers' voice and for
  // translation tools.
  const written = bid.language === "cy" || bid.language === "en" ? bid.language : null;
  const own = written && written !== t.lang ? htmlLang(written) : undefined;
  return (
    <div className="one-page">
      <dl className="summary summary--compact">
        <div>
          <dt>{t("panel.onePage.group")}</dt>
          <dd lang={own}>
            {bid.groupName}
            {bid.area ? <span className="muted"> · {bid.area}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t("panel.onePage.asking")}</dt>
          <dd>{bid.amountRequestedPence === null ? notGiven : money(bid.amountRequestedPence)}</dd>
        </div>
        <div>
          <dt>{t("panel.onePage.reference")}</dt>
          <dd>{bid.reference}</dd>
        </div>
      </dl>
      <Heading>{t("panel.onePage.summary")}</Heading>
      <p className="pre-line" lang={bid.summary ? own : undefined}>
        {bid.summary || notGiven}
      </p>
      <Heading>{t("panel.onePage.difference")}</Heading>
      <p className="pre-line" lang={bid.difference ? own : undefined}>
        {bid.difference || notGiven}
      </p>
      <Heading>{t("panel.onePage.beneficiaries")}</Heading>
      <p className="pre-line">
        <span lang={bid.beneficiaries ? own : undefined}>{bid.beneficiaries || notGiven}</span>
        {bid.beneficiaryCount !== null ? ` ${t("panel.onePage.people", { count: bid.beneficiaryCount })}` : null}
      </p>
      <Heading>{t("panel.onePage.budget")}</Heading>
      {bid.budgetLines.length === 0 ? (
        <p>{t("panel.onePage.noBudget")}</p>
      ) : (
        <table className="budget-lines">
          <thead>
            <tr>
              <th scope="col">{t("panel.onePage.item")}</th>
              <th scope="col" className="num">
                {t("panel.onePage.cost")}
              </th>
            </tr>
          </thead>
          <tbody>
            {bid.budgetLines.map((line, index) => (
              <tr key={index}>
                <td lang={own}>{line.item}</td>
                <td className="num">{money(line.amountPence)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("panel.onePage.total")}</th>
              <td className="num">
                <strong>{money(total)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}
