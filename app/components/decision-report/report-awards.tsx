import { ReportTrail } from "~/components/decision-report/report-trail";
import type { ReportView } from "~/domain/decision-report-view";

// Each award offered: its status, when it was offered and accepted, its conditions, and the
// months after: the payment schedule, the planned dates, what was disbursed and the outcome.

export function ReportAwards({ awards }: Pick<ReportView, "awards">) {
  return (
    <section aria-labelledby="awards">
      <h2 id="awards">Awards</h2>
      {awards.length === 0 ? (
        <p>No awards have been offered.</p>
      ) : (
        awards.map((a) => (
          <article key={a.reference} className="report-item">
            <h3>
              {a.reference} <span lang={a.lang}>{a.group}</span>: {a.amount}
            </h3>
            <dl className="summary summary--compact">
              <div>
                <dt>Status</dt>
                <dd>{a.status}</dd>
              </div>
              <div>
                <dt>Offered</dt>
                <dd>{a.issued}</dd>
              </div>
              <div>
                <dt>Accepted</dt>
                <dd>{a.accepted}</dd>
              </div>
              <div>
                <dt>Conditions</dt>
                <dd className="pre-line">{a.conditions}</dd>
              </div>
              <div>
                <dt>Payment schedule</dt>
                <dd>{a.schedule}</dd>
              </div>
              <div>
                <dt>Planned dates</dt>
                <dd>{a.planned}</dd>
              </div>
              <div>
                <dt>Amount disbursed</dt>
                <dd>{a.disbursed}</dd>
              </div>
              <div>
                <dt>Outcome</dt>
                <dd>{a.outcome}</dd>
              </div>
            </dl>
            <ReportTrail lines={a.trail} />
          </article>
        ))
      )}
    </section>
  );
}
