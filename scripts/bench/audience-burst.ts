import { randomUUID } from "node:crypto";
import type { BenchFixture } from "./fixture";
import { keepAliveAgent, type Reply } from "./http";
import { burst, offeredLoad, type LoadRequest, type LoadResult } from "./load";
import { percentile } from "./results";

// A hall votes at once: `phones` new phones (no voter cookie yet) each cast one ballot through
// the offline queue's endpoint (/vote/<code>/ballot), due at a fixed rate (open loop, latency
// from when each was due). The same burst goes to the bare yardstick server, which only writes
// the ballot and its votes ("bare"). Several app instances share the load in turn (a load
// balancer's round robin) when more than one base URL is given.
//
// Interface:
//   runAudienceBurst(target, servers, fixture, plan) -> AudienceFigures

export interface AudiencePlan {
  phones: number;
  rate: number;
  /** Uncounted ballots first (4 at a time), so what is measured is not the JIT's first minutes. */
  warmupPhones: number;
}

export interface AudienceFigures {
  throughput: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
  sent: number;
  failed: number;
  firstFailure: string | null;
  /** Server CPU time per ballot over the burst, summed over the instances (their own processes). */
  cpuMsPerBallot: number | null;
}

type Server = { url: string; cpuMs(): number | null };

function requestMaker(target: "app" | "bare", servers: Server[], fixture: BenchFixture) {
  let counter = 0;
  return (): LoadRequest => {
    const i = counter++;
    const baseUrl = servers[i % servers.length].url;
    // why: every phone chooses its own mix of the pitches heard so far (votes per person: 3).
    const bids = fixture.startedBidIds;
    const bidIds = bids.filter((_, n) => (i + n) % 4 !== 0).slice(0, 3);
    const form = { bidIds: bidIds.length ? bidIds : bids.slice(0, 1), clientMutationId: randomUUID() };
    const what = `ballot ${i} (${target})`;
    if (target === "bare") {
      return {
        url: `${baseUrl}/ballot/${fixture.eventId}`,
        options: { form },
        accept: (reply: Reply) => (reply.status === 200 ? true : `${what}: HTTP ${reply.status} ${reply.body.slice(0, 200)}`),
      };
    }
    return {
      url: `${baseUrl}/vote/${fixture.joinCode}/ballot`,
      options: { form, headers: { Origin: baseUrl, "Sec-Fetch-Site": "same-origin", Accept: "application/json" } },
      accept: (reply: Reply) =>
        reply.status === 200 && reply.body.includes('"ok":true') && reply.body.includes('"duplicate":false') && reply.headers["set-cookie"]
          ? true
          : `${what}: HTTP ${reply.status} ${reply.body.slice(0, 200)}`,
    };
  };
}

function cpuNow(servers: Server[]) {
  let total = 0;
  for (const server of servers) {
    const ms = server.cpuMs();
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

export async function runAudienceBurst(
  target: "app" | "bare",
  servers: Server[],
  fixture: BenchFixture,
  plan: AudiencePlan,
): Promise<AudienceFigures> {
  const agent = keepAliveAgent(256);
  const make = requestMaker(target, servers, fixture);
  try {
    const warm = await burst({ agent, concurrency: 4, maxRequests: plan.warmupPhones, maxSeconds: 30, make });
    if (warm.failed > 0) throw new Error(`Warm-up ballots to ${target} failed: ${warm.firstFailure}`);
    const cpuBefore = cpuNow(servers);
    const result: LoadResult = await offeredLoad({ agent, rate: plan.rate, seconds: plan.phones / plan.rate, make });
    const cpuAfter = cpuNow(servers);
    return {
      throughput: result.throughput,
      p50: percentile(result.latenciesMs, 50),
      p99: percentile(result.latenciesMs, 99),
      max: percentile(result.latenciesMs, 100),
      sent: result.sent,
      failed: result.failed,
      firstFailure: result.firstFailure,
      cpuMsPerBallot: cpuBefore !== null && cpuAfter !== null && result.accepted > 0 ? (cpuAfter - cpuBefore) / result.accepted : null,
    };
  } finally {
    agent.destroy();
  }
}
