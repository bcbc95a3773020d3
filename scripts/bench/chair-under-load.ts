import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { BenchFixture } from "./fixture";
import { keepAliveAgent, send } from "./http";

// The chair must win: every panellist's phone sends scores as fast as it can (closed loop, one
// request in flight per phone), half of them to the pitch the chair then locks. Each press of
// "Lock scoring" is timed from the POST to its answer; any score for that pitch that a phone
// sent after the answer and that was saved is a violation (it must be refused). The pitch is
// reopened (with a reason) after each press, under the same load, and the cycle repeats.
//
// Interface:
//   runChairUnderLoad({ baseUrl, fixture, chairCookie, presses }) -> ChairFigures

export interface ChairFigures {
  /** Each lock press: POST -> answer, in ms. */
  lockMs: number[];
  /** Each reopen press, in ms. */
  reopenMs: number[];
  /** Scores per second the phones got answered while pressing (saved or refused). */
  scoresPerSecond: number;
  /** Scores for the locked pitch sent after the lock's answer that were saved anyway. */
  savedAfterLock: number;
  /** Answers other than saved / refused-as-locked (5xx, timeouts). */
  failed: number;
  firstFailure: string | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runChairUnderLoad(options: {
  baseUrl: string;
  fixture: BenchFixture;
  chairCookie: string;
  presses: number;
}): Promise<ChairFigures> {
  const { baseUrl, fixture } = options;
  const target = fixture.scoring[0];
  const others = fixture.scoring.slice(1);
  const phones = keepAliveAgent(fixture.panellists.length);
  const chair = keepAliveAgent(2);
  const headers = { Origin: baseUrl, "Sec-Fetch-Site": "same-origin", Accept: "application/json" };
  let lockedSince: number | null = null;
  let stopping = false;
  let answered = 0;
  let savedAfterLock = 0;
  let failed = 0;
  let firstFailure: string | null = null;

  const phone = async (index: number) => {
    const panellist = fixture.panellists[index];
    for (let n = 0; !stopping; n++) {
      const pitch = n % 2 === 0 ? target : others[(index + n) % others.length];
      const form: Record<string, string> = { comment: "", clientMutationId: randomUUID() };
      for (const c of fixture.criteria) form[`items.${c.id}`] = String(c.scaleMin + ((index + n) % (c.scaleMax - c.scaleMin + 1)));
      const sentAt = performance.now();
      const lockedWhenSent = lockedSince !== null && sentAt > lockedSince;
      try {
        const reply = await send(phones, `${baseUrl}/panel/${fixture.eventId}/sheets/${pitch.bidId}`, {
          form,
          headers: { ...headers, Cookie: panellist.cookie },
          timeoutMs: 60_000,
        });
        answered += 1;
        const saved = reply.status === 200 && reply.body.includes('"ok":true');
        if (saved && pitch === target && lockedWhenSent) savedAfterLock += 1;
        if (!saved && reply.status !== 409) {
          failed += 1;
          firstFailure ??= `score: HTTP ${reply.status} ${reply.body.slice(0, 200)}`;
        }
      } catch (error) {
        failed += 1;
        firstFailure ??= (error as Error).message;
      }
    }
  };

  const press = async (form: Record<string, string>) => {
    const state = await send(chair, `${baseUrl}/events/${fixture.eventId}/state`, { timeoutMs: 60_000 });
    const revision = (JSON.parse(state.body) as { revision: string }).revision;
    const start = performance.now();
    const reply = await send(chair, `${baseUrl}/staff/events/${fixture.eventId}/control`, {
      form: { ...form, revision },
      headers: { Cookie: options.chairCookie, Origin: baseUrl },
      timeoutMs: 120_000,
    });
    const ms = performance.now() - start;
    if (reply.status !== 302) throw new Error(`The chair's ${form.intent} was refused: HTTP ${reply.status} after ${Math.round(ms)} ms ${reply.body.slice(0, 300)}`);
    return ms;
  };

  const lockMs: number[] = [];
  const reopenMs: number[] = [];
  const started = performance.now();
  const running = fixture.panellists.map((_, index) => phone(index));
  try {
    for (let i = 0; i < options.presses; i++) {
      await sleep(1_000);
      lockMs.push(await press({ intent: "lock", slotId: target.slotId }));
      lockedSince = performance.now();
      await sleep(1_000);
      lockedSince = null;
      reopenMs.push(await press({ intent: "reopen", slotId: target.slotId, reason: "Benchmark: reopened to lock again under load." }));
    }
  } finally {
    stopping = true;
    await Promise.all(running);
    phones.destroy();
    chair.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return { lockMs, reopenMs, scoresPerSecond: answered / seconds, savedAfterLock, failed, firstFailure };
}
