import { useEffect, useState } from "react";
import type { LiveState } from "~/domain/live-state";
import { startLiveClient, type ConnectionStatus } from "./live-client";
import { clockOffset, newer } from "./live-freshness";

// The live state of an event in a React page: starts from what the loader sent (so the page
// works and reads the same without JavaScript), then follows the SSE stream, falling back to
// polling. `offsetMs` is server time minus this device's time, measured once per state, so
// the countdown follows the server's clock even when the tablet's clock is wrong. It is null
// until the page runs in the browser, so the first render matches the server's.

export interface LiveView {
  state: LiveState;
  offsetMs: number | null;
}

export function useLiveState(initial: LiveState): LiveView & { connection: ConnectionStatus } {
  const [view, setView] = useState<LiveView>({ state: initial, offsetMs: null });
  const [connection, setConnection] = useState<ConnectionStatus>("connecting");

  // why: the loader's data also changes after the chair's own POST (Remix revalidates).
  useEffect(() => {
    const receivedAt = Date.now();
    setView((current) =>
      current.offsetMs === null || newer(current.state, initial)
        ? { state: newer(current.state, initial) ? initial : current.state, offsetMs: clockOffset(initial.serverNow, receivedAt) }
        : current
    );
  }, [initial]);

  const eventId = initial.event.id;
  useEffect(() => {
    const base = `/events/${encodeURIComponent(eventId)}`;
    const client = startLiveClient({
      streamUrl: `${base}/live`,
      snapshotUrl: `${base}/state`,
      onState: (state) => {
        const receivedAt = Date.now();
        setView((current) => (newer(current.state, state) ? { state, offsetMs: clockOffset(state.serverNow, receivedAt) } : current));
      },
      onStatus: setConnection,
    });
    const onVisible = () => {
      if (document.visibilityState === "visible") client.refresh();
    };
    const onOnline = () => client.refresh();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onOnline);
      client.stop();
    };
  }, [eventId]);

  return { ...view, connection };
}

/** Whether the browser says it is online (navigator.onLine and its events); true on the server. */
export function useOnline() {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    update();
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);
  return online;
}

/** Who reads the status line: what is kept while offline differs. */
export type LiveReader = "chair" | "panel" | "audience";

/** The catalogue key of connectionText's words, for the pages that speak Welsh as well. */
export function connectionKey(status: ConnectionStatus, online = true, reader: LiveReader = "chair"): string {
  return online ? `live.connection.${status}` : `live.offline.${reader}`;
}
