import { Link } from "@remix-run/react";
import type { ReportView } from "~/domain/decision-report-view";

// The audit log behind the report: whether its chain verifies, the newest checkpoint, and how
// many entries are about this event (with a link for those who may read the log).

export function ReportAudit({ audit, eventId, canReadLog }: Pick<ReportView, "audit"> & { eventId: string; canReadLog: boolean }) {
  return (
    <section aria-labelledby="audit">
      <h2 id="audit">The audit log</h2>
      <dl className="summary">
        <div>
          <dt>Chain</dt>
          <dd>
            {audit.ok ? null : <strong className="tag tag--red">Does not verify</strong>} {audit.chain}
          </dd>
        </div>
        <div>
          <dt>Checkpoint</dt>
          <dd>{audit.checkpoint}</dd>
        </div>
        <div>
          <dt>This event</dt>
          <dd>
            {audit.eventEntries}
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
  );
}
