import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CriteriaTable } from "~/components/criteria-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { reportView, type FindingTone } from "~/domain/decision-report";
import { can } from "~/domain/permissions";
import { decisionReport } from "~/models/decision-report.server";
import { notFound } from "~/utils/http.server";
import { requireReportReader } from "~/requests/report-access.server";
import { routeParam } from "~/utils/route-params";

// The decision report of one event, read-only: the answers first (findings), then the facts
// behind them in the order things happened. The PDF and the CSVs say the same from the same view.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.view.heading ?? "Decision report"} – Pitchday` }];

const TONE: Record<FindingTone, { label: string; tag: string }> = {
  ok: { label: "OK", tag: "tag tag--green" },
  attention: { label: "Check", tag: "tag tag--yellow" },
  problem: { label: "Problem", tag: "tag tag--red" },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireReportReader(request);
  const report = await decisionReport(routeParam(params, "eventId"));
  if (!report) throw notFound("There is no event at this address. It may have been typed wrongly.");
  return { eventId: report.event.id, view: reportView(report), canReadLog: can(user, "audit:read") };
}

function Trail({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="report-trail">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export default function DecisionReportPage() {
  const { eventId, view, canReadLog } = useLoaderData<typeof loader>();
  const base = `/audit/events/${eventId}`;
  return (
    <>
      <p>
        <Link to="/audit/events">All decision reports</Link>
      </p>
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

      <section aria-labelledby="findings">
        <h2 id="findings">Findings</h2>
        <ul className="report-findings">
          {view.findings.map((f) => (
            <li key={f.title}>
              <strong className={TONE[f.tone].tag}>{TONE[f.tone].label}</strong>{" "}
              <strong>{f.title}</strong>
              <span className="report-findings__detail">{f.detail}</span>
            </li>
          ))}
        </ul>
        <dl className="summary summary--compact">
          <div>
            <dt>Fund&rsquo;s pot</dt>
            <dd>{view.money.pot}</dd>
          </div>
          <div>
            <dt>Decided at this event</dt>
            <dd>{view.money.decided}</dd>
          </div>
          <div>
            <dt>Awarded (not cancelled)</dt>
            <dd>{view.money.awarded}</dd>
          </div>
          <div>
            <dt>Paid</dt>
            <dd>{view.money.paid}</dd>
          </div>
          <div>
            <dt>Left in the fund</dt>
            <dd>{view.money.fundRemaining}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="rule">
        <h2 id="rule">The rule declared before the event</h2>
        <ul>
          {view.rule.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <CriteriaTable criteria={view.criteria} caption="Criteria" />
      </section>

      <section aria-labelledby="panel">
        <h2 id="panel">Panel and conflicts of interest</h2>
        {view.panel.length === 0 ? (
          <p>Nobody was invited to the panel.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>Panel</caption>
              <thead>
                <tr>
                  <th scope="col">Panellist</th>
                  <th scope="col">Status</th>
                  <th scope="col">Joined</th>
                  <th scope="col">Removed</th>
                </tr>
              </thead>
              <tbody>
                {view.panel.map((p, i) => (
                  <tr key={`${p.name}-${i}`}>
                    <td>{p.name}</td>
                    <td>{p.status}</td>
                    <td>{p.joined}</td>
                    <td>{p.removed || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {view.conflicts.length === 0 ? (
          <p>No conflicts of interest were declared.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>Conflicts of interest (recusals)</caption>
              <thead>
                <tr>
                  <th scope="col">Panellist</th>
                  <th scope="col">Pitch</th>
                  <th scope="col">Reason given</th>
                  <th scope="col">Declared</th>
                </tr>
              </thead>
              <tbody>
                {view.conflicts.map((c) => (
                  <tr key={`${c.panellist}-${c.pitch}`}>
                    <td>{c.panellist}</td>
                    <td>{c.pitch}</td>
                    <td>{c.reason}</td>
                    <td>{c.declared}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="ranking">
        <h2 id="ranking">Ranking and why</h2>
        {view.ranking.length === 0 ? (
          <p>Nothing has been scored, so there is no ranking.</p>
        ) : (
          <ol className="report-ranking">
            {view.ranking.map((r) => (
              <li key={r.reference}>
                <h3>
                  {r.reference} {r.group}: {r.project}
                </h3>
                <p>
                  {r.explanation}. Asked for {r.requested}. {r.audience}.
                </p>
                <details>
                  <summary>
                    Each panellist&rsquo;s score<span className="visually-hidden"> for {r.reference}</span>
                  </summary>
                  <ul>
                    {r.panellists.map((p) => (
                      <li key={p.name}>
                        {p.name}: {p.text}
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="decisions">
        <h2 id="decisions">Decisions</h2>
        {view.decisions.length === 0 ? (
          <p>No decisions have been recorded.</p>
        ) : (
          view.decisions.map((d) => (
            <article key={d.reference} className="report-item">
              <h3>
                {d.reference} {d.group}{" "}
                {d.departs ? <strong className="tag tag--yellow">Departs from the proposal</strong> : null}
              </h3>
              <dl className="summary summary--compact">
                <div>
                  <dt>Asked for</dt>
                  <dd>{d.requested}</dd>
                </div>
                <div>
                  <dt>Proposal</dt>
                  <dd>
                    {d.proposal}
                    <span className="hint">{d.proposalReason}</span>
                  </dd>
                </div>
                <div>
                  <dt>Decision</dt>
                  <dd>
                    {d.decision}
                    {d.confirmed ? "" : " (not yet confirmed)"}
                  </dd>
                </div>
                {d.departs ? (
                  <div>
                    <dt>Why it departs</dt>
                    <dd>{d.overrideReason || <strong className="tag tag--red">No reason recorded</strong>}</dd>
                  </div>
                ) : null}
                <div>
                  <dt>Feedback to the group</dt>
                  <dd>{d.feedback || "None"}</dd>
                </div>
                <div>
                  <dt>Decided by</dt>
                  <dd>
                    {d.decidedBy}, {d.decidedAt}
                  </dd>
                </div>
              </dl>
              <Trail lines={d.trail} />
            </article>
          ))
        )}
      </section>

      <section aria-labelledby="awards">
        <h2 id="awards">Awards</h2>
        {view.awards.length === 0 ? (
          <p>No awards have been offered.</p>
        ) : (
          view.awards.map((a) => (
            <article key={a.reference} className="report-item">
              <h3>
                {a.reference} {a.group}: {a.amount}
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
              </dl>
              <Trail lines={a.trail} />
            </article>
          ))
        )}
      </section>

      <section aria-labelledby="payments">
        <h2 id="payments">Payments</h2>
        {view.payments.length === 0 ? (
          <p>No payments have been asked for.</p>
        ) : (
          view.payments.map((p) => (
            <article key={p.idempotencyKey} className="report-item">
              <h3>
                {p.reference} {p.group}: {p.amount}{" "}
                {p.twoPeople === true ? (
                  <strong className="tag tag--green">Approved by a second funder</strong>
                ) : p.twoPeople === false ? (
                  <strong className="tag tag--red">Not approved by a second person</strong>
                ) : (
                  <strong className="tag tag--yellow">Not approved yet</strong>
                )}
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
              <Trail lines={p.trail} />
            </article>
          ))
        )}
      </section>

      <section aria-labelledby="sheets">
        <h2 id="sheets">Score sheets, every version</h2>
        {view.sheets.length === 0 ? (
          <p>No score sheets were sent.</p>
        ) : (
          // why focusable: on a phone the table scrolls sideways, and keyboard users must reach it.
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Every version of every score sheet (scrolls sideways)">
            <table>
              <caption className="visually-hidden">Every version of every score sheet</caption>
              <thead>
                <tr>
                  <th scope="col">Pitch</th>
                  <th scope="col">Panellist</th>
                  <th scope="col" className="num">
                    Version
                  </th>
                  <th scope="col">Sent</th>
                  <th scope="col">Scores</th>
                  <th scope="col">Counted</th>
                  <th scope="col">Comment</th>
                </tr>
              </thead>
              <tbody>
                {view.sheets.map((s) => (
                  <tr key={`${s.pitch}-${s.panellist}-${s.version}`}>
                    <td>{s.pitch}</td>
                    <td>{s.panellist}</td>
                    <td className="num">{s.version}</td>
                    <td>{s.sent}</td>
                    <td>{s.scores.map((i) => `${i.criterion} ${i.value}`).join(", ")}</td>
                    <td>{s.standing}</td>
                    <td>{s.comment}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="audit">
        <h2 id="audit">The audit log</h2>
        <dl className="summary">
          <div>
            <dt>Chain</dt>
            <dd>
              {view.audit.ok ? null : <strong className="tag tag--red">Does not verify</strong>} {view.audit.chain}
            </dd>
          </div>
          <div>
            <dt>Checkpoint</dt>
            <dd>{view.audit.checkpoint}</dd>
          </div>
          <div>
            <dt>This event</dt>
            <dd>
              {view.audit.eventEntries}
              {canReadLog ? (
                <>
                  {" "}
                  <Link to={`/audit?event=${encodeURIComponent(eventId)}`}>Read them in the audit log</Link>
                </>
              ) : null}
            </dd>
          </div>
        </dl>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
