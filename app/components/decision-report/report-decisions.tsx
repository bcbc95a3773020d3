import { ReportTrail } from "~/components/decision-report/report-trail";
import type { ReportView } from "~/domain/decision-report-view";

// Each decision beside its proposal, and why it departs when it does.

export function ReportDecisions({ decisions }: Pick<ReportView, "decisions">) {
  return (
    <section aria-labelledby="decisions">
      <h2 id="decisions">Decisions</h2>
      {decisions.length === 0 ? (
        <p>No decisions have been recorded.</p>
      ) : (
        decisions.map((d) => (
          <article key={d.reference} className="report-item">
            <h3>
              {d.reference} <span lang={d.lang}>{d.group}</span> {d.departs ? <strong className="tag tag--yellow">Departs from the proposal</strong> : null}{" "}
              {d.ruleBreach ? <strong className="tag tag--red">Rule breach</strong> : null}
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
              {d.ruleBreach ? (
                <div>
                  <dt>Breaks the round&rsquo;s declared rules</dt>
                  <dd>{d.ruleBreach}</dd>
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
            <ReportTrail lines={d.trail} />
          </article>
        ))
      )}
    </section>
  );
}
