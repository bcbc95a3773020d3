import type http from "node:http";
import { performance } from "node:perf_hooks";
import { send, type Reply, type SendOptions } from "./http";

// Load for the score-submission benchmark, bounded in count and time.
//
// Interface:
//   offeredLoad({ agent, rate, seconds, make }) -> LoadResult
//       open loop: request i is due at start + i/rate whether or not earlier ones answered;
//       latency counts from when it was due, so a stalled server is not hidden by a client
//       that waited for it (no "coordinated omission").
//   burst({ agent, concurrency, maxRequests, maxSeconds, make }) -> LoadResult
//       closed loop: `concurrency` clients each send the next request as soon as theirs answers.
//   make(i) -> { url, options, accept(reply) -> true | "why not" }

export interface LoadRequest {
  url: string;
  options: SendOptions;
  accept(reply: Reply): true | string;
}

export interface LoadResult {
  sent: number;
  accepted: number;
  failed: number;
  firstFailure: string | null;
  latenciesMs: number[];
  elapsedMs: number;
  /** Accepted submissions per second over the run. */
  throughput: number;
}

function tally() {
  const result = { sent: 0, accepted: 0, failed: 0, firstFailure: null as string | null, latenciesMs: [] as number[] };
  const settle = async (request: LoadRequest, agent: http.Agent, from: number) => {
    result.sent += 1;
    try {
      const reply = await send(agent, request.url, { timeoutMs: 30_000, ...request.options });
      const verdict = request.accept(reply);
      if (verdict === true) {
        result.accepted += 1;
        result.latenciesMs.push(performance.now() - from);
      } else {
        result.failed += 1;
        result.firstFailure ??= verdict;
      }
    } catch (error) {
      result.failed += 1;
      result.firstFailure ??= (error as Error).message;
    }
  };
  return { result, settle };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function offeredLoad(options: {
  agent: http.Agent;
  rate: number;
  seconds: number;
  make: (i: number) => LoadRequest;
}): Promise<LoadResult> {
  const { result, settle } = tally();
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0.5) await sleep(wait);
    inFlight.push(settle(options.make(i), options.agent, due));
  }
  await Promise.all(inFlight);
  const elapsedMs = performance.now() - start;
  return { ...result, elapsedMs, throughput: (result.accepted * 1000) / elapsedMs };
}

export async function burst(options: {
  agent: http.Agent;
  concurrency: number;
  maxRequests: number;
  maxSeconds: number;
  make: (i: number) => LoadRequest;
}): Promise<LoadResult> {
  const { result, settle } = tally();
  const start = performance.now();
  const deadline = start + options.maxSeconds * 1000;
  let next = 0;
  const worker = async () => {
    while (next < options.maxRequests && performance.now() < deadline) {
      const i = next++;
      await settle(options.make(i), options.agent, performance.now());
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedMs = performance.now() - start;
  return { ...result, elapsedMs, throughput: (result.accepted * 1000) / elapsedMs };
}
