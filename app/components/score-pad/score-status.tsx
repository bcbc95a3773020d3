import { browserQueue } from "~/utils/offline-queue";
import type { PadStatus } from "./use-queued-score";
import { useT } from "~/i18n/i18n-context";

// What happened to the answers sent, announced politely: the page says "saved" only once the
// server has acknowledged them.

export function ScoreStatus({ status, saved }: { status: PadStatus; saved: { version: number; at: string } | null }) {
  const t = useT();
  return (
    <>
      <div className="score-status" role="status" aria-live="polite">
        {status.kind === "sending" ? (
          <p>{t("score.status.sending")}</p>
        ) : status.kind === "waiting" ? (
          <p className="score-status--waiting">
            {t("score.status.waiting")}{" "}
            <button type="button" className="link-button" onClick={() => void browserQueue().flush({ now: true })}>
              {t("score.status.tryNow")}
            </button>
          </p>
        ) : status.kind === "saved" ? (
          <p className="score-status--saved">{t("score.status.saved", { version: status.version, at: status.at })}</p>
        ) : status.kind === "changed" ? (
          <p>{t("score.status.changed")}</p>
        ) : null}
      </div>
      {saved && status.kind !== "saved" ? <p className="muted">{t("score.status.lastSaved", { version: saved.version, at: saved.at })}</p> : null}
    </>
  );
}
