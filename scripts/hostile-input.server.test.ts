import http from "node:http";
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { closeDatabase, db } from "~/db.server";
import { createUser } from "~/models/user.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeLiveEvent, makeStaff } from "~/testing/live-fixtures";
import { CONTROL_CHARACTER_MESSAGE } from "~/utils/forms";
import { signIn } from "./bench/http";
import { freePort, startScript, type RunningProcess } from "./bench/processes";
import { ACTION_PATHS, hostileRequest, seededRandom, type Ids } from "./lib/hostile-fuzz";
import { hostileSend, watchHealth, type HostileReply, type HostileRequest } from "./lib/hostile-http";
import { ensureBuilt, openTestDatabaseCopy } from "./lib/test-server";

// Hostile input must never stop the event: the built app, as a real server process, takes
// floods of fields, endless chunked bodies, compressed bodies, odd types, NUL bytes and odd ids,
// and answers each with a 4xx at once while /healthz keeps answering within a second. Each
// finding of issue 11 has its own test; then a seeded fuzz run throws several thousand generated
// requests at every form action and every address with an id.
// HOSTILE_FUZZ_SEED and HOSTILE_FUZZ_REQUESTS repeat or widen a run; HOSTILE_INPUT_PORT picks the port.

const HEALTH_LIMIT_MS = 1_000;
const FUZZ_SEED = Number(process.env.HOSTILE_FUZZ_SEED ?? 20_261_206);
const FUZZ_REQUESTS = Number(process.env.HOSTILE_FUZZ_REQUESTS ?? 3_000);
const FUZZ_SECONDS = 60;
// why 2: one hostile client per core of a 2-core machine keeps the server busy all the time;
// what is measured is whether the hall's own requests (/healthz) still get through.
const WORKERS = 2;
const FORM = "application/x-www-form-urlencoded";

let server: RunningProcess;
let dropDatabase: () => Promise<void> = async () => undefined;
let ids: Ids;
let cookie = "";
const admin = { email: `hostile-${randomBytes(4).toString("hex")}@example.test`, password: randomBytes(18).toString("base64url") };

beforeAll(async () => {
  ensureBuilt();
  const copy = await openTestDatabaseCopy("hostile");
  dropDatabase = copy.drop;
  try {
    await createUser({ ...admin, name: "Hostile Admin", roles: ["ADMIN", "ORGANISER", "FUNDER", "AUDITOR"] }, { actor: { type: "system" }, via: "seed" });
    const other = await makeStaff();
    const live = await makeLiveEvent({ bids: 3, panellists: 1 });
    const open = await db().round.create({
      data: { fundId: live.fund.id, title: "Open round", slug: `open-${randomBytes(3).toString("hex")}`, opensAt: new Date("2026-01-01T09:00:00Z"), closesAt: new Date("2030-01-01T17:00:00Z") },
    });
    ids = { event: live.event.id, bid: live.bids[0].id, fund: live.fund.id, round: live.round.id, slug: live.round.slug, openSlug: open.slug, user: other.user.id, code: live.event.joinCode };
  } finally {
    await closeLiveBus();
    await closeDatabase();
  }
  const port = Number(process.env.HOSTILE_INPUT_PORT) || (await freePort());
  server = await startScript("scripts/serve.ts", { ...copy.env, NODE_ENV: "production" }, { port });
  cookie = await signIn(server.url, admin.email, admin.password);
  // why: a fresh process loads a route's code on its first request; the watches are about floods.
  for (const path of ["/healthz", `/rounds/${ids.openSlug}/apply`]) await send({ method: "GET", path });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await dropDatabase();
});

const send = (request: HostileRequest, agent?: http.Agent) => hostileSend(server.url, request, { agent });
const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}): HostileRequest => ({
  method: "POST",
  path,
  headers: { "Content-Type": FORM, Origin: server.url, Cookie: cookie, ...headers },
  body,
});
const fill = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => (ids as Record<string, string>)[name] ?? randomBytes(32).toString("base64url"));
const serverLog = () => server.output().slice(-3_000);

describe("hostile input against the built server", () => {
  it("16,000 repeats of one field name to /login and 60,000 to the apply page are refused at once (413) while /healthz answers within 1 s", async () => {
    const health = watchHealth(server.url);
    const [login, apply] = await Promise.all([
      send({ method: "POST", path: "/login", headers: { "Content-Type": FORM }, body: Array(16_000).fill("x=").join("&") }),
      send(post(`/rounds/${ids.openSlug}/apply`, Array(60_000).fill("x=").join("&"))),
    ]);
    const watched = await health.stop();
    expect([login.status, apply.status]).toEqual([413, 413]);
    expect(login.text).toMatch(/too many fields \(the limit is 1000\)/);
    expect(watched.failures).toEqual([]);
    expect(watched.worstMs).toBeLessThan(HEALTH_LIMIT_MS);
    // A form at the limit is read and answered as a form (an incomplete bid), not refused.
    const atLimit = await send(post(`/rounds/${ids.openSlug}/apply`, `intent=draft&${Array(998).fill("x=").join("&")}`));
    expect(atLimit.status).toBe(400);
  });

  it("a 20 MB body, chunked or declared, is refused with 413 and only its first 1 MB kept; a compressed one is refused with 415", async () => {
    const health = watchHealth(server.url);
    const chunked = await send({
      method: "POST",
      path: "/login",
      headers: { "Content-Type": FORM, "Transfer-Encoding": "chunked" },
      stream: { chunk: Buffer.from(`x=${"a".repeat(64 * 1024 - 3)}&`), totalBytes: 20_000_000 },
    });
    expect([chunked.status, chunked.error, chunked.text]).toEqual([413, undefined, "That request is too large (the limit is 1 MB)."]);
    const declared = await send({ method: "POST", path: "/login", headers: { "Content-Type": FORM, "Content-Length": "20000000" }, stream: { chunk: Buffer.alloc(100_000, 97), totalBytes: 20_000_000 } });
    expect([declared.status, declared.error]).toEqual([413, undefined]);
    const watched = await health.stop();
    expect(watched.failures).toEqual([]);
    expect(watched.worstMs).toBeLessThan(HEALTH_LIMIT_MS);

    // 20 MB of one field compresses to ~20 KB: a server that inflated it first would read it all.
    const bomb = gzipSync(Buffer.from(`email=${"a".repeat(20_000_000)}`));
    for (const encoding of ["gzip", "deflate", "br"]) {
      const compressed = await send(post("/login", bomb, { "Content-Encoding": encoding }));
      expect([encoding, compressed.status]).toEqual([encoding, 415]);
    }
  });

  it("sign-in never sends you off the site: tab, backslash, //, CR/LF and non-ASCII in redirectTo give the default page, never a 500", async () => {
    const hostile = ["/\t/evil.example/phish", "/%09/evil.example", "//evil.example", "/\\evil.example", "/%5C%5Cevil.example", "https://evil.example", "/a\r\nSet-Cookie: x=1", "/café"];
    for (const redirectTo of hostile) {
      const body = new URLSearchParams({ email: admin.email, password: admin.password, redirectTo }).toString();
      const signedIn = await send({ method: "POST", path: "/login", headers: { "Content-Type": FORM }, body });
      expect([redirectTo, signedIn.status, signedIn.headers.location]).toEqual([redirectTo, 302, "/staff"]);
      const already = await send({ method: "GET", path: `/login?redirectTo=${encodeURIComponent(redirectTo)}`, headers: { Cookie: cookie } });
      expect([redirectTo, already.status, already.headers.location]).toEqual([redirectTo, 302, "/staff"]);
    }
    const kept = await send({ method: "GET", path: `/login?redirectTo=${encodeURIComponent("/staff/funds")}`, headers: { Cookie: cookie } });
    expect(kept.headers.location).toBe("/staff/funds");
  });

  it("a NUL byte in a text field is refused beside the field (400) with the rest of the text kept, never reaching the database", async () => {
    const fund = new URLSearchParams({
      name: "Nul\u0000 Town Chest", pot: "10,000", currency: "GBP", minAward: "200", maxAward: "5000",
      funderName: "Test Town Council", funderOrgId: "GB-LAE-TST", grantIdPrefix: "360G-test", timeZone: "Europe/London",
    });
    const refused = await send(post("/staff/funds/new", fund.toString()));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(CONTROL_CHARACTER_MESSAGE);
    expect(refused.text).toContain('value="Nul Town Chest"');
    const bid = new URLSearchParams({ intent: "draft", groupName: "Friends of the Park", projectTitle: "Fun\u0000day", contactEmail: "a@b.test" });
    const bidRefused = await send(post(`/rounds/${ids.openSlug}/apply`, bid.toString()));
    expect(bidRefused.status).toBe(400);
    expect(bidRefused.text).toContain(CONTROL_CHARACTER_MESSAGE);
    const funds = await send({ method: "GET", path: "/staff/funds", headers: { Cookie: cookie } });
    expect(funds.text).not.toContain("Town Chest");
  });

  it("an address whose id is a NUL, over-long or of the wrong alphabet is 404, and a NUL in a search is 400", async () => {
    const paths = ["/events/%00/state", "/staff/bids/%00", "/results/%00", `/results/${"a".repeat(300)}`, "/results/CMXC3FB4F001VJ87DSS5503H7", "/staff/events/..%2F..%2Fetc/control", `/rounds/${ids.slug}%00/apply`];
    for (const path of paths) {
      const reply = await send({ method: "GET", path, headers: { Cookie: cookie } });
      expect([path, reply.status]).toEqual([path, 404]);
    }
    const search = await send({ method: "GET", path: `/staff/rounds/${ids.round}/bids?q=%00`, headers: { Cookie: cookie } });
    expect(search.status).toBe(400);
  });

  it("a JSON or other non-form body to any form action is 415; a multipart body without a boundary or cut short is 400", async () => {
    for (const template of ACTION_PATHS) {
      const path = fill(template);
      for (const type of ["application/json", "text/plain"]) {
        const reply = await send(post(path, JSON.stringify({ intent: "save", email: "a@b.test" }), { "Content-Type": type }));
        expect([path, type, reply.status]).toEqual([path, type, 415]);
      }
    }
    const noBoundary = await send(post("/login", "email=a", { "Content-Type": "multipart/form-data" }));
    expect(noBoundary.status).toBe(400);
    const cut = await send(post("/staff/funds/new", '--XX\r\nContent-Disposition: form-data; name="name"\r\n\r\nabc', { "Content-Type": "multipart/form-data; boundary=XX" }));
    expect(cut.status).toBe(400);
  });

  it(`fuzz: ${FUZZ_REQUESTS} seeded hostile requests (seed ${FUZZ_SEED}, at most ${FUZZ_SECONDS} s) get no 5xx, and /healthz answers within 1 s throughout`, async () => {
    const random = seededRandom(FUZZ_SEED);
    const agent = new http.Agent({ keepAlive: true, maxSockets: WORKERS });
    const deadline = performance.now() + FUZZ_SECONDS * 1_000;
    const failures: { request: HostileRequest; reply: HostileReply }[] = [];
    const statuses = new Map<number, number>();
    const slowPaths = new Map<string, number>();
    let tried = 0;
    let slowest = { ms: 0, what: "" };
    const health = watchHealth(server.url);
    const worker = async () => {
      while (tried < FUZZ_REQUESTS && performance.now() < deadline) {
        tried += 1;
        const request = hostileRequest(random, ids, server.url);
        if (random() < 0.5) request.headers = { ...request.headers, Cookie: cookie };
        const reply = await send(request, agent);
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        const key = `${request.method} ${request.path.replace(/\/[^/?]{20,}/g, "/:id").slice(0, 60)}`;
        slowPaths.set(key, Math.max(slowPaths.get(key) ?? 0, reply.ms));
        if (reply.ms > slowest.ms) slowest = { ms: reply.ms, what: `${request.method} ${request.path.slice(0, 80)} (${reply.status})` };
        // why status 0 counts only for a body past the limit: the server may close on it mid-send.
        const oversized = Buffer.byteLength(request.body ?? "") > 1_000_000;
        if (reply.status >= 500 || (reply.status === 0 && !oversized)) failures.push({ request, reply });
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    const watched = await health.stop();
    agent.destroy();

    console.log(
      `hostile fuzz: ${tried} requests (seed ${FUZZ_SEED}), 5xx or no answer: ${failures.length}, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ` +
        `slowest answer ${Math.round(slowest.ms)} ms (${slowest.what}), healthz worst ${Math.round(watched.worstMs)} ms over ${watched.probes} probes`,
    );
    const shown = failures.slice(0, 8).map(({ request, reply }) => ({
      request: `${request.method} ${request.path.slice(0, 120)} ${JSON.stringify(request.headers?.["Content-Type"] ?? "")} ${String(request.body ?? "").slice(0, 200)}`,
      answer: `${reply.status} ${reply.error ?? ""} ${reply.text.slice(0, 200)}`,
    }));
    if (process.env.HOSTILE_FUZZ_DEBUG) console.log([...slowPaths].sort((a, b) => b[1] - a[1]).slice(0, 15));
    if (shown.length > 0) console.log(JSON.stringify(shown, null, 2), "\nserver:", serverLog());
    expect(tried).toBeGreaterThanOrEqual(Math.min(FUZZ_REQUESTS, 300));
    expect(shown).toEqual([]);
    expect(watched.failures).toEqual([]);
    expect(watched.worstMs).toBeLessThan(HEALTH_LIMIT_MS);
  }, 120_000);
});
