import { reasonFieldId, type FailedPress } from "~/domain/chair-page";
import type { LiveSlot } from "~/domain/live-state";

// What went wrong with the last press, and the quorum warnings the chair can still act on.

export function ChairProblems({ problem, failed }: { problem: string | undefined; failed: FailedPress }) {
  return (
    <>
      {problem ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>That was not done</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      {failed.reasonError ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>There is a problem</h2>
          <ul>
            <li>
              <a href={`#${reasonFieldId(failed.intent, failed.slotId)}`}>{failed.reasonError}</a>
            </li>
          </ul>
        </div>
      ) : null}
    </>
  );
}

export function QuorumWarnings({ warnings }: { warnings: LiveSlot[] }) {
  if (!warnings.length) return null;
  return (
    <div className="notice notice--warning" role="region" aria-labelledby="quorum-warning">
      <h2 id="quorum-warning" className="notice__title">
        Quorum warning
      </h2>
      <ul>
        {warnings.map((slot) => (
          <li key={slot.id}>
            {slot.groupName} ({slot.bidReference}): {slot.quorum.warning}
          </li>
        ))}
      </ul>
      <p>Invite a substitute on the setup page, or carry on: pitches short of the quorum are ranked after those that met it.</p>
    </div>
  );
}
