import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { makeLiveEvent, sheetItems } from "~/testing/live-fixtures";
import { myScores, scoreAnnouncementsSent, scoreSheetsForEvent, scoringInput, sheetHistory, submitScore } from "~/models/score.server";
import { declareConflict, revokePanellist } from "~/models/panel.server";
import { liveState } from "~/models/event.server";
import { appendAudit, verifyAuditLog, type Tx } from "~/models/audit.server";
import { whileTransactionHolds } from "~/testing/hold-transaction";
import { closeLiveBus, liveBus, subscribe } from "~/db/live/bus.server";
import type { LiveSignal } from "~/db/live/dispatcher.server";
import { rankBids } from "~/domain/scoring";

useTestDatabase();
afterAll(() => closeLiveBus());

const T0 = new Date("2027-05-14T18:00:00.000Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const uuid = () => crypto.randomUUID();

/** An event whose first `heard` pitches are all open for scoring (SCORING). */
async function scoringEvent(options: { bids: number; panellists: number; heard?: number }) {
  const live = await makeLiveEvent({ bids: options.bids, panellists: options.panellists, quorum: 2 });
  await live.chair({ type: "MARK_READY" });
  await live.chair({ type: "START" });
  for (let i = 0; i < (options.heard ?? options.bids) * 3; i++) await live.chair({ type: "NEXT" }, at(i));
  return live;
}

describe("submitting a score", () => {
  it("saves a sheet as version 1, audits it with its numbers but not the comment, and a later one as version 2", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 1 });
    const panellistId = live.panellists[0].id;
    const bidId = live.bids[0].id;
    const first = await submitScore({ panellistId, bidId, sheet: { items: sheetItems(live.criteria, [4, 7]), comment: "Good", clientMutationId: uuid() } }, at(100));
    expect(first).toEqual({ ok: true, duplicate: false, sheet: { id: expect.any(String), version: 1, submittedAt: at(100) }, timeZone: "Europe/London" });
    const second = await submitScore({ panellistId, bidId, sheet: { items: sheetItems(live.criteria, [5, 7]), comment: "Better on reflection", clientMutationId: uuid() } }, at(130));
    expect(second).toMatchObject({ ok: true, duplicate: false, sheet: { version: 2 } });

    const history = await sheetHistory(panellistId, bidId);
    expect(history.map((s) => [s.version, s.current, s.comment, s.items.map((i) => i.value).sort((x, y) => x - y)])).toEqual([
      [2, true, "Better on reflection", [5, 7]],
      [1, false, "Good", [4, 7]],
    ]);
    expect((await myScores(panellistId)).map((s) => s.version)).toEqual([2]);

    const audit = await db().auditEntry.findMany({ where: { action: "score.submitted" }, orderBy: { seq: "asc" } });
    const mine = audit.filter((a) => (a.payload as { panellistId: string }).panellistId === panellistId);
    expect(mine.map((a) => (a.payload as { version: number }).version)).toEqual([1, 2]);
    expect(mine[1].payload).toMatchObject({
      bidId,
      slotState: "SCORING",
      items: sheetItems(live.criteria, [5, 7]),
      commentLength: "Better on reflection".length,
    });
    expect(JSON.stringify(mine.map((a) => a.payload))).not.toContain("reflection");
    expect(mine[0]).toMatchObject({ actorType: "panellist", actorId: panellistId, subjectType: "score_sheet" });
  });

  it("treats a retry with the same submission id as the same score: same answer, nothing new, even after the lock", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 1 });
    const sheet = { items: sheetItems(live.criteria, [2, 3]), comment: "", clientMutationId: uuid() };
    const input = { panellistId: live.panellists[0].id, bidId: live.bids[0].id, sheet };
    const first = await submitScore(input, at(100));
    const retry = await submitScore({ ...input, sheet: { ...sheet, items: sheetItems(live.criteria, [5, 5]) } }, at(101));
    if (!first.ok || !retry.ok) throw new Error("refused");
    expect(retry).toEqual({ ok: true, duplicate: true, sheet: first.sheet, timeZone: "Europe/London" });
    await live.chair({ type: "LOCK", slotId: live.slots[0].id }, at(200));
    expect(await submitScore(input, at(300))).toEqual({ ok: true, duplicate: true, sheet: first.sheet, timeZone: "Europe/London" });
    expect(await db().scoreSheet.count({ where: { panellistId: input.panellistId } })).toBe(1);
  });

  it("refuses scores before the questions start, and accepts them from the questions on", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const input = () => ({ panellistId: live.panellists[0].id, bidId: live.bids[0].id, sheet: { items: sheetItems(live.criteria, [3, 3]), comment: "", clientMutationId: uuid() } });
    expect(await submitScore(input())).toEqual({ ok: false, message: { key: "score.refusal.notStarted" } });
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    expect(await submitScore(input())).toEqual({ ok: false, message: { key: "score.refusal.notOpenYet" } });
    await live.chair({ type: "NEXT" });
    expect(await submitScore(input())).toEqual({ ok: false, message: { key: "score.refusal.notOpenYet" } });
    await live.chair({ type: "NEXT" });
    expect(await submitScore(input())).toMatchObject({ ok: true, sheet: { version: 1 } });
    await live.chair({ type: "NEXT" });
    expect(await submitScore(input())).toMatchObject({ ok: true, sheet: { version: 2 } });
  });

  it("refuses a late score once the pitch is locked, naming the time in the fund's zone", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 1 });
    await live.chair({ type: "LOCK", slotId: live.slots[0].id }, new Date("2027-05-14T18:08:00Z"));
    const late = await submitScore({ panellistId: live.panellists[0].id, bidId: live.bids[0].id, sheet: { items: sheetItems(live.criteria, [3, 3]), comment: "", clientMutationId: uuid() } });
    expect(late).toEqual({ ok: false, message: { key: "score.refusal.closedAt", values: { at: "19:08" } } });
    expect(await db().scoreSheet.count({ where: { bidId: live.bids[0].id } })).toBe(0);
  });

  it("refuses scores once scoring for the event is closed", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 1 });
    await live.chair({ type: "CLOSE_SCORING" }, new Date("2027-05-14T20:30:00Z"));
    const late = await submitScore({ panellistId: live.panellists[0].id, bidId: live.bids[0].id, sheet: { items: sheetItems(live.criteria, [3, 3]), comment: "", clientMutationId: uuid() } });
    expect(late).toEqual({ ok: false, message: { key: "score.refusal.closedAt", values: { at: "21:30" } } });
  });

  it("blocks scoring a pitch the panellist declared a conflict with, and leaves their earlier sheet out of the counts", async () => {
    const live = await scoringEvent({ bids: 2, panellists: 2 });
    const [p1, p2] = live.panellists;
    const [bidA, bidB] = live.bids;
    await declareConflict({ panellistId: p1.id, bidId: bidA.id, reason: "Trustee" }, { type: "panellist", id: p1.id });
    expect(await submitScore({ panellistId: p1.id, bidId: bidA.id, sheet: { items: sheetItems(live.criteria, [5, 10]), comment: "", clientMutationId: uuid() } })).toEqual({
      ok: false,
      message: { key: "score.refusal.conflict" },
    });

    await submitScore({ panellistId: p2.id, bidId: bidB.id, sheet: { items: sheetItems(live.criteria, [4, 4]), comment: "", clientMutationId: uuid() } });
    await declareConflict({ panellistId: p2.id, bidId: bidB.id, reason: "Realised I know them" }, { type: "user", id: live.organiser.user.id });
    const state = (await liveState(live.event.id))!;
    expect(state.slots.map((s) => [s.scoredCount, s.recusalCount])).toEqual([
      [0, 1],
      [0, 1],
    ]);
  });

  it("refuses a removed panellist, a pitch from another event, and a submission id used by someone else", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 2 });
    const other = await scoringEvent({ bids: 1, panellists: 1 });
    const items = sheetItems(live.criteria, [3, 3]);
    expect(await submitScore({ panellistId: live.panellists[0].id, bidId: other.bids[0].id, sheet: { items, comment: "", clientMutationId: uuid() } })).toEqual({
      ok: false,
      message: { key: "score.refusal.notYourPitch" },
    });
    const used = uuid();
    await submitScore({ panellistId: live.panellists[1].id, bidId: live.bids[0].id, sheet: { items, comment: "", clientMutationId: used } });
    expect(await submitScore({ panellistId: live.panellists[0].id, bidId: live.bids[0].id, sheet: { items, comment: "", clientMutationId: used } })).toEqual({
      ok: false,
      message: { key: "score.refusal.unmatched" },
    });
    await revokePanellist(live.event.id, live.panellists[0].id, live.organiser.actor);
    expect(await submitScore({ panellistId: live.panellists[0].id, bidId: live.bids[0].id, sheet: { items, comment: "", clientMutationId: uuid() } })).toEqual({
      ok: false,
      message: { key: "score.refusal.revoked" },
    });
    expect(await submitScore({ panellistId: "nobody", bidId: live.bids[0].id, sheet: { items, comment: "", clientMutationId: uuid() } })).toEqual({
      ok: false,
      message: { key: "score.refusal.notOnPanel" },
    });
  });

  it("checks the sheet against the round's criteria on the server too", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 1 });
    const [need, plan] = live.criteria;
    const base = { panellistId: live.panellists[0].id, bidId: live.bids[0].id };
    const sheet = { comment: "", clientMutationId: uuid() };
    expect(await submitScore({ ...base, sheet: { ...sheet, items: sheetItems(live.criteria, [9, 3]) } })).toEqual({
      ok: false,
      message: { key: "score.refusal.invalid" },
      errors: { [`items.${need.id}`]: { key: "score.error.outOfScale", values: { name: "Need", min: 1, max: 5 } } },
    });
    expect(await submitScore({ ...base, sheet: { ...sheet, items: [{ criterionId: need.id, value: 3 }] } })).toEqual({
      ok: false,
      message: { key: "score.refusal.invalid" },
      errors: { [`items.${plan.id}`]: { key: "score.error.missing", values: { name: "Plan", min: 0, max: 10 } } },
    });
    expect(await submitScore({ ...base, sheet: { ...sheet, items: sheetItems(live.criteria, [3, 3]), comment: "x".repeat(1001) } })).toMatchObject({
      ok: false,
      message: { key: "score.refusal.invalid" },
      errors: { comment: { key: "score.error.commentTooLong", values: { max: 1000 } } },
    });
    expect(await db().scoreSheet.count({ where: { panellistId: base.panellistId } })).toBe(0);
  });

  it("takes the sheet as the phone's plain form sends it: flat fields, numbers as text", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 1 });
    const [need, plan] = live.criteria;
    const form = { [`items.${need.id}`]: "4", [`items.${plan.id}`]: "8", comment: "  Keen volunteers.  ", clientMutationId: uuid() };
    const saved = await submitScore({ panellistId: live.panellists[0].id, bidId: live.bids[0].id, sheet: form }, at(100));
    expect(saved).toEqual({ ok: true, duplicate: false, sheet: { id: expect.any(String), version: 1, submittedAt: at(100) }, timeZone: "Europe/London" });
    const [sheet] = await sheetHistory(live.panellists[0].id, live.bids[0].id);
    expect(sheet.comment).toBe("Keen volunteers.");
    expect(sheet.items.map((i) => [i.criterionId, i.value]).sort()).toEqual([
      [need.id, 4],
      [plan.id, 8],
    ].sort());
  });
});

describe("scores under load, on the engine under test", () => {
  it("20 panellists x 10 pitches, each submission sent 1 to 5 times at once: exactly 200 current sheets, no errors", async () => {
    const live = await scoringEvent({ bids: 10, panellists: 20 });
    let copies = 0;
    const sends = live.panellists.flatMap((panellist, p) =>
      live.bids.map((bid, b) => {
        const input = {
          panellistId: panellist.id,
          bidId: bid.id,
          sheet: { items: sheetItems(live.criteria, [1 + ((p + b) % 5), (p * b) % 11]), comment: `p${p} b${b}`, clientMutationId: uuid() },
        };
        const times = 1 + ((p * 7 + b * 3) % 5);
        copies += times;
        return Array.from({ length: times }, () => submitScore(input));
      }),
    );
    const results = await Promise.all(sends.flat());
    expect(copies).toBeGreaterThan(400);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(200);

    const eventSheets = await scoreSheetsForEvent(live.event.id);
    expect(eventSheets).toHaveLength(200);
    expect(eventSheets.filter((s) => s.current)).toHaveLength(200);
    expect(new Set(eventSheets.map((s) => `${s.panellistId}:${s.bidId}`)).size).toBe(200);
    expect(eventSheets.every((s) => s.version === 1 && s.items.length === 2)).toBe(true);

    const state = (await liveState(live.event.id))!;
    expect(state.slots.map((s) => s.scoredCount)).toEqual(Array(10).fill(20));
    expect(state.warnings).toEqual([]);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("panellists' phones sending the same submission id at once: one is saved, the others told plainly, nothing thrown", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 8 });
    // why: open the connections first (PostgreSQL), so the eight really do arrive together.
    await Promise.all(live.panellists.map(() => db().$transaction((tx) => tx.$queryRaw`SELECT 1`)));
    const sheet = { items: sheetItems(live.criteria, [3, 3]), comment: "", clientMutationId: uuid() };
    const results = await Promise.all(live.panellists.map((p) => submitScore({ panellistId: p.id, bidId: live.bids[0].id, sheet })));
    expect(results.filter((r) => r.ok && !r.duplicate)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array(7).fill({ ok: false, message: { key: "score.refusal.unmatched" } }),
    );
    expect(await db().scoreSheet.count({ where: { bidId: live.bids[0].id } })).toBe(1);
  });

  // why: PGlite has one connection, so no other transaction can audit while a score is written.
  const onServer = process.env.DATABASE_URL ? it : it.skip;
  onServer("a change audited while a score is being written: the score's entry goes on top of it and the chain holds", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 1 });
    // The score reads the audit head (the other entry is not committed yet) and writes on top of
    // it, so its entry waits for the other; when that commits, the place is taken.
    const score = () =>
      submitScore({ panellistId: live.panellists[0].id, bidId: live.bids[0].id, sheet: { items: sheetItems(live.criteria, [4, 4]), comment: "", clientMutationId: uuid() } });
    const auditAnother = (tx: Tx) =>
      appendAudit(tx, { actor: { type: "system" }, action: "user.enabled", subject: { type: "user", id: uuid() }, payload: {} });
    const scoring = whileTransactionHolds(auditAnother, 1, score);

    expect(await scoring).toMatchObject({ ok: true, duplicate: false, sheet: { version: 1 } });
    const newest = await db().auditEntry.findMany({ orderBy: { seq: "desc" }, take: 2 });
    expect(newest.map((e) => e.action)).toEqual(["score.submitted", "user.enabled"]);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("a burst saved together still answers each phone for itself: a conflict, a bad sheet and a revoked seat refuse only their own", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 6 });
    const [conflicted, careless, removed, ...others] = live.panellists;
    const bidId = live.bids[0].id;
    await declareConflict({ panellistId: conflicted.id, bidId, reason: "Trustee" }, { type: "panellist", id: conflicted.id });
    await revokePanellist(live.event.id, removed.id, live.organiser.actor);
    const good = (panellistId: string) => submitScore({ panellistId, bidId, sheet: { items: sheetItems(live.criteria, [4, 8]), comment: "", clientMutationId: uuid() } });
    const results = await Promise.all([
      good(conflicted.id),
      submitScore({ panellistId: careless.id, bidId, sheet: { items: sheetItems(live.criteria, [9, 8]), comment: "", clientMutationId: uuid() } }),
      good(removed.id),
      ...others.map((p) => good(p.id)),
    ]);
    expect(results[0]).toEqual({ ok: false, message: { key: "score.refusal.conflict" } });
    expect(results[1]).toMatchObject({ ok: false, errors: { [`items.${live.criteria[0].id}`]: { key: "score.error.outOfScale", values: { name: live.criteria[0].name, min: 1, max: 5 } } } });
    expect(results[2]).toEqual({ ok: false, message: { key: "score.refusal.revoked" } });
    expect(results.slice(3)).toEqual(others.map(() => expect.objectContaining({ ok: true, duplicate: false })));
    const saved = await scoreSheetsForEvent(live.event.id);
    expect(saved.map((s) => s.panellistId).sort()).toEqual(others.map((p) => p.id).sort());
    const entries = await db().auditEntry.findMany({ where: { action: "score.submitted", payload: { path: ["eventId"], equals: live.event.id } } });
    expect(entries.map((e) => e.subjectId).sort()).toEqual(saved.map((s) => s.id).sort());
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("two different re-scores of one pitch racing from one panellist get distinct versions and one current sheet", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 1 });
    const base = { panellistId: live.panellists[0].id, bidId: live.bids[0].id };
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 1, 2, 3].map((need) => submitScore({ ...base, sheet: { items: sheetItems(live.criteria, [need, 5]), comment: "", clientMutationId: uuid() } })),
    );
    expect(results.every((r) => r.ok && !r.duplicate)).toBe(true);
    const history = await sheetHistory(base.panellistId, base.bidId);
    expect(history.map((s) => s.version)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(history.filter((s) => s.current).map((s) => s.version)).toEqual([8]);
  });
});

describe("telling the screens", () => {
  it("tells the event's screens once the scores are saved, with a version that covers the newest of them", async () => {
    const live = await scoringEvent({ bids: 1, panellists: 5 });
    const heard: LiveSignal[] = [];
    let heardUpTo = (_version: number) => undefined as void;
    const stop = subscribe(live.event.id, (signal) => {
      heard.push(signal);
      heardUpTo(signal.version);
    });
    await liveBus().ready();
    const bidId = live.bids[0].id;
    const results = await Promise.all(
      live.panellists.map((p) => submitScore({ panellistId: p.id, bidId, sheet: { items: sheetItems(live.criteria, [3, 6]), comment: "", clientMutationId: uuid() } })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    await scoreAnnouncementsSent();
    const newest = await db().auditEntry.findFirstOrThrow({ where: { action: "score.submitted" }, orderBy: { seq: "desc" } });
    if (!heard.some((signal) => signal.version >= newest.seq)) {
      await new Promise<void>((resolve) => (heardUpTo = (version) => void (version >= newest.seq && resolve())));
    }
    stop();
    // why: a burst is told a few times, not once per score.
    expect(heard.length).toBeLessThanOrEqual(live.panellists.length);
    expect(heard.every((signal) => signal.eventId === live.event.id && signal.reason === "change")).toBe(true);
  });
});

describe("handing scores to the ranking", () => {
  it("gives rankBids the current sheets, the panel and the recusals", async () => {
    const live = await scoringEvent({ bids: 2, panellists: 2 });
    const [p1, p2] = live.panellists;
    await declareConflict({ panellistId: p2.id, bidId: live.bids[1].id, reason: "Neighbour" }, { type: "panellist", id: p2.id });
    await submitScore({ panellistId: p1.id, bidId: live.bids[0].id, sheet: { items: sheetItems(live.criteria, [1, 1]), comment: "", clientMutationId: uuid() } });
    await submitScore({ panellistId: p1.id, bidId: live.bids[0].id, sheet: { items: sheetItems(live.criteria, [5, 10]), comment: "", clientMutationId: uuid() } });
    await submitScore({ panellistId: p2.id, bidId: live.bids[0].id, sheet: { items: sheetItems(live.criteria, [5, 10]), comment: "", clientMutationId: uuid() } });
    await submitScore({ panellistId: p1.id, bidId: live.bids[1].id, sheet: { items: sheetItems(live.criteria, [2, 4]), comment: "", clientMutationId: uuid() } });

    const input = (await scoringInput(live.event.id))!;
    expect(input.sheets).toHaveLength(3);
    expect(input.recusals).toEqual([{ panellistId: p2.id, bidId: live.bids[1].id }]);
    expect(input.panellists.map((p) => p.id).sort()).toEqual([p1.id, p2.id].sort());
    const ranking = rankBids(input);
    expect(ranking.bids.map((b) => b.bidId)).toEqual([live.bids[0].id, live.bids[1].id]);
  });
});
