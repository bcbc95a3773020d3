import { randomBytes } from "node:crypto";
import pg from "pg";
import { closeDatabase } from "~/db.server";
import type { LiveState } from "~/domain/live-state";
import { createUser } from "~/models/user.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { keepAliveAgent, send, signIn } from "./bench/http";
import { freePort, startScript, type Env, type RunningProcess } from "./bench/processes";
import { openLiveStream, type LiveStream } from "./bench/sse";
import { ensureBuilt, openTestDatabaseCopy } from "./lib/test-server";

// Several app instances behind a load balancer share one PostgreSQL database, and a screen may
// be connected to any of them: a change made through one instance must reach screens on the
// others (LISTEN/NOTIFY). This starts the built app as real server processes and watches it
// happen over HTTP. PGlite is one process's database, so without DATABASE_URL the same check
// runs against a single instance (the in-memory bus) and says so in its name.

const SHARED = Boolean(process.env.DATABASE_URL);
const TITLE = SHARED
  ? "a chair's press on instance A reaches a screen connected to instance B within 5 s (two app processes, one PostgreSQL database)"
  : "PGlite cannot be shared by two processes, so on one instance: a chair's press reaches a screen connected to it within 5 s";

let env: Env = {};
let dropDatabase: () => Promise<void> = async () => undefined;
const servers: RunningProcess[] = [];
const streams: LiveStream[] = [];
let eventId = "";
let firstSlotId = "";
let chair = { email: "", password: "" };

beforeAll(async () => {
  ensureBuilt();
  const copy = await openTestDatabaseCopy("instances");
  env = copy.env;
  dropDatabase = copy.drop;
  try {
    const live = await makeLiveEvent({ bids: 2, panellists: 1 });
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    eventId = live.event.id;
    firstSlotId = live.slots[0].id;
    chair = { email: `chair-${randomBytes(4).toString("hex")}@example.test`, password: randomBytes(18).toString("base64url") };
    await createUser({ ...chair, name: "Chair", roles: ["ORGANISER"] }, { actor: { type: "system" }, via: "seed" });
  } finally {
    await closeLiveBus();
    await closeDatabase();
  }

  const serverEnv = { ...env, NODE_ENV: "production" };
  servers.push(await startScript("scripts/serve.ts", serverEnv, { port: await freePort() }));
  if (SHARED) servers.push(await startScript("scripts/serve.ts", serverEnv, { port: await freePort() }));
}, 180_000);

afterAll(async () => {
  for (const stream of streams) stream.close();
  await Promise.all(servers.map((server) => server.stop()));
  await dropDatabase();
});

/** Resolves once some instance holds a LISTEN on the shared database (B's, for its screen). */
async function untilAnInstanceListens(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let tries = 0; tries < 500; tries++) {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'",
      );
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("No app instance started listening for changes within 10 s.");
  } finally {
    await client.end();
  }
}

describe("live updates across app instances", () => {
  it(TITLE, async () => {
    const [a] = servers;
    const b = servers[servers.length - 1];
    expect(servers).toHaveLength(SHARED ? 2 : 1);

    const screen = await openLiveStream(`${b.url}/events/${eventId}/live`, { agent: keepAliveAgent(), keepState: true });
    streams.push(screen);
    const before = screen.state as LiveState;
    expect(before.event.state).toBe("LIVE");
    expect(before.currentSlotId).toBeNull();

    const cookie = await signIn(a.url, chair.email, chair.password);
    // why: instance B starts listening for other instances' changes when its first screen
    // connects; wait until its LISTEN is in place, so the test is about delivery, not start-up order.
    if (SHARED) await untilAnInstanceListens(env.DATABASE_URL!);
    const arrived = screen.nextAbove(screen.version, 5_000);
    const agent = keepAliveAgent(1);
    const reply = await send(agent, `${a.url}/staff/events/${eventId}/control`, {
      form: { intent: "next", revision: before.revision },
      headers: { Cookie: cookie, Origin: a.url },
    });
    agent.destroy();
    expect(reply.status).toBe(302);

    await arrived;
    const after = screen.state as LiveState;
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.currentSlotId).toBe(firstSlotId);
    expect(after.current?.state).toBe("PITCHING");
    expect(after.revision).not.toBe(before.revision);
  });
});
