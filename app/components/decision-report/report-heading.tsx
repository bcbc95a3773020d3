import type { ReportView } from "~/domain/decision-report-view";

// The report's title block: which event, its state, who funds it, when the report was made,
// and the downloads that say the same as the page.

export function ReportHeading({ view, base }: { view: ReportView; base: string }) {
  return (
    <>
      <span className="hint">
        {view.fundName}, {view.roundTitle}
      </span>
      <h1>{view.heading}</h1>
      <dl className="summary">
        <div>
          <dt>Event</dt>
          <dd>
            {view.event.when}, {view.event.venue}
          </dd>
        </div>
        <div>
          <dt>State</dt>
          <dd>{view.event.state}</dd>
        </div>
        <div>
          <dt>Results revealed</dt>
          <dd>{view.event.revealed ?? "Not yet"}</dd>
        </div>
        <div>
          <dt>Funder</dt>
          <dd>{view.funderName}</dd>
        </div>
        <div>
          <dt>Report generated</dt>
          <dd>{view.generated}</dd>
        </div>
      </dl>
      <p className="hint">Times are in {view.timeZone} time. This report is read-only: nothing on this page changes anything.</p>

      <h2>Download</h2>
      <ul className="report-downloads">
        <li>
          <a href={`${base}/report.pdf`} download>
            The whole report as a PDF
          </a>
        </li>
        <li>
          <a href={`${base}/scores.csv`} download>
            Every score sheet version (CSV)
          </a>
        </li>
        <li>
          <a href={`${base}/decisions.csv`} download>
            Decisions beside their proposals (CSV)
          </a>
        </li>
        <li>
          <a href={`${base}/payments.csv`} download>
            Payments and their approvals (CSV)
          </a>
        </li>
      </ul>
    </>
  );
}
