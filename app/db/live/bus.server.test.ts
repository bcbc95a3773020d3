import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { useTestDatabase } from "~/testing/database";
import { database } from "~/db.server";
import { closeLiveBus, createMemoryBus, liveBus, publish, subscribe, type LiveBus, type LiveSignal } from "./bus.server";
import { createNotifyBus, LIVE_CHANNEL, pgliteTransport, postgresTransport } from "./notify-bus.server";

useTestDatabase();
afterAll(() => closeLiveBus());

const serverUrl = process.env.DATABASE_URL;

function collect(bus: LiveBus, eventId: string) {
  const seen: LiveSignal[] = [];
  const stop = bus.subscribe(eventId, (signal) => seen.push(signal));
  return { seen, stop };
}

async function eventually(check: () => boolean, what: string, ms = 10_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("in-process bus", () => {
  it("tells the listeners of an event, and only them, about a change", async () => {
    const bus = createMemoryBus();
    const a = collect(bus, "event-a");
    const b = collect(bus, "event-b");
    await bus.publish("event-a", 7);
    expect(a.seen).toEqual([{ eventId: "event-a", version: 7, reason: "change" }]);
    expect(b.seen).toEqual([]);
    await bus.close();
  });

  it("stops telling a listener once it unsubscribes", async () => {
    const bus = createMemoryBus();
    const a = collect(bus, "e");
    a.stop();
    await bus.publish("e", 1);
    expect(a.seen).toEqual([]);
    await bus.close();
  });

  it("drops a change older than one already delivered (its state is already included)", async () => {
    const bus = createMemoryBus();
    const a = collect(bus, "e");
    await bus.publish("e", 10);
    await bus.publish("e", 9);
    await bus.publish("e", 10);
    await bus.publish("e", 11);
    expect(a.seen.map((s) => s.version)).toEqual([10, 11]);
    await bus.close();
  });

  it("keeps telling other listeners when one of them throws", async () => {
    const bus = createMemoryBus();
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    bus.subscribe("e", () => {
      throw new Error("a broken screen");
    });
    const ok = collect(bus, "e");
    await bus.publish("e", 1);
    expect(ok.seen).toHaveLength(1);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    await bus.close();
  });
});

describe("the app's bus for this engine", () => {
  it(serverUrl ? "is LISTEN/NOTIFY on PostgreSQL" : "is in-process on PGlite", () => {
    expect(liveBus().kind).toBe(database().engine === "postgresql" ? "postgres-notify" : "memory");
  });

  const elsewhere = serverUrl
    ? "hears a NOTIFY sent by another app instance in the app's own database"
    : "carries publish() to subscribe() within the one process";
  it(elsewhere, async () => {
    const heard: LiveSignal[] = [];
    const stop = subscribe("event-from-elsewhere", (signal) => heard.push(signal));
    await liveBus().ready();
    if (serverUrl) {
      await database().sql.query("SELECT pg_notify($1, $2)", [
        LIVE_CHANNEL,
        JSON.stringify({ e: "event-from-elsewhere", v: 5, i: "another-instance" }),
      ]);
    } else {
      await publish("event-from-elsewhere", 5);
    }
    await eventually(() => heard.length === 1, "the change");
    expect(heard[0]).toEqual({ eventId: "event-from-elsewhere", version: 5, reason: "change" });
    stop();
  });
});

const twoInstances = serverUrl
  ? "two app instances on PostgreSQL (two connections): a change published on one reaches a listener on the other"
  : "two buses over NOTIFY on PGlite (no DATABASE_URL): a change published on one reaches a listener on the other";

describe("LISTEN/NOTIFY between instances", () => {
  const channel = `pitchday_live_test_${randomBytes(4).toString("hex")}`;
  let pglite: PGlite | undefined;
  const buses: LiveBus[] = [];

  function makeBus(name: string) {
    const transport = serverUrl
      ? postgresTransport({ url: serverUrl, applicationName: `${channel}_${name}`, retryMs: 50 })
      : pgliteTransport(pglite!);
    const bus = createNotifyBus(transport, { channel });
    buses.push(bus);
    return bus;
  }

  beforeAll(async () => {
    if (!serverUrl) pglite = await PGlite.create();
  });
  afterAll(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await pglite?.close();
  });

  it(twoInstances, async () => {
    const a = makeBus("a");
    const b = makeBus("b");
    const onA = collect(a, "event-1");
    const onB = collect(b, "event-1");
    const otherEvent = collect(b, "event-2");
    await b.ready();
    await a.publish("event-1", 42);
    await eventually(() => onB.seen.length === 1, "the change on the other instance");
    expect(onB.seen).toEqual([{ eventId: "event-1", version: 42, reason: "change" }]);
    // The publisher's own listeners hear it once, not again when its NOTIFY comes back: a later
    // change from the other instance reaches them after any echo of their own (PostgreSQL
    // delivers notifications in commit order), so by then an echo would have shown.
    await b.publish("event-1", 43);
    await eventually(() => onA.seen.length >= 2, "the other instance's later change");
    expect(onA.seen).toEqual([
      { eventId: "event-1", version: 42, reason: "change" },
      { eventId: "event-1", version: 43, reason: "change" },
    ]);
    expect(otherEvent.seen).toEqual([]);
  });

  // why: only a server connection can drop and come back; PGlite runs inside this process.
  if (serverUrl) it("tells listeners to re-read after the LISTEN connection drops, then hears changes again", async () => {
    const a = makeBus("c");
    const b = makeBus("d");
    const onB = collect(b, "event-9");
    await b.ready();
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [
      `${channel}_d`,
    ]);
    await admin.end();
    expect(rowCount).toBe(1);
    await eventually(() => onB.seen.some((s) => s.reason === "resync"), "the resync after reconnecting");
    await a.publish("event-9", 3);
    await eventually(() => onB.seen.some((s) => s.reason === "change" && s.version === 3), "a change after reconnecting");
    expect(errors).toHaveBeenCalledWith("Live bus connection error:", expect.stringMatching(/terminat/));
    errors.mockRestore();
  });
});
