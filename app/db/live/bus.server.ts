import { database } from "~/db.server";
import { env } from "~/utils/env.server";
import { Dispatcher, type LiveBus, type LiveSignal } from "./dispatcher.server";
import { createNotifyBus, postgresTransport } from "./notify-bus.server";

// The live bus: "something changed in event X" from whoever made the change to every screen
// that shows event X (chair, projector, panellists' and audience phones via SSE).
//
// Interface:
//   publish(eventId, version): Promise<void>    after the change has committed; never throws
//   subscribe(eventId, listener): () => void   returns the unsubscribe function
//   liveBus(): LiveBus                          the process's bus, chosen by database engine
//   createMemoryBus(): LiveBus                  one process (PGlite, or tests)
//   closeLiveBus(): Promise<void>               at shutdown / end of a test file
//
// Signals carry no state, only { eventId, version, reason }: listeners read the state they
// show (liveState in app/models/event.server.ts, or subscribeLiveState in app/coordinators/live-state.server.ts).
// `version` is the audit sequence number of the change, so it grows in commit order.
// One process (PGlite): an in-memory emitter. PostgreSQL: LISTEN/NOTIFY, so several app
// instances behind a load balancer all hear every change.

export type { LiveBus, LiveListener, LiveSignal } from "./dispatcher.server";

export function createMemoryBus(): LiveBus {
  const dispatcher = new Dispatcher();
  let closed = false;
  return {
    kind: "memory",
    async publish(eventId, version) {
      if (!closed) dispatcher.deliver(eventId, version);
    },
    subscribe(eventId, listener) {
      if (closed) throw new Error("The live bus is closed.");
      return dispatcher.add(eventId, listener);
    },
    ready: () => Promise.resolve(),
    async close() {
      closed = true;
      dispatcher.clear();
    },
  };
}

type Holder = { bus?: LiveBus };
// why: Remix dev reloads the server bundle; listeners must stay on one bus.
const holder: Holder = ((globalThis as unknown as { __pitchdayLiveBus?: Holder }).__pitchdayLiveBus ??= {});

export function liveBus(): LiveBus {
  holder.bus ??= chooseBus();
  return holder.bus;
}

function chooseBus(): LiveBus {
  const db = database();
  const serverUrl = env().DATABASE_URL;
  if (db.engine !== "postgresql" || !serverUrl) return createMemoryBus();
  return createNotifyBus(
    postgresTransport({
      // why: NOTIFY is heard only in the database it was sent in; LISTEN on the very database
      // the app writes to (tests give every file its own database on the same server).
      url: async () => {
        const [row] = await database().sql.query<{ name: string }>("SELECT current_database() AS name");
        const url = new URL(serverUrl);
        url.pathname = `/${row.name}`;
        return url.toString();
      },
      // why: the app's pool is already connected; no extra connection unless someone listens.
      notify: async (channel, payload) => {
        await database().sql.query("SELECT pg_notify($1, $2)", [channel, payload]);
      },
    }),
  );
}

/** Replaces the process's bus (tests, or a server that wants a specific one). */
export function useLiveBus(bus: LiveBus) {
  holder.bus = bus;
}

export async function closeLiveBus() {
  const bus = holder.bus;
  holder.bus = undefined;
  await bus?.close();
}

export function publish(eventId: string, version: number): Promise<void> {
  return liveBus()
    .publish(eventId, version)
    .catch((error) => console.error("Live bus: publish failed.", error));
}

export function subscribe(eventId: string, listener: (signal: LiveSignal) => void): () => void {
  return liveBus().subscribe(eventId, listener);
}
