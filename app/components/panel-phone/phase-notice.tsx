import type { EventState } from "~/domain/event-machine";

// What the panellist's phone says before the first pitch and once scoring has closed.

export function PhaseNotice({ eventState, hasCurrent }: { eventState: EventState; hasCurrent: boolean }) {
  if (eventState === "DRAFT" || eventState === "READY") {
    return (
      <div className="notice">
        <p className="notice__title">The event has not started yet</p>
        <p>This page follows the event: the first pitch appears here when the chair starts it. You can declare a conflict of interest now.</p>
      </div>
    );
  }
  if (eventState === "SCORING_CLOSED" || eventState === "DECIDED") {
    return (
      <div className="notice notice--success">
        <p className="notice__title">Scoring has closed</p>
        <p>Thank you for scoring. Your scores are listed below.</p>
      </div>
    );
  }
  return hasCurrent ? null : (
    <div className="notice">
      <p>The event has started. The first pitch appears here when the chair starts it.</p>
    </div>
  );
}
