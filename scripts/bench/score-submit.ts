import { randomUUID } from "node:crypto";
import type { BenchFixture } from "./fixture";
import { keepAliveAgent, type Reply } from "./http";
import { burst, offeredLoad, type LoadRequest, type LoadResult } from "./load";
import { percentile } from "./results";

// Panellists' phones posting score sheets over loopback, to one of three doors:
//   "form"  the score page's plain form post (no JavaScript): 302 to the page saying "saved"
//   "json"  the offline queue's endpoint (/panel/<event>/sheets/<bid>): 200 { ok: true }
//   "bare"  the yardstick server (scripts/bench/bare-insert-server.ts): the insert alone
// Panellists take turns, each sending to the open pitches in order, so every submission is a
// new version of a sheet and all pass the model's checks.
//
// Interface:
//   runScoreLoad(target, baseUrl, fixture, plan) -> ScoreFigures

export type ScoreTarget = "form" | "json" | "bare";

export interface ScorePlan {
  rate: number;
  seconds: number;
  warmupRequests: number;
  /** Seconds at the offered rate before the measured run (not counted). */
  settleSeconds: number;
  burstConcurrency: number;
  burstMaxRequests: number;
  burstMaxSeconds: number;
}

export interface LoadFigures {
  throughput: number;
  p50: number | null;
  p99: number | null;
  sent: number;
  failed: number;
  firstFailure: string | null;
}

export interface ScoreFigures {
  offered: LoadFigures;
  burst: LoadFigures;
  /** Server CPU time per accepted submission over the offered-rate run (its own process only). */
  cpuMsPerSubmission: number | null;
}

const COMMENT = "Clear plan and a real need; the budget looks right. I would like to hear more about who runs it next year.";

function figures(result: LoadResult): LoadFigures {
  return {
    throughput: result.throughput,
    p50: percentile(result.latenciesMs, 50),
    p99: percentile(result.latenciesMs, 99),
    sent: result.sent,
    failed: result.failed,
    firstFailure: result.firstFailure,
  };
}

function requestMaker(target: ScoreTarget, baseUrl: string, fixture: BenchFixture) {
  let counter = 0;
  const origin = { Origin: baseUrl, "Sec-Fetch-Site": "same-origin" };
  return (): LoadRequest => {
    const i = counter++;
    const panellists: { id: string; cookie?: string }[] = target === "bare" ? fixture.barePanellists : fixture.panellists;
    const panellist = panellists[i % panellists.length];
    const pitch = fixture.scoring[Math.floor(i / panellists.length) % fixture.scoring.length];
    const form: Record<string, string> = { comment: COMMENT, clientMutationId: randomUUID() };
    for (const [n, c] of fixture.criteria.entries()) {
      form[`items.${c.id}`] = String(c.scaleMin + ((i + n) % (c.scaleMax - c.scaleMin + 1)));
    }
    const what = `submission ${i} (${target})`;
    switch (target) {
      case "form":
        return {
          url: `${baseUrl}/panel/${fixture.eventId}/score/${pitch.bidId}`,
          options: { form, headers: { ...origin, Cookie: panellist.cookie ?? "" } },
          accept: (reply: Reply) =>
            reply.status === 302 && String(reply.headers.location).includes("saved=")
              ? true
              : `${what}: HTTP ${reply.status} ${reply.headers.location ?? reply.body.slice(0, 200)}`,
        };
      case "json":
        return {
          url: `${baseUrl}/panel/${fixture.eventId}/sheets/${pitch.bidId}`,
          options: { form, headers: { ...origin, Accept: "application/json", Cookie: panellist.cookie ?? "" } },
          accept: (reply: Reply) =>
            reply.status === 200 && reply.body.includes('"ok":true') && reply.body.includes('"duplicate":false')
              ? true
              : `${what}: HTTP ${reply.status} ${reply.body.slice(0, 200)}`,
        };
      case "bare":
        return {
          url: `${baseUrl}/score/${panellist.id}/${pitch.bidId}?slot=${pitch.slotId}`,
          options: { form },
          accept: (reply: Reply) => (reply.status === 302 ? true : `${what}: HTTP ${reply.status} ${reply.body.slice(0, 200)}`),
        };
    }
  };
}

export async function runScoreLoad(
  target: ScoreTarget,
  server: { url: string; cpuMs(): number | null },
  fixture: BenchFixture,
  plan: ScorePlan,
): Promise<ScoreFigures> {
  const baseUrl = server.url;
  const agent = keepAliveAgent(Math.max(64, plan.burstConcurrency));
  const make = requestMaker(target, baseUrl, fixture);
  try {
    // why: the first requests pay for JIT compilation and module loading (a server in a hall has
    // been up since the doors opened): a few at a time, then a few seconds at the offered rate,
    // not counted, so what is measured is the server in its stride.
    const warm = await burst({ agent, concurrency: 4, maxRequests: plan.warmupRequests, maxSeconds: 30, make });
    if (warm.failed > 0) throw new Error(`Warm-up submissions to ${target} failed: ${warm.firstFailure}`);
    const settle = await offeredLoad({ agent, rate: plan.rate, seconds: plan.settleSeconds, make });
    if (settle.failed > 0) throw new Error(`Warm-up submissions to ${target} failed: ${settle.firstFailure}`);
    const cpuBefore = server.cpuMs();
    const offered = await offeredLoad({ agent, rate: plan.rate, seconds: plan.seconds, make });
    const cpuAfter = server.cpuMs();
    const cpuMsPerSubmission =
      cpuBefore !== null && cpuAfter !== null && offered.accepted > 0 ? (cpuAfter - cpuBefore) / offered.accepted : null;
    const most = await burst({
      agent,
      concurrency: plan.burstConcurrency,
      maxRequests: plan.burstMaxRequests,
      maxSeconds: plan.burstMaxSeconds,
      make,
    });
    return { offered: figures(offered), burst: figures(most), cpuMsPerSubmission };
  } finally {
    agent.destroy();
  }
}
