import { liveState } from "~/models/event.server";
import type { LiveState } from "~/domain/live-state";
import { liveBus, subscribe as subscribeBus, type LiveSignal } from "~/db/live/bus.server";

// From bus signals to screens: one read of the live state per change, shared by every screen
// of the event (a projector, the chair, four panellists and sixty phones make one query per
// change, not sixty-six), and the SSE response a resource route returns.
//
// Interface:
//   watchLiveState(eventId, listener): () => void        listener(state) now and after each change
//   liveStateStream(request, eventId, options?): Response  text/event-stream for a resource route:
//       export const loader = ({ request, params }) => liveStateStream(request, params.eventId!);
//   createLiveStateHub(load, subscribe, busReady)          the same with injected parts (tests)
//
// Changes that arrive while the state is being read are folded into one more read, so a burst
// of twenty scores costs at most two reads. A screen that connects gets the latest state at
// once (with a fresh serverNow, so its countdown is right). SSE frames carry the state's
// version as their id; a reconnecting browser (Last-Event-ID) simply gets the current state.

type Listener = (state: LiveState) => void;
type Loader = (eventId: string, now?: Date) => Promise<LiveState | null>;
type Subscribe = (eventId: string, listener: (signal: LiveSignal) => void) => () => void;
type BusReady = () => Promise<void>;

interface Watch {
  listeners: Set<Listener>;
  stopBus: () => void;
  latest: LiveState | null;
  reading: boolean;
  again: boolean;
}

export interface LiveStateHub {
  watch(eventId: string, listener: Listener): () => void;
  /** Events being watched (for tests and a status page). */
  watching(): string[];
}

export function createLiveStateHub(
  load: Loader = liveState,
  subscribe: Subscribe = subscribeBus,
  busReady: BusReady = () => liveBus().ready(),
): LiveStateHub {
  const watches = new Map<string, Watch>();

  async function refresh(eventId: string, watch: Watch) {
    if (watch.reading) {
      watch.again = true;
      return;
    }
    watch.reading = true;
    try {
      do {
        watch.again = false;
        try {
          const state = await load(eventId);
          if (!state) continue;
          // why: the version is the newest audit entry, and every change to what screens show
          // writes one; a state no newer than the last one sent holds nothing new.
          if (watch.latest && state.version <= watch.latest.version) continue;
          watch.latest = state;
          for (const listener of [...watch.listeners]) {
            try {
              listener(state);
            } catch (error) {
              console.error("Live state listener failed:", error);
            }
          }
        } catch (error) {
          console.error(`Could not read the live state of event ${eventId}:`, error);
        }
      } while (watch.again && watches.get(eventId) === watch);
    } finally {
      watch.reading = false;
    }
  }

  return {
    watch(eventId, listener) {
      let watch = watches.get(eventId);
      if (!watch) {
        const created: Watch = { listeners: new Set(), stopBus: () => undefined, latest: null, reading: false, again: false };
        created.stopBus = subscribe(eventId, () => void refresh(eventId, created));
        watches.set(eventId, created);
        watch = created;
        void refresh(eventId, created);
        // why: on PostgreSQL the bus starts to LISTEN when the first screen of an event subscribes;
        // a change another app instance makes before the LISTEN is in place is never heard, so
        // read once more when it is (nothing is sent if nothing changed).
        Promise.resolve()
          .then(busReady)
          .then(
            () => (watches.get(eventId) === created ? refresh(eventId, created) : undefined),
            (error) => console.error("Live bus: could not tell when it is listening.", error),
          );
      } else if (watch.latest) {
        listener({ ...watch.latest, serverNow: new Date().toISOString() });
      }
      watch.listeners.add(listener);
      const own = watch;
      return () => {
        own.listeners.delete(listener);
        if (own.listeners.size === 0 && watches.get(eventId) === own) {
          watches.delete(eventId);
          own.stopBus();
        }
      };
    },
    watching: () => [...watches.keys()],
  };
}

type HubHolder = { hub?: LiveStateHub };
const hubHolder: HubHolder = ((globalThis as unknown as { __pitchdayLiveHub?: HubHolder }).__pitchdayLiveHub ??= {});

export function watchLiveState(eventId: string, listener: Listener): () => void {
  hubHolder.hub ??= createLiveStateHub();
  return hubHolder.hub.watch(eventId, listener);
}

export interface StreamOptions {
  /** A comment line this often keeps proxies and phones from closing an idle stream. */
  heartbeatMs?: number;
  hub?: LiveStateHub;
}

const encoder = new TextEncoder();
// why: one change reaches every screen with the same state object; a thousand screens share
// one serialised frame instead of a thousand JSON.stringify calls.
const frames = new WeakMap<LiveState, Uint8Array>();

function frameFor(state: LiveState) {
  let frame = frames.get(state);
  if (!frame) {
    frame = encoder.encode(`id: ${state.version}\nevent: state\ndata: ${JSON.stringify(state)}\n\n`);
    frames.set(state, frame);
  }
  return frame;
}

/** A text/event-stream Response with the event's live state now and after every change. */
export function liveStateStream(request: Request, eventId: string, options: StreamOptions = {}): Response {
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const watch = options.hub ? options.hub.watch.bind(options.hub) : watchLiveState;
  let stop: (() => void) | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const close = () => {
        if (!open) return;
        open = false;
        stop?.();
        if (heartbeat) clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      const send = (chunk: string | Uint8Array) => {
        if (!open) return;
        try {
          controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
        } catch {
          close();
        }
      };
      // why: browsers wait this long before reconnecting after the Wi-Fi drops.
      send("retry: 2000\n\n");
      stop = watch(eventId, (state) => send(frameFor(state)));
      heartbeat = setInterval(() => send(": keep-alive\n\n"), heartbeatMs);
      if (request.signal.aborted) close();
      else request.signal.addEventListener("abort", close, { once: true });
    },
    cancel() {
      stop?.();
      if (heartbeat) clearInterval(heartbeat);
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      // why: nginx and similar proxies buffer responses unless told not to.
      "X-Accel-Buffering": "no",
    },
  });
}
