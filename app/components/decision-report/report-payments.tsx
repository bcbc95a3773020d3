import { ReportTrail } from "~/components/decision-report/report-trail";
import type { ReportView } from "~/domain/decision-report-view";

// Each payment asked for, and whether a second funder approved it.

function Approval({ twoPeople }: { twoPeople: boolean | null }) {
  if (twoPeople === true) return <strong className="tag tag--green">Approved by a second funder</strong>;
  if (twoPeople === false) return <strong className="tag tag--red">Not approved by a second person</strong>;
  return <strong className="tag tag--yellow">Not approved yet</strong>;
}

export function ReportPayments({ payments }: Pick<ReportView, "payments">) {
  return (
    <section aria-labelledby="payments">
      <h2 id="payments">Payments</h2>
      {payments.length === 0 ? (
        <p>No payments have been asked for.</p>
      ) : (
        payments.map((p) => (
          <article key={p.idempotencyKey} className="report-item">
            <h3>
              {p.reference} <span lang={p.lang}>{p.group}</span>: {p.amount} <Approval twoPeople={p.twoPeople} />
            </h3>
            <dl className="summary summary--compact">
              <div>
                <dt>Method</dt>
                <dd>{p.method}</dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>{p.status}</dd>
              </div>
              <div>
                <dt>Asked for</dt>
                <dd>{p.requested}</dd>
              </div>
              <div>
                <dt>Approved</dt>
                <dd>{p.approved}</dd>
              </div>
              {p.providerId ? (
                <div>
                  <dt>Stripe transfer</dt>
                  <dd>
                    <code>{p.providerId}</code>
                  </dd>
                </div>
              ) : null}
              {p.manualReference ? (
                <div>
                  <dt>{p.manualReferenceLabel}</dt>
                  <dd>{p.manualReference}</dd>
                </div>
              ) : null}
              {p.paidOn ? (
                <div>
                  <dt>Paid on</dt>
                  <dd>{p.paidOn}</dd>
                </div>
              ) : null}
              {p.failureReason ? (
                <div>
                  <dt>Why it failed</dt>
                  <dd>{p.failureReason}</dd>
                </div>
              ) : null}
              <div>
                <dt>Idempotency key</dt>
                <dd>
                  <code>{p.idempotencyKey}</code>
                </dd>
              </div>
            </dl>
            <ReportTrail lines={p.trail} />
          </article>
        ))
      )}
    </section>
  );
}
