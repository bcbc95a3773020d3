import type { FindingTone } from "~/domain/decision-report-findings";
import type { ReportView } from "~/domain/decision-report-view";

// The answers first: each finding with its tone, then the money in five figures.

const TONE: Record<FindingTone, { label: string; tag: string }> = {
  ok: { label: "OK", tag: "tag tag--green" },
  attention: { label: "Check", tag: "tag tag--yellow" },
  problem: { label: "Problem", tag: "tag tag--red" },
};

export function ReportFindings({ findings, money }: Pick<ReportView, "findings" | "money">) {
  return (
    <section aria-labelledby="findings">
      <h2 id="findings">Findings</h2>
      <ul className="report-findings">
        {findings.map((f) => (
          <li key={f.title}>
            <strong className={TONE[f.tone].tag}>{TONE[f.tone].label}</strong> <strong>{f.title}</strong>
            <span className="report-findings__detail">{f.detail}</span>
          </li>
        ))}
      </ul>
      <dl className="summary summary--compact">
        <div>
          <dt>Fund&rsquo;s pot</dt>
          <dd>{money.pot}</dd>
        </div>
        <div>
          <dt>Decided at this event</dt>
          <dd>{money.decided}</dd>
        </div>
        <div>
          <dt>Awarded (not cancelled)</dt>
          <dd>{money.awarded}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd>{money.paid}</dd>
        </div>
        <div>
          <dt>Left in the fund</dt>
          <dd>{money.fundRemaining}</dd>
        </div>
      </dl>
    </section>
  );
}
