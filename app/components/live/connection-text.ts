import type { ConnectionStatus } from "./live-client";
import type { LiveReader } from "./use-live-state";

// The status line in English for the chair's page (staff pages stay English). The phones use
// connectionKey() and the catalogue; this stays out of their scripts.

const OFFLINE: Record<LiveReader, string> = {
  chair: "Offline: this page updates again when the connection is back.",
  panel: "Offline: your scores are kept and will be sent when the connection is back.",
  audience: "Offline: your vote is kept on this phone and will be sent when the connection is back.",
};

/** A few words on the connection for the page's status line; "Offline" whenever the browser is. */
export function connectionText(status: ConnectionStatus, online = true, reader: LiveReader = "chair"): string {
  if (!online) return OFFLINE[reader];
  switch (status) {
    case "connecting":
      return "Connecting for live updates…";
    case "live":
      return "Live: updates as they happen.";
    case "reconnecting":
      return "Connection lost. Reconnecting; checking every few seconds meanwhile.";
    case "polling":
      return "Checking for updates every few seconds.";
    case "gone":
      return "This event no longer exists.";
  }
}
