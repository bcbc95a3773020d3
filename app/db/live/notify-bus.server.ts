import { randomUUID } from "node:crypto";
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { Dispatcher, type LiveBus, type LiveListener } from "./dispatcher.server";

// The live bus for several app instances: PostgreSQL LISTEN/NOTIFY, no new moving part.
//
// Interface:
//   createNotifyBus(transport, { channel? }) -> LiveBus
//   postgresTransport({ url, notify? })     -> a dedicated pg.Client for LISTEN (reconnects)
//   pgliteTransport(pglite)                 -> the same protocol on an embedded PGlite
//
// Each instance delivers its own publishes to its own listeners at once (so a dropped LISTEN
// connection never hides a change made here), and sends NOTIFY for the other instances with
// its instance id, so it ignores its own notification when that comes back. LISTEN runs only
// while this instance has listeners; after a reconnect every listener is told to re-read,
// because notifications sent while the connection was down are lost.

export const LIVE_CHANNEL = "pitchday_live";

export interface NotifyHandlers {
  onPayload(payload: string): void;
  /** The connection dropped and came back: notifications in between were lost. */
  onReconnect(): void;
}

export interface NotifyTransport {
  listen(channel: string, handlers: NotifyHandlers): Promise<void>;
  unlisten(): Promise<void>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

interface Message {
  e: string; // event id
  v: number; // version
  i: string; // sending instance
}

function parseMessage(payload: string): Message | null {
  try {
    const value = JSON.parse(payload) as Partial<Message>;
    if (typeof value.e === "string" && typeof value.v === "number" && Number.isFinite(value.v) && typeof value.i === "string") {
      return value as Message;
    }
  } catch {
    // not ours: another program may use the channel name
  }
  return null;
}

export function createNotifyBus(
  transport: NotifyTransport,
  options: { channel?: string; log?: (message: string, error?: unknown) => void } = {},
): LiveBus {
  const channel = options.channel ?? LIVE_CHANNEL;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ""));
  const instanceId = randomUUID();
  const dispatcher = new Dispatcher();
  let listening: Promise<void> | null = null;
  let closed = false;

  function startListening() {
    listening ??= transport
      .listen(channel, {
        onPayload(payload) {
          const message = parseMessage(payload);
          if (message && message.i !== instanceId) dispatcher.deliver(message.e, message.v);
        },
        onReconnect() {
          dispatcher.resyncAll();
        },
      })
      .catch((error) => {
        listening = null;
        log("Live bus: could not LISTEN; changes from other app instances will not arrive.", error);
      });
    return listening;
  }

  async function stopListening() {
    const was = listening;
    listening = null;
    if (was) {
      await was;
      await transport.unlisten().catch((error) => log("Live bus: UNLISTEN failed.", error));
    }
  }

  return {
    kind: "postgres-notify",
    async publish(eventId, version) {
      if (closed) return;
      dispatcher.deliver(eventId, version);
      const payload: Message = { e: eventId, v: version, i: instanceId };
      await transport
        .notify(channel, JSON.stringify(payload))
        .catch((error) => log("Live bus: NOTIFY failed; other app instances will catch up with the next change.", error));
    },
    subscribe(eventId: string, listener: LiveListener) {
      if (closed) throw new Error("The live bus is closed.");
      const remove = dispatcher.add(eventId, listener);
      void startListening();
      let removed = false;
      return () => {
        if (removed) return;
        removed = true;
        remove();
        if (dispatcher.size === 0) void stopListening();
      };
    },
    ready() {
      return listening ?? Promise.resolve();
    },
    async close() {
      closed = true;
      dispatcher.clear();
      await stopListening();
      await transport.close();
    },
  };
}

// ---------- PostgreSQL server ----------

export interface PostgresTransportOptions {
  /** Where to LISTEN: the app's own database (NOTIFY does not cross databases). */
  url: string | (() => Promise<string>);
  /** How to NOTIFY; defaults to this transport's own connection. */
  notify?: (channel: string, payload: string) => Promise<void>;
  log?: (message: string, error?: unknown) => void;
  /** First reconnect delay; doubles up to 15 s. */
  retryMs?: number;
  /** Shown in pg_stat_activity, so an operator can see the bus's connections. */
  applicationName?: string;
}

export function postgresTransport(options: PostgresTransportOptions): NotifyTransport {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ""));
  const firstDelay = options.retryMs ?? 500;
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let listenChannel: string | null = null;
  let handlers: NotifyHandlers | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let delay = firstDelay;
  let closed = false;

  async function url() {
    return typeof options.url === "string" ? options.url : options.url();
  }

  function connect(): Promise<pg.Client> {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: await url(), application_name: options.applicationName ?? "pitchday-live-bus" });
      next.on("notification", (message) => {
        if (message.channel === listenChannel && message.payload !== undefined) handlers?.onPayload(message.payload);
      });
      next.on("error", (error) => log("Live bus connection error:", error.message));
      next.on("end", () => {
        if (client === next) client = null;
        if (!closed && listenChannel) scheduleReconnect();
      });
      await next.connect();
      if (listenChannel) await next.query(`LISTEN ${quoteIdent(listenChannel)}`);
      client = next;
      return next;
    })().finally(() => (connecting = null));
    return connecting;
  }

  function scheduleReconnect() {
    if (retryTimer || closed) return;
    retryTimer = setTimeout(async () => {
      retryTimer = null;
      if (closed || !listenChannel) return;
      try {
        await connect();
        delay = firstDelay;
        handlers?.onReconnect();
      } catch (error) {
        log("Live bus: reconnect failed; trying again.", error);
        delay = Math.min(delay * 2, 15_000);
        scheduleReconnect();
      }
    }, delay);
  }

  async function disconnect() {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const current = client ?? (await connecting?.catch(() => null)) ?? null;
    client = null;
    await current?.end().catch(() => undefined);
  }

  return {
    async listen(channel, h) {
      quoteIdent(channel);
      listenChannel = channel;
      handlers = h;
      try {
        const c = await connect();
        // why: connect() LISTENs on a fresh connection; one opened earlier for NOTIFY has not.
        await c.query(`LISTEN ${quoteIdent(channel)}`);
      } catch (error) {
        // why: the database may be restarting; keep trying, and tell listeners once back.
        log("Live bus: could not LISTEN yet; retrying.", error);
        scheduleReconnect();
      }
    },
    async unlisten() {
      listenChannel = null;
      handlers = null;
      // why: no idle connection is kept; NOTIFY connects again on demand.
      await disconnect();
    },
    async notify(channel, payload) {
      if (options.notify) return options.notify(channel, payload);
      const c = await connect();
      await c.query("SELECT pg_notify($1, $2)", [channel, payload]);
    },
    async close() {
      closed = true;
      listenChannel = null;
      handlers = null;
      await disconnect();
    },
  };
}

function quoteIdent(name: string) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe channel name: ${name}`);
  return `"${name}"`;
}

// ---------- PGlite ----------

export function pgliteTransport(pglite: PGlite): NotifyTransport {
  let stop: (() => Promise<void>) | null = null;
  return {
    async listen(channel, handlers) {
      stop = await pglite.listen(channel, (payload) => handlers.onPayload(payload));
    },
    async unlisten() {
      const was = stop;
      stop = null;
      await was?.();
    },
    async notify(channel, payload) {
      await pglite.query("SELECT pg_notify($1, $2)", [channel, payload]);
    },
    async close() {
      await this.unlisten();
    },
  };
}
