import type { EventState } from "~/domain/event-machine";
import { useT } from "~/i18n/i18n-context";

// What the panellist's phone says before the first pitch and once scoring has closed.

export function PhaseNotice({ eventState, hasCurrent }: { eventState: EventState; hasCurrent: boolean }) {
  const t = useT();
  if (eventState === "DRAFT" || eventState === "READY") {
    return (
      <div className="notice">
        <p className="notice__title">{t("panel.phase.notStarted")}</p>
        <p>{t("panel.phase.notStartedText")}</p>
      </div>
    );
  }
  if (eventState === "SCORING_CLOSED" || eventState === "DECIDED") {
    return (
      <div className="notice notice--success">
        <p className="notice__title">{t("panel.phase.closed")}</p>
        <p>{t("panel.phase.closedText")}</p>
      </div>
    );
  }
  return hasCurrent ? null : (
    <div className="notice">
      <p>{t("panel.phase.started")}</p>
    </div>
  );
}
