import { createOfflineQueue, newClientId, type QueueDeps, type QueueEvent } from "./offline-queue";

type Script = "network" | "hang" | { status: number; body?: unknown };

// why: the queue's timers (back-off, request timeout) must run on demand, not in real seconds.
function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      timers.set(++seq, { at: now + ms, run });
      return seq;
    },
    clearTimer: (handle: unknown) => void timers.delete(handle as number),
    async advance(ms: number) {
      const target = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
        await settle();
      }
      now = target;
      await settle();
    },
  };
}

async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

// why: the network is what the queue exists to survive; each call takes the next scripted answer.
function fakeFetch(script: Script[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: QueueDeps["fetch"] = (url, init) => {
    calls.push({ url, init });
    const next = script.shift() ?? { status: 200, body: { ok: true } };
    if (next === "network") return Promise.reject(new TypeError("Failed to fetch"));
    if (next === "hang") {
      return new Promise((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError"))));
    }
    return Promise.resolve({
      ok: next.status >= 200 && next.status < 300,
      status: next.status,
      json: () => (next.body === undefined ? Promise.reject(new SyntaxError("Unexpected end of JSON input")) : Promise.resolve(next.body)),
    });
  };
  return { fetch, calls };
}

// why: localStorage is what carries the queue across a reload; a Map shows exactly what was kept.
function fakeStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

function setup(script: Script[] = [], overrides: Partial<QueueDeps> = {}) {
  const clock = fakeClock();
  const network = fakeFetch(script);
  const storage = fakeStorage();
  let online = true;
  const deps: QueueDeps = {
    fetch: network.fetch,
    storage,
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    // why: navigator.onLine, switchable like a phone losing the hall's Wi-Fi.
    isOnline: () => online,
    // why: jitter at its maximum makes the delays exact (1 s, 2 s, 4 s ...).
    random: () => 0.9999999,
    ...overrides,
  };
  const queue = createOfflineQueue(deps);
  const events: QueueEvent[] = [];
  queue.subscribe((event) => events.push(event));
  return { queue, clock, calls: network.calls, storage, events, deps, setOnline: (value: boolean) => (online = value) };
}

const sheet = (id: string, key = "score:e1:b1") => ({ id, key, url: "/panel/e1/sheets/b1", body: `items.c1=4&clientMutationId=${id}` });
const bodies = (calls: { init: RequestInit }[]) => calls.map((c) => c.init.body);
const types = (events: QueueEvent[]) => events.map((e) => e.type);

describe("offline queue", () => {
  it("posts the form body as the form would, and reports the server's acknowledgement", async () => {
    const t = setup([{ status: 200, body: { ok: true, version: 2, savedAt: "19:42" } }]);
    t.queue.submit(sheet("id-1"));
    await settle();
    expect(t.calls).toHaveLength(1);
    expect(t.calls[0].url).toBe("/panel/e1/sheets/b1");
    expect(t.calls[0].init).toMatchObject({ method: "POST", body: "items.c1=4&clientMutationId=id-1", credentials: "same-origin" });
    expect((t.calls[0].init.headers as Record<string, string>).Accept).toBe("application/json");
    expect(types(t.events)).toEqual(["queued", "sending", "saved"]);
    expect(t.events.at(-1)).toMatchObject({ type: "saved", reply: { version: 2, savedAt: "19:42" } });
    expect(t.queue.pending()).toEqual([]);
  });

  it("keeps a submission through network failures and retries it by itself with growing waits", async () => {
    const t = setup(["network", "network", "network", { status: 200, body: { ok: true, version: 1 } }]);
    t.queue.submit(sheet("id-1"));
    await settle();
    expect(t.calls).toHaveLength(1);
    expect(t.events.at(-1)).toMatchObject({ type: "waiting", reason: "network", retryAt: t.clock.now() + 1_000 });
    expect(t.queue.pending("score:e1:b1")).toHaveLength(1);

    await t.clock.advance(999);
    expect(t.calls).toHaveLength(1);
    await t.clock.advance(1);
    expect(t.calls).toHaveLength(2);
    await t.clock.advance(1_999);
    expect(t.calls).toHaveLength(2);
    await t.clock.advance(1);
    expect(t.calls).toHaveLength(3);
    await t.clock.advance(4_000);
    expect(t.calls).toHaveLength(4);
    expect(t.events.at(-1)).toMatchObject({ type: "saved", reply: { version: 1 } });
    // Every copy carries the same client id, so the server keeps one sheet however many arrive.
    expect(new Set(bodies(t.calls))).toEqual(new Set(["items.c1=4&clientMutationId=id-1"]));
    expect(t.queue.pending()).toEqual([]);
  });

  it("never waits longer than 30 seconds between attempts, and spreads phones out with jitter", async () => {
    const t = setup(Array(9).fill("network"));
    t.queue.submit(sheet("id-1"));
    await settle();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const last = t.events.at(-1) as Extract<QueueEvent, { type: "waiting" }>;
      waits.push(last.retryAt! - t.clock.now());
      await t.clock.advance(last.retryAt! - t.clock.now());
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);

    const low = setup(["network"], { random: () => 0 });
    low.queue.submit(sheet("id-2"));
    await settle();
    expect((low.events.at(-1) as Extract<QueueEvent, { type: "waiting" }>).retryAt! - low.clock.now()).toBe(500);
  });

  it("waits while the phone is offline and sends as soon as it is back online", async () => {
    const t = setup([{ status: 200, body: { ok: true, version: 1 } }]);
    t.setOnline(false);
    t.queue.submit(sheet("id-1"));
    await t.clock.advance(60_000);
    expect(t.calls).toHaveLength(0);
    expect(t.events.at(-1)).toMatchObject({ type: "waiting", reason: "offline", retryAt: null });

    t.setOnline(true);
    await t.queue.flush({ now: true });
    expect(t.calls).toHaveLength(1);
    expect(t.events.at(-1)).toMatchObject({ type: "saved" });
  });

  it("coming back online skips the back-off wait", async () => {
    const t = setup(["network", "network", "network"]);
    t.queue.submit(sheet("id-1"));
    await settle();
    await t.clock.advance(1_000);
    await t.clock.advance(2_000);
    expect(t.calls).toHaveLength(3);
    await t.queue.flush({ now: true });
    expect(t.calls).toHaveLength(4);
    expect(t.events.at(-1)).toMatchObject({ type: "saved" });
  });

  it("treats a second submission with the same client id as the same one", async () => {
    const t = setup([{ status: 200, body: { ok: true } }]);
    t.setOnline(false);
    t.queue.submit(sheet("id-1"));
    t.queue.submit(sheet("id-1"));
    t.queue.submit(sheet("id-1"));
    expect(t.queue.pending()).toHaveLength(1);
    t.setOnline(true);
    await t.queue.flush({ now: true });
    await t.clock.advance(60_000);
    expect(t.calls).toHaveLength(1);
  });

  it("sends edits in the order they were made, one at a time", async () => {
    const t = setup(["network", "network", { status: 200, body: { ok: true, version: 1 } }, { status: 200, body: { ok: true, version: 2 } }]);
    const sent = () => bodies(t.calls).map((b) => String(b).split("=").at(-1));
    t.queue.submit(sheet("first"));
    await settle();
    t.queue.submit(sheet("second"));
    await settle();
    // Submitting tries at once, but the older edit goes first; while it fails, the newer waits.
    expect(sent()).toEqual(["first", "first"]);
    expect(t.queue.pending().map((e) => e.id)).toEqual(["first", "second"]);
    await t.clock.advance(2_000);
    expect(sent()).toEqual(["first", "first", "first", "second"]);
    const saved = t.events.filter((e) => e.type === "saved").map((e) => e.entry.id);
    expect(saved).toEqual(["first", "second"]);
  });

  it("drops a refused submission from the queue, keeps the server's message, and moves on", async () => {
    const t = setup([
      { status: 409, body: { ok: false, message: "Scoring for this pitch closed at 19:42; your score was not saved." } },
      { status: 200, body: { ok: true } },
    ]);
    t.setOnline(false);
    t.queue.submit(sheet("locked", "score:e1:b1"));
    t.queue.submit({ ...sheet("other", "score:e1:b2"), url: "/panel/e1/sheets/b2" });
    t.setOnline(true);
    await t.queue.flush({ now: true });

    expect(t.calls.map((c) => c.url)).toEqual(["/panel/e1/sheets/b1", "/panel/e1/sheets/b2"]);
    const refused = t.events.find((e) => e.type === "refused");
    expect(refused).toMatchObject({ message: "Scoring for this pitch closed at 19:42; your score was not saved.", entry: { id: "locked" } });
    expect(t.queue.pending()).toEqual([]);
    // The refusal survives a reload, with what was sent, so the page can show it with the answers.
    const reloaded = createOfflineQueue({ ...t.deps });
    expect(reloaded.refusal("score:e1:b1")).toMatchObject({ id: "locked", body: sheet("locked").body, message: expect.stringMatching(/closed at 19:42/) });
    await t.clock.advance(120_000);
    expect(t.calls).toHaveLength(2);

    expect(reloaded.refusalKeys()).toEqual(["score:e1:b1"]);
    reloaded.dismiss("score:e1:b1");
    expect(t.queue.refusal("score:e1:b1")).toBeNull();
    expect(t.queue.refusalKeys()).toEqual([]);
  });

  it("forgets an earlier refusal once the panellist sends that sheet again", async () => {
    const t = setup([{ status: 422, body: { ok: false, message: "Choose a score for Need, from 1 to 5." } }, "network"]);
    t.queue.submit(sheet("a"));
    await settle();
    expect(t.queue.refusal("score:e1:b1")?.message).toBe("Choose a score for Need, from 1 to 5.");
    t.queue.submit(sheet("b"));
    expect(t.queue.refusal("score:e1:b1")).toBeNull();
  });

  it("passes on a refusal with no readable message as refused without words, for the page to say in its language", async () => {
    const t = setup([{ status: 403 }]);
    t.queue.submit(sheet("id-1"));
    await settle();
    expect(t.events.at(-1)).toMatchObject({ type: "refused", message: null });
    expect(t.queue.refusal("score:e1:b1")).toMatchObject({ message: null });
  });

  it("retries when the server is overloaded or restarting rather than giving up", async () => {
    const t = setup([{ status: 503 }, { status: 429 }, { status: 502, body: { message: "Bad gateway" } }, { status: 200, body: { ok: true } }]);
    t.queue.submit(sheet("id-1"));
    await settle();
    await t.clock.advance(1_000);
    await t.clock.advance(2_000);
    await t.clock.advance(4_000);
    expect(t.calls).toHaveLength(4);
    expect(types(t.events).filter((type) => type === "refused")).toEqual([]);
    expect(t.events.at(-1)).toMatchObject({ type: "saved" });
  });

  it("gives up on a request that hangs and tries it again", async () => {
    const t = setup(["hang", { status: 200, body: { ok: true } }]);
    t.queue.submit(sheet("id-1"));
    await settle();
    expect(t.calls).toHaveLength(1);
    await t.clock.advance(15_000);
    expect(t.events.at(-1)).toMatchObject({ type: "waiting", reason: "network" });
    await t.clock.advance(1_000);
    expect(t.calls).toHaveLength(2);
    expect(t.events.at(-1)).toMatchObject({ type: "saved" });
  });

  it("resumes what an earlier page left unsent", async () => {
    const first = setup(["network"]);
    first.queue.submit(sheet("id-1"));
    await settle();
    expect(first.calls).toHaveLength(1);

    const network = fakeFetch([{ status: 200, body: { ok: true } }]);
    const reloaded = createOfflineQueue({ ...first.deps, fetch: network.fetch });
    expect(reloaded.pending().map((e) => e.id)).toEqual(["id-1"]);
    await reloaded.flush({ now: true });
    expect(network.calls).toHaveLength(1);
    expect(reloaded.pending()).toEqual([]);
    expect(JSON.parse(first.storage.data.get("pitchday:outbox")!).entries).toEqual([]);
  });

  it("keeps working from memory when storage refuses to save", async () => {
    const throwing = { getItem: () => null, setItem: () => { throw new DOMException("QuotaExceededError"); } };
    // why: Safari's private mode and full storage throw on setItem; the page must not break.
    const t = setup(["network", { status: 200, body: { ok: true } }], { storage: throwing });
    t.queue.submit(sheet("id-1"));
    await settle();
    expect(t.queue.pending()).toHaveLength(1);
    await t.clock.advance(1_000);
    expect(t.events.at(-1)).toMatchObject({ type: "saved" });
    expect(t.queue.pending()).toEqual([]);
  });
});

describe("newClientId", () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it("uses crypto.randomUUID where the browser has it", () => {
    expect(newClientId({ getRandomValues: (a) => a, randomUUID: () => "from-browser" })).toBe("from-browser");
  });

  it("builds a version 4 UUID from random bytes on plain http, where randomUUID is missing", () => {
    // why: a fixed byte pattern shows the version and variant bits are set whatever the bytes are.
    const allOnes = { getRandomValues: (array: Uint8Array) => array.fill(0xff) };
    expect(newClientId(allOnes)).toMatch(UUID_V4);
    expect(newClientId(allOnes)).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    const ids = new Set(Array.from({ length: 50 }, () => newClientId({ getRandomValues: (a) => globalThis.crypto.getRandomValues(a) })));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });
});
