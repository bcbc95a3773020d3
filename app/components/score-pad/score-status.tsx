import { browserQueue } from "~/utils/offline-queue";
import type { PadStatus } from "./use-queued-score";
import { savedText, WAITING_TEXT } from "./unsettled";

// What happened to the answers sent, announced politely: the page says "saved" only once the
// server has acknowledged them.

export function ScoreStatus({ status, saved }: { status: PadStatus; saved: { version: number; at: string } | null }) {
  return (
    <>
      <div className="score-status" role="status" aria-live="polite">
        {status.kind === "sending" ? (
          <p>Sending your score…</p>
        ) : status.kind === "waiting" ? (
          <p className="score-status--waiting">
            {WAITING_TEXT}.{" "}
            <button type="button" className="link-button" onClick={() => void browserQueue().flush({ now: true })}>
              Try now
            </button>
          </p>
        ) : status.kind === "saved" ? (
          <p className="score-status--saved">{savedText(status)}</p>
        ) : status.kind === "changed" ? (
          <p>You have changed your answers. Save them to send a new version.</p>
        ) : null}
      </div>
      {saved && status.kind !== "saved" ? <p className="muted">Last saved: version {saved.version} at {saved.at}.</p> : null}
    </>
  );
}
