import type { LiveState } from "~/domain/live-state";
import { startLiveClient, type ConnectionStatus, type StreamLike } from "./live-client";

// why: a stand-in for the browser's EventSource, so the test can open, drop and refuse the
// stream the way a village hall's Wi-Fi does.
class FakeStream implements StreamLike {
  static all: FakeStream[] = [];
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closed = false;
  private listeners: ((event: { data: string }) => void)[] = [];
  constructor(public url: string) {
    FakeStream.all.push(this);
  }
  addEventListener(_type: string, listener: (event: { data: string }) => void) {
    this.listeners.push(listener);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  send(state: Partial<LiveState>) {
    for (const listener of this.listeners) listener({ data: JSON.stringify(state) });
  }
  /** The Wi-Fi dropped: the browser is reconnecting by itself. */
  drop() {
    this.readyState = 0;
    this.onerror?.({});
  }
  /** The server answered with an error: the browser has given up. */
  refuse() {
    this.readyState = 2;
    this.onerror?.({});
  }
}

function setup(snapshot: (url: string) => { status: number; body?: unknown } = () => ({ status: 200, body: { version: 100 } })) {
  FakeStream.all = [];
  const states: Partial<LiveState>[] = [];
  const statuses: ConnectionStatus[] = [];
  const fetches: string[] = [];
  const client = startLiveClient({
    streamUrl: "/events/e1/live",
    snapshotUrl: "/events/e1/state",
    onState: (state) => states.push(state),
    onStatus: (status) => statuses.push(status),
    EventSource: FakeStream,
    fetch: async (url) => {
      fetches.push(url);
      const answer = snapshot(url);
      return { ok: answer.status === 200, status: answer.status, json: async () => answer.body };
    },
    pollMs: 3_000,
    retryMs: 2_000,
    maxRetryMs: 8_000,
  });
  return { client, states, statuses, fetches, stream: () => FakeStream.all[FakeStream.all.length - 1] };
}

// Lets the fake fetch's promise chain run between timer steps.
async function flush() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe("the live connection", () => {
  it("shows each state the stream sends, without polling while the stream is up", async () => {
    const { states, statuses, fetches, stream, client } = setup();
    expect(stream().url).toBe("/events/e1/live");
    stream().open();
    stream().send({ version: 1 });
    stream().send({ version: 2 });
    await jest.advanceTimersByTimeAsync(20_000);
    expect(states).toEqual([{ version: 1 }, { version: 2 }]);
    expect(statuses).toEqual(["connecting", "live"]);
    expect(fetches).toEqual([]);
    client.stop();
    expect(stream().closed).toBe(true);
  });

  it("polls the snapshot while the browser reconnects the stream, and stops once it is back", async () => {
    const { states, statuses, fetches, stream } = setup();
    stream().open();
    stream().drop();
    await flush();
    expect(statuses).toEqual(["connecting", "live", "reconnecting"]);
    expect(fetches).toHaveLength(1);
    expect(states).toEqual([{ version: 100 }]);
    await jest.advanceTimersByTimeAsync(6_000);
    expect(fetches).toHaveLength(3);
    // The browser's own reconnect succeeded (it sent Last-Event-ID): same stream object.
    expect(FakeStream.all).toHaveLength(1);
    stream().open();
    await jest.advanceTimersByTimeAsync(30_000);
    expect(fetches).toHaveLength(3);
    expect(statuses.at(-1)).toBe("live");
  });

  it("reopens a stream the server refused, waiting longer each time, polling meanwhile", async () => {
    const { statuses, fetches, stream } = setup();
    stream().refuse();
    expect(stream().closed).toBe(true);
    expect(statuses).toEqual(["connecting", "polling"]);
    await jest.advanceTimersByTimeAsync(1_999);
    expect(FakeStream.all).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(FakeStream.all).toHaveLength(2);
    stream().refuse();
    await jest.advanceTimersByTimeAsync(3_999);
    expect(FakeStream.all).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(FakeStream.all).toHaveLength(3);
    stream().refuse();
    await jest.advanceTimersByTimeAsync(8_000);
    stream().refuse();
    await jest.advanceTimersByTimeAsync(8_000);
    expect(FakeStream.all).toHaveLength(5);
    expect(fetches.length).toBeGreaterThanOrEqual(8);
    stream().open();
    expect(statuses.at(-1)).toBe("live");
  });

  it("only polls when the browser has no EventSource", async () => {
    FakeStream.all = [];
    const states: unknown[] = [];
    const statuses: ConnectionStatus[] = [];
    let n = 0;
    startLiveClient({
      streamUrl: "/s",
      snapshotUrl: "/j",
      onState: (s) => states.push(s),
      onStatus: (s) => statuses.push(s),
      EventSource: null,
      fetch: async () => ({ ok: true, status: 200, json: async () => ({ version: ++n }) }),
      pollMs: 1_000,
    });
    await jest.advanceTimersByTimeAsync(2_500);
    expect(statuses).toEqual(["polling"]);
    expect(states).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
  });

  it("stops everything when the event no longer exists", async () => {
    const { statuses, stream, fetches } = setup(() => ({ status: 404 }));
    stream().refuse();
    await flush();
    expect(statuses.at(-1)).toBe("gone");
    await jest.advanceTimersByTimeAsync(60_000);
    expect(FakeStream.all).toHaveLength(1);
    expect(fetches).toHaveLength(1);
  });

  it("refreshes on demand, and reopens a refused stream at once when the device is back online", async () => {
    const { fetches, stream, client } = setup();
    stream().open();
    client.refresh();
    await flush();
    expect(fetches).toHaveLength(1);
    stream().refuse();
    expect(FakeStream.all).toHaveLength(1);
    client.refresh();
    expect(FakeStream.all).toHaveLength(2);
  });

  it("ignores a frame cut short", () => {
    const { states, stream } = setup();
    stream().open();
    for (const listener of (stream() as unknown as { listeners: ((e: { data: string }) => void)[] }).listeners) listener({ data: '{"version":' });
    expect(states).toEqual([]);
  });
});
