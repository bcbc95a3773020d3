import type { LiveState } from "~/domain/live-state";

// Keeps a page's copy of the live state current over a Wi-Fi that drops: one EventSource
// (the browser reconnects it by itself, sending Last-Event-ID), and polling the JSON snapshot
// whenever the stream is down or the browser has no EventSource. Written without React so it
// can be tested with a fake stream and fake timers.
//
// Interface:
//   startLiveClient(options) -> { stop(), refresh() }
//   options: streamUrl, snapshotUrl, onState(state), onStatus(status), and injectable
//            EventSource / fetch / setTimeout / clearTimeout; pollMs, retryMs, maxRetryMs
//   ConnectionStatus: "connecting" | "live" | "reconnecting" | "polling" | "gone"
//
// A stream the server refused (the browser gives up: readyState CLOSED) is reopened after a
// growing pause (2 s, 4 s ... 30 s); a 404 from the snapshot means the event is gone and
// everything stops.

export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "polling" | "gone";

export interface StreamLike {
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
}

export type StreamConstructor = new (url: string) => StreamLike;

type Timer = ReturnType<typeof setTimeout>;

export interface LiveClientOptions {
  streamUrl: string;
  snapshotUrl: string;
  onState(state: LiveState): void;
  onStatus(status: ConnectionStatus): void;
  EventSource?: StreamConstructor | null;
  fetch?: (url: string, init: RequestInit) => Promise<Pick<Response, "ok" | "status" | "json">>;
  setTimeout?: (fn: () => void, ms: number) => Timer;
  clearTimeout?: (timer: Timer) => void;
  pollMs?: number;
  retryMs?: number;
  maxRetryMs?: number;
}

const CLOSED = 2;

export function startLiveClient(options: LiveClientOptions) {
  const Stream = options.EventSource === undefined ? (globalThis.EventSource as unknown as StreamConstructor | undefined) : options.EventSource;
  const fetchImpl = options.fetch ?? ((url: string, init: RequestInit) => globalThis.fetch(url, init));
  const later = options.setTimeout ?? ((fn: () => void, ms: number) => globalThis.setTimeout(fn, ms));
  const cancel = options.clearTimeout ?? ((timer: Timer) => globalThis.clearTimeout(timer));
  const pollMs = options.pollMs ?? 3_000;
  const firstRetryMs = options.retryMs ?? 2_000;
  const maxRetryMs = options.maxRetryMs ?? 30_000;

  let stopped = false;
  let stream: StreamLike | null = null;
  let pollTimer: Timer | null = null;
  let retryTimer: Timer | null = null;
  let retryMs = firstRetryMs;
  let status: ConnectionStatus | null = null;

  const setStatus = (next: ConnectionStatus) => {
    if (next === status || stopped) return;
    status = next;
    options.onStatus(next);
  };

  const receive = (text: string) => {
    try {
      options.onState(JSON.parse(text) as LiveState);
    } catch {
      // why: a frame cut short by a dropped connection; the next one carries the whole state.
    }
  };

  async function snapshot(): Promise<void> {
    try {
      const response = await fetchImpl(options.snapshotUrl, { cache: "no-store", headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (stopped) return;
      if (response.status === 404) {
        stop();
        status = "gone";
        options.onStatus("gone");
        return;
      }
      if (response.ok) options.onState((await response.json()) as LiveState);
    } catch {
      // why: offline; the next poll or the stream coming back will catch up.
    }
  }

  function startPolling() {
    if (pollTimer !== null || stopped) return;
    const tick = () => {
      pollTimer = later(() => {
        void snapshot().then(() => {
          if (pollTimer !== null && !stopped) tick();
        });
      }, pollMs);
    };
    void snapshot();
    tick();
  }

  function stopPolling() {
    if (pollTimer !== null) cancel(pollTimer);
    pollTimer = null;
  }

  function open() {
    if (stopped) return;
    if (!Stream) {
      setStatus("polling");
      startPolling();
      return;
    }
    const source = new Stream(options.streamUrl);
    stream = source;
    source.onopen = () => {
      if (stream !== source) return;
      retryMs = firstRetryMs;
      stopPolling();
      setStatus("live");
    };
    source.addEventListener("state", (event) => {
      if (stream !== source) return;
      // why: a state can arrive before onopen fires in some browsers; either way the stream works.
      stopPolling();
      setStatus("live");
      receive(event.data);
    });
    source.onerror = () => {
      if (stream !== source || stopped) return;
      startPolling();
      if (source.readyState === CLOSED) {
        // The browser gave up (the server answered with an error): try again ourselves, slower each time.
        source.close();
        stream = null;
        setStatus("polling");
        retryTimer = later(() => {
          retryTimer = null;
          open();
        }, retryMs);
        retryMs = Math.min(retryMs * 2, maxRetryMs);
      } else {
        setStatus("reconnecting");
      }
    };
  }

  function stop() {
    stopped = true;
    stopPolling();
    if (retryTimer !== null) cancel(retryTimer);
    retryTimer = null;
    stream?.close();
    stream = null;
  }

  setStatus(Stream ? "connecting" : "polling");
  open();

  return {
    stop,
    /** Fetches the state now (the page came back into view, or the device came back online). */
    refresh() {
      if (stopped) return;
      void snapshot();
      if (!stream && retryTimer !== null) {
        cancel(retryTimer);
        retryTimer = null;
        open();
      }
    },
  };
}
