import type { OnePageBid } from "~/domain/panel-phone";
import { formatMoneyIn } from "~/i18n/money";

// A bid as the panel reads it during a pitch: what it is, who for, what it costs. No contact
// details. Long answers keep the group's own line breaks. Money through i18n/money, which the
// phone already has, rather than domain/money with its parsing rules.
const formatMoney = (pence: number) => formatMoneyIn("en", pence);

export function PitchOnePage({ bid, headingLevel = 2 }: { bid: OnePageBid; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const total = bid.budgetLines.reduce((sum, line) => sum + line.amountPence, 0);
  // why: a bid written in Welsh is marked so, for screen readers' voice and for translation tools.
  const own = bid.language === "cy" ? "cy" : undefined;
  return (
    <div className="one-page">
      <dl className="summary summary--compact">
        <div>
          <dt>Group</dt>
          <dd lang={own}>
            {bid.groupName}
            {bid.area ? <span className="muted"> · {bid.area}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Asking for</dt>
          <dd>{bid.amountRequestedPence === null ? "Not given" : formatMoney(bid.amountRequestedPence)}</dd>
        </div>
        <div>
          <dt>Reference</dt>
          <dd>{bid.reference}</dd>
        </div>
      </dl>
      <Heading>Summary</Heading>
      <p className="pre-line" lang={own}>
        {bid.summary || "Not given"}
      </p>
      <Heading>The difference it will make</Heading>
      <p className="pre-line" lang={own}>
        {bid.difference || "Not given"}
      </p>
      <Heading>Who benefits</Heading>
      <p className="pre-line">
        {bid.beneficiaries || "Not given"}
        {bid.beneficiaryCount !== null ? ` (about ${bid.beneficiaryCount.toLocaleString("en-GB")} people)` : null}
      </p>
      <Heading>Budget</Heading>
      {bid.budgetLines.length === 0 ? (
        <p>No budget lines given.</p>
      ) : (
        <table className="budget-lines">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Cost
              </th>
            </tr>
          </thead>
          <tbody>
            {bid.budgetLines.map((line, index) => (
              <tr key={index}>
                <td>{line.item}</td>
                <td className="num">{formatMoney(line.amountPence)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="num">
                <strong>{formatMoney(total)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}
