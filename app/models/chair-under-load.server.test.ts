import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { makeLiveEvent, sheetItems } from "~/testing/live-fixtures";
import { submitScore, type ScoreOutcome } from "~/models/score.server";
import { castBallot } from "~/models/audience.server";
import { verifyAuditLog } from "~/models/audit.server";
import { closeLiveBus } from "~/db/live/bus.server";

// The chair must win: phones sending scores (and votes) non-stop must neither hold the chair's
// press back for ever nor slip a score in after it. Every phone keeps one request in flight at
// a time, as the phone's queue does, flat out.

useTestDatabase();
afterAll(() => closeLiveBus());

const uuid = () => crypto.randomUUID();

async function scoringEvent(panellists: number) {
  const live = await makeLiveEvent({ bids: 2, panellists, quorum: 2, audienceMode: "OPEN", votesPerPerson: 2 });
  await live.chair({ type: "MARK_READY" });
  await live.chair({ type: "START" });
  for (let i = 0; i < 6; i++) await live.chair({ type: "NEXT" });
  return live;
}

/** Resolves once `count` more results have been recorded. */
function counter() {
  let seen = 0;
  const waiting: { at: number; resolve: () => void }[] = [];
  return {
    add() {
      seen += 1;
      for (const w of waiting.filter((w) => seen >= w.at)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    },
    more(count: number) {
      return new Promise<void>((resolve) => waiting.push({ at: seen + count, resolve }));
    },
  };
}

describe("the chair locks a pitch while every phone sends scores as fast as it can", () => {
  it("the lock goes through, no score sent after it committed is saved, and every saved score is audited once", async () => {
    const live = await scoringEvent(12);
    const bidId = live.bids[0].id;
    const slot = await db().slot.findFirstOrThrow({ where: { eventId: live.event.id, bidId } });
    const results: { afterLock: boolean; outcome: ScoreOutcome }[] = [];
    const progress = counter();
    let lockCommitted = false;
    let stop = false;
    const phone = async (panellistId: string, p: number) => {
      for (let n = 0; !stop; n++) {
        const afterLock = lockCommitted;
        const sheet = { items: sheetItems(live.criteria, [1 + ((p + n) % 5), (p * n) % 11]), comment: "", clientMutationId: uuid() };
        results.push({ afterLock, outcome: await submitScore({ panellistId, bidId, sheet }) });
        progress.add();
      }
    };
    const phones = live.panellists.map((p, i) => phone(p.id, i));

    await progress.more(live.panellists.length * 2);
    const lock = await live.chair({ type: "LOCK", slotId: slot.id });
    lockCommitted = true;
    await progress.more(live.panellists.length * 3);
    stop = true;
    await Promise.all(phones);

    expect(lock.ok).toBe(true);
    const saved = results.filter((r) => r.outcome.ok && !r.outcome.duplicate);
    expect(saved.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.afterLock && r.outcome.ok)).toEqual([]);
    const refused = results.filter((r) => !r.outcome.ok);
    expect(refused.length).toBeGreaterThanOrEqual(live.panellists.length * 3);
    for (const r of refused) expect(r.outcome).toMatchObject({ ok: false, message: { key: expect.stringMatching(/^score\.refusal\.closed/) } });

    expect(await db().scoreSheet.count({ where: { bidId } })).toBe(saved.length);
    const audited = await db().auditEntry.count({ where: { action: "score.submitted", payload: { path: ["bidId"], equals: bidId } } });
    expect(audited).toBe(saved.length);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("closing scoring for the event goes through while the audience votes non-stop, and no vote cast after it counts", async () => {
    const live = await scoringEvent(1);
    const results: { afterClose: boolean; ok: boolean; message?: string }[] = [];
    const progress = counter();
    let closed = false;
    let stop = false;
    const voter = async (v: number) => {
      for (let n = 0; !stop; n++) {
        const afterClose = closed;
        const outcome = await castBallot({
          eventId: live.event.id,
          voterKey: `voter-${v}-${n}`,
          bidIds: [live.bids[(v + n) % 2].id],
          clientMutationId: uuid(),
        });
        results.push({ afterClose, ok: outcome.ok, message: outcome.ok ? undefined : outcome.message.key });
        progress.add();
      }
    };
    const voters = Array.from({ length: 12 }, (_, v) => voter(v));

    await progress.more(24);
    await live.chair({ type: "CLOSE_SCORING" });
    closed = true;
    await progress.more(36);
    stop = true;
    await Promise.all(voters);

    const counted = results.filter((r) => r.ok);
    expect(results.filter((r) => r.afterClose && r.ok)).toEqual([]);
    for (const r of results.filter((r) => !r.ok)) expect(r.message).toBe("vote.refusal.closed");
    expect(await db().audienceBallot.count({ where: { eventId: live.event.id } })).toBe(counted.length);
    expect(await db().auditEntry.count({ where: { action: "audience.ballot_cast" } })).toBe(counted.length);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });
});
