import { useTestDatabase } from "~/testing/database";
import { makeLiveEvent, sheetItems } from "~/testing/live-fixtures";
import { liveState } from "~/models/event.server";
import type { LiveState } from "~/domain/live-state";
import { submitScore } from "~/models/score.server";
import { closeLiveBus, createMemoryBus } from "~/db/live/bus.server";
import { createLiveStateHub, liveStateStream, watchLiveState } from "./live-state.server";

useTestDatabase();
afterAll(() => closeLiveBus());

// why: a bus that has not said it is listening yet; only the signals a test sends cause reads.
const notYetListening = () => new Promise<void>(() => undefined);

/** A hub on its own memory bus that counts its reads of the live state. */
function countingHub(busReady: () => Promise<void>) {
  const bus = createMemoryBus();
  let reads = 0;
  const load = async (eventId: string) => {
    reads += 1;
    return liveState(eventId);
  };
  const hub = createLiveStateHub(load, (eventId, listener) => bus.subscribe(eventId, listener), busReady);
  return { bus, hub, reads: () => reads };
}

async function eventually(check: () => boolean, what: string, ms = 10_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("sharing the live state between screens", () => {
  it("gives every screen the state on connect and after each change, with one read per change", async () => {
    const live = await makeLiveEvent({ bids: 2, panellists: 2 });
    const { bus, hub, reads } = countingHub(notYetListening);
    const screens = Array.from({ length: 10 }, () => [] as LiveState[]);
    const stops = screens.map((seen) => hub.watch(live.event.id, (state) => seen.push(state)));
    await eventually(() => screens.every((seen) => seen.length === 1), "the first state on every screen");
    expect(reads()).toBe(1);
    expect(screens[9][0].event.state).toBe("DRAFT");

    await live.chair({ type: "MARK_READY" });
    const version = (await liveState(live.event.id))!.version;
    await bus.publish(live.event.id, version);
    await eventually(() => screens.every((seen) => seen.length === 2), "the change on every screen");
    expect(reads()).toBe(2);
    expect(screens.map((seen) => seen[1].event.state)).toEqual(Array(10).fill("READY"));

    stops.forEach((stop) => stop());
    expect(hub.watching()).toEqual([]);
    await bus.publish(live.event.id, version + 1);
    expect(reads()).toBe(2);
    await bus.close();
  });

  it("folds a burst of changes into at most one more read", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const bus = createMemoryBus();
    let reads = 0;
    let release: () => void = () => undefined;
    const hub = createLiveStateHub(
      async (eventId) => {
        reads += 1;
        if (reads === 2) await new Promise<void>((resolve) => (release = resolve));
        return liveState(eventId);
      },
      (eventId, listener) => bus.subscribe(eventId, listener),
      notYetListening,
    );
    const seen: LiveState[] = [];
    const stop = hub.watch(live.event.id, (state) => seen.push(state));
    await eventually(() => seen.length === 1, "the first state");
    await bus.publish(live.event.id, 1_000_001); // read 2 starts and waits
    for (let v = 2; v <= 20; v++) await bus.publish(live.event.id, 1_000_000 + v); // all while read 2 runs
    release();
    await eventually(() => reads === 3, "one more read for the burst");
    // A later change is the next read, not a fourth and fifth: nothing of the burst was left over.
    await bus.publish(live.event.id, 1_000_100);
    await eventually(() => reads === 4, "the read for the later change");
    expect(reads).toBe(4);
    stop();
    await bus.close();
  });

  it("reads once more when the bus starts listening, so a change made on another instance meanwhile is not missed", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const bus = createMemoryBus();
    let nowListening: () => void = () => undefined;
    const listening = new Promise<void>((resolve) => (nowListening = resolve));
    const hub = createLiveStateHub(liveState, (eventId, listener) => bus.subscribe(eventId, listener), () => listening);
    const seen: LiveState[] = [];
    const stop = hub.watch(live.event.id, (state) => seen.push(state));
    await eventually(() => seen.length === 1, "the first state");
    // The chair's change is published on the process's own bus, which this hub does not hear:
    // like a NOTIFY from another instance sent before this one's LISTEN was in place.
    await live.chair({ type: "MARK_READY" });
    nowListening();
    await eventually(() => seen.length === 2, "the state read once the bus listens");
    expect(seen.map((state) => state.event.state)).toEqual(["DRAFT", "READY"]);
    stop();
    await bus.close();
  });

  it("sends the screens nothing more when nothing changed before the bus was listening", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const { bus, hub, reads } = countingHub(() => Promise.resolve());
    const seen: LiveState[] = [];
    const stop = hub.watch(live.event.id, (state) => seen.push(state));
    await eventually(() => reads() === 2 && seen.length >= 1, "the first state and the read after listening");
    // The next thing a screen gets is the next change: the read after listening sent nothing.
    await live.chair({ type: "MARK_READY" });
    await bus.publish(live.event.id, 1_000_001);
    await eventually(() => seen.length >= 2, "the state after the chair's change");
    expect(seen.map((state) => state.event.state)).toEqual(["DRAFT", "READY"]);
    stop();
    await bus.close();
  });

  it("gives a screen that joins later the latest state at once, with the server's time now", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const first: LiveState[] = [];
    const stopFirst = watchLiveState(live.event.id, (s) => first.push(s));
    await eventually(() => first.length === 1, "the first screen's state");
    await eventually(() => Date.now() > Date.parse(first[0].serverNow), "the clock to pass the first state's time");
    const later: LiveState[] = [];
    const stopLater = watchLiveState(live.event.id, (s) => later.push(s));
    expect(later).toHaveLength(1);
    expect(later[0].version).toBe(first[0].version);
    expect(Date.parse(later[0].serverNow)).toBeGreaterThan(Date.parse(first[0].serverNow));
    stopFirst();
    stopLater();
  });
});

describe("the SSE stream for a resource route", () => {
  it("streams the state on connect and after a score, with the version as the event id, and stops on disconnect", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    const abort = new AbortController();
    const hub = createLiveStateHub();
    const response = liveStateStream(new Request("http://test/live", { signal: abort.signal }), live.event.id, { hub });
    expect(response.headers.get("Content-Type")).toBe("text/event-stream; charset=utf-8");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const frames = () => text.split("\n\n").filter((f) => f.includes("event: state"));
    const pump = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value);
      }
    })();

    await eventually(() => frames().length === 1, "the first frame");
    expect(text.startsWith("retry: 2000\n\n")).toBe(true);
    const firstState = JSON.parse(frames()[0].split("data: ")[1]) as LiveState;
    expect(frames()[0]).toContain(`id: ${firstState.version}\n`);
    expect(firstState.current).toMatchObject({ state: "QUESTIONS", scoredCount: 0 });

    await submitScore({ panellistId: live.panellists[0].id, bidId: live.bids[0].id, sheet: { items: sheetItems(live.criteria, [4, 4]), comment: "", clientMutationId: crypto.randomUUID() } });
    await eventually(() => frames().length === 2, "the frame after the score");
    const secondState = JSON.parse(frames()[1].split("data: ")[1]) as LiveState;
    expect(secondState.current?.scoredCount).toBe(1);
    expect(secondState.version).toBeGreaterThan(firstState.version);

    expect(hub.watching()).toEqual([live.event.id]);
    abort.abort();
    await pump;
    expect(hub.watching()).toEqual([]);
  });
});
