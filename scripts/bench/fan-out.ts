import http from "node:http";
import { performance } from "node:perf_hooks";
import { send } from "./http";
import { percentile } from "./results";
import { openLiveStream, type LiveStream } from "./sse";

// Many screens on one instance: `clients` SSE streams of /events/<id>/live, then the chair
// presses pause / resume (plain POSTs, as the chair's page sends them) and we time each press
// from the POST to the moment the LAST screen has the new state. Memory per connection is the
// server's resident memory after connecting minus before, over the streams connected.
//
// Interface:
//   runFanOut({ baseUrl, eventId, chairCookie, clients, actions, serverRss, serverCpu }) -> FanOutFigures

export interface FanOutFigures {
  connected: number;
  connectSeconds: number;
  /** Per press: POST sent -> last screen received the new state. */
  lastScreenMs: number[];
  /** Per press: the median screen's delay, for a sense of the spread. */
  medianScreenMs: number[];
  missed: number;
  firstMiss: string | null;
  bytesPerConnection: number | null;
  /** Server CPU time per press (reading the state once, sending it to every screen). */
  cpuMsPerPress: number | null;
}

interface LiveStateView {
  revision: string;
  current: { pausedRemainingMs: number | null } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFanOut(options: {
  baseUrl: string;
  eventId: string;
  chairCookie: string;
  clients: number;
  actions: number;
  serverRss: () => number | null;
  serverCpu: () => number | null;
}): Promise<FanOutFigures> {
  const liveUrl = `${options.baseUrl}/events/${options.eventId}/live`;
  const streamAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const chairAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const streams: LiveStream[] = [];
  try {
    // The chair's own screen reads the whole state (for the revision it sends back).
    const chairScreen = await openLiveStream(liveUrl, { agent: streamAgent, keepState: true });
    streams.push(chairScreen);
    await sleep(1_000);
    const before = options.serverRss();

    const connectStart = performance.now();
    const batch = 50;
    for (let opened = 1; opened < options.clients; opened += batch) {
      const count = Math.min(batch, options.clients - opened);
      streams.push(...(await Promise.all(Array.from({ length: count }, () => openLiveStream(liveUrl, { agent: streamAgent })))));
    }
    const connectSeconds = (performance.now() - connectStart) / 1000;
    await sleep(1_000);
    const after = options.serverRss();
    const added = streams.length - 1;
    const bytesPerConnection = before !== null && after !== null && added > 0 ? (after - before) / added : null;

    const lastScreenMs: number[] = [];
    const medianScreenMs: number[] = [];
    let missed = 0;
    let firstMiss: string | null = null;
    const cpuBefore = options.serverCpu();
    for (let press = 0; press < options.actions; press++) {
      const state = chairScreen.state as LiveStateView;
      const intent = state.current?.pausedRemainingMs !== null ? "resume" : "pause";
      const seen = Math.max(...streams.map((s) => s.version));
      const arrivals = streams.map((s) => s.nextAbove(seen, 10_000));
      const sentAt = performance.now();
      const reply = await send(chairAgent, `${options.baseUrl}/staff/events/${options.eventId}/control`, {
        form: { intent, revision: state.revision },
        headers: { Cookie: options.chairCookie, Origin: options.baseUrl },
      });
      if (reply.status !== 302) {
        arrivals.forEach((a) => a.catch(() => undefined));
        throw new Error(`The chair's ${intent} was refused: HTTP ${reply.status} ${reply.body.slice(0, 300)}`);
      }
      const settled = await Promise.allSettled(arrivals);
      const times = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value - sentAt] : []));
      const lost = settled.length - times.length;
      if (lost > 0) {
        missed += lost;
        firstMiss ??= `press ${press + 1} (${intent}): ${lost} of ${streams.length} screens had no new state within 10 s`;
      } else {
        lastScreenMs.push(Math.max(...times));
      }
      medianScreenMs.push(percentile(times, 50) ?? Number.NaN);
      await sleep(250);
    }
    const cpuAfter = options.serverCpu();
    const cpuMsPerPress = cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / options.actions : null;
    return { connected: streams.length, connectSeconds, lastScreenMs, medianScreenMs, missed, firstMiss, bytesPerConnection, cpuMsPerPress };
  } finally {
    for (const stream of streams) stream.close();
    streamAgent.destroy();
    chairAgent.destroy();
  }
}
