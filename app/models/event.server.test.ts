import { randomBytes } from "node:crypto";
import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { makeLiveEvent, makeRoundWithShortlist, makeStaff, sheetItems } from "~/testing/live-fixtures";
import {
  createEvent,
  findEventByJoinCode,
  liveState,
  moveSlot,
  refreshRunningOrder,
  revealResults,
  runChairCommand,
  updateEvent,
} from "~/models/event.server";
import { declareConflict, revokePanellist } from "~/models/panel.server";
import { submitScore } from "~/models/score.server";
import { castBallot } from "~/models/audience.server";
import { verifyAuditLog } from "~/models/audit.server";
import { closeLiveBus, subscribe, type LiveSignal } from "~/db/live/bus.server";
import { formatCode } from "~/domain/join-code";

useTestDatabase();
afterAll(() => closeLiveBus());

const T0 = new Date("2027-05-14T18:00:00.000Z");
const at = (s: number) => new Date(T0.getTime() + s * 1000);
const setup = { title: "Spring pitch night", startsAt: T0, venue: "Village Hall", pitchSeconds: 180, questionSeconds: 120 };
const uuid = () => crypto.randomUUID();

describe("event setup", () => {
  it("builds the running order from the round's shortlisted bids only, with a readable join code", async () => {
    const { actor } = await makeStaff();
    const { round, bids } = await makeRoundWithShortlist({ bids: 3 });
    const other = await db().bid.create({
      data: { roundId: round.id, reference: `PD-X${randomBytes(3).toString("hex")}`, status: "SUBMITTED", editTokenHash: randomBytes(16).toString("hex"), groupName: "Not shortlisted" },
    });
    const created = await createEvent({ ...setup, roundId: round.id }, actor);
    if (!created.ok) throw new Error(created.message);
    expect(created.event.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$/);
    const slots = await db().slot.findMany({ where: { eventId: created.event.id }, orderBy: { position: "asc" } });
    expect(slots.map((s) => s.bidId)).toEqual(bids.map((b) => b.id));
    expect(slots.map((s) => s.bidId)).not.toContain(other.id);
    expect(slots.every((s) => s.state === "WAITING")).toBe(true);

    const audit = await db().auditEntry.findMany({ where: { subjectType: "event", subjectId: created.event.id } });
    expect(audit.map((a) => a.action)).toEqual(["event.created"]);
    expect(audit[0].payload).toMatchObject({ roundId: round.id, slotCount: 3, pitchSeconds: 180 });

    const found = await findEventByJoinCode(` ${formatCode(created.event.joinCode).toLowerCase()} `);
    expect(found?.id).toBe(created.event.id);
    expect(await findEventByJoinCode("000000")).toBeNull();
  });

  it("puts each shortlisted bid in one event only, so a shortlist can be split over two evenings", async () => {
    const { actor } = await makeStaff();
    const { round } = await makeRoundWithShortlist({ bids: 2 });
    const first = await createEvent({ ...setup, roundId: round.id }, actor);
    const second = await createEvent({ ...setup, roundId: round.id, title: "Second night" }, actor);
    if (!first.ok || !second.ok) throw new Error("refused");
    expect(await db().slot.count({ where: { eventId: first.event.id } })).toBe(2);
    expect(await db().slot.count({ where: { eventId: second.event.id } })).toBe(0);
    expect(first.event.joinCode).not.toBe(second.event.joinCode);
  });

  it("refuses an event for a round that does not exist", async () => {
    const { actor } = await makeStaff();
    expect(await createEvent({ ...setup, roundId: "nope" }, actor)).toEqual({ ok: false, message: "That round does not exist." });
  });

  it("changes details before the event starts, audits only what changed, and refuses once live", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const changed = await updateEvent(live.event.id, { ...setup, title: "Pitch night", venue: "Town Hall", pitchSeconds: 240, startsAt: at(3600) }, live.organiser.actor);
    expect(changed.ok).toBe(true);
    const event = await db().event.findUniqueOrThrow({ where: { id: live.event.id } });
    expect(event).toMatchObject({ venue: "Town Hall", pitchSeconds: 240 });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { subjectId: live.event.id, action: "event.updated" } });
    expect(entry.payload).toEqual({ changes: { venue: "Town Hall", pitchSeconds: 240, startsAt: at(3600).toISOString() } });

    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    expect(await updateEvent(live.event.id, setup, live.organiser.actor)).toEqual({
      ok: false,
      message: "The event has started, so its details can no longer be changed.",
    });
  });

  it("brings the running order in line with the shortlist before the event", async () => {
    const live = await makeLiveEvent({ bids: 3, panellists: 1 });
    await db().bid.update({ where: { id: live.bids[1].id }, data: { status: "WITHDRAWN" } });
    const late = await db().bid.create({
      data: { roundId: live.round.id, reference: `PD-Z${randomBytes(3).toString("hex")}`, status: "SHORTLISTED", editTokenHash: randomBytes(16).toString("hex"), groupName: "Late" },
    });
    const result = await refreshRunningOrder(live.event.id, live.organiser.actor);
    expect(result).toEqual({ ok: true, added: 1, removed: 1 });
    const slots = await db().slot.findMany({ where: { eventId: live.event.id }, orderBy: { position: "asc" } });
    expect(slots.map((s) => s.bidId)).toEqual([live.bids[0].id, live.bids[2].id, late.id]);
    expect(await refreshRunningOrder(live.event.id, live.organiser.actor)).toEqual({ ok: true, added: 0, removed: 0 });
  });

  it("moves waiting pitches up and down, even during the event, but never a pitch already heard", async () => {
    const live = await makeLiveEvent({ bids: 3, panellists: 1 });
    const [a, b, c] = live.slots.map((s) => s.id);
    expect(await moveSlot(live.event.id, c, "up", live.organiser.actor)).toEqual({ ok: true, order: [a, c, b] });
    expect(await moveSlot(live.event.id, a, "up", live.organiser.actor)).toEqual({ ok: false, message: "This pitch is already first." });
    expect(await moveSlot(live.event.id, b, "down", live.organiser.actor)).toEqual({ ok: false, message: "This pitch is already last." });

    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    await live.chair({ type: "NEXT" }); // a is pitching
    expect(await moveSlot(live.event.id, c, "up", live.organiser.actor)).toEqual({
      ok: false,
      message: "Only pitches that have not started can change places.",
    });
    expect(await moveSlot(live.event.id, c, "down", live.organiser.actor)).toEqual({ ok: true, order: [a, b, c] });
    const entries = await db().auditEntry.findMany({ where: { subjectId: live.event.id, action: "event.running_order_changed" } });
    expect(entries.map((e) => (e.payload as { order: string[] }).order)).toEqual([
      [a, c, b],
      [a, b, c],
    ]);
  });
});

describe("the chair running the event", () => {
  it("runs a pitch through its phases, storing the clock and auditing each command", async () => {
    const live = await makeLiveEvent({ bids: 2, panellists: 2 });
    const [first] = live.slots;
    const heard: LiveSignal[] = [];
    const stop = subscribe(live.event.id, (s) => heard.push(s));

    await live.chair({ type: "MARK_READY" }, at(-600));
    await live.chair({ type: "START" }, at(-60));
    const next = await live.chair({ type: "NEXT" }, T0);
    expect(next).toMatchObject({ state: "LIVE", currentSlotId: first.id });
    expect(await db().slot.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: "PITCHING", phaseEndsAt: at(180) });

    await live.chair({ type: "PAUSE" }, at(100));
    expect(await db().slot.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ phaseEndsAt: null, pausedRemainingMs: 80_000 });
    await live.chair({ type: "RESUME" }, at(160));
    await live.chair({ type: "EXTEND" }, at(170));
    expect(await db().slot.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ phaseEndsAt: at(270), pausedRemainingMs: null });
    await live.chair({ type: "NEXT" }, at(260));
    await live.chair({ type: "NEXT" }, at(380));
    await live.chair({ type: "LOCK", slotId: first.id }, at(500));
    expect(await db().slot.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ state: "LOCKED", lockedAt: at(500) });
    await live.chair({ type: "REOPEN", slotId: first.id, reason: "A phone was offline" }, at(510));
    stop();

    const audit = await db().auditEntry.findMany({ where: { subjectType: "event", subjectId: live.event.id }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      "event.created",
      "event.marked_ready",
      "event.started",
      "event.advanced",
      "event.timer_paused",
      "event.timer_resumed",
      "event.timer_extended",
      "event.advanced",
      "event.advanced",
      "event.slot_locked",
      "event.slot_reopened",
    ]);
    expect(audit[3].payload).toEqual({
      from: "LIVE",
      to: "LIVE",
      currentSlotId: first.id,
      slots: [{ slotId: first.id, from: "WAITING", to: "PITCHING", phaseEndsAt: at(180).toISOString(), pausedRemainingMs: null, lockedAt: null }],
    });
    expect(audit[6].payload).toMatchObject({ seconds: 30 });
    expect(audit[10].payload).toMatchObject({ reason: "A phone was offline", slots: [{ from: "LOCKED", to: "SCORING", lockedAt: null }] });
    expect(audit[3].at).toEqual(T0);

    // Every screen heard every change, in order, labelled with the change's audit entry.
    expect(heard.map((s) => s.version)).toEqual(audit.slice(1).map((a) => a.seq));
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("refuses an illegal command with a sentence, changes nothing and audits nothing", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const before = await db().auditEntry.count();
    expect(await runChairCommand(live.event.id, { type: "NEXT" }, live.organiser.actor)).toEqual({
      ok: false,
      message: "You cannot move to the next stage because the event is still being set up.",
    });
    expect(await runChairCommand(live.event.id, { type: "START" }, live.organiser.actor)).toEqual({
      ok: false,
      message: "Mark the event as ready before starting it.",
    });
    expect(await db().auditEntry.count()).toBe(before);
    expect((await db().event.findUniqueOrThrow({ where: { id: live.event.id } })).state).toBe("DRAFT");
    expect(await runChairCommand("missing", { type: "START" }, live.organiser.actor)).toEqual({ ok: false, message: "That event does not exist." });
  });

  it("refuses to mark an event ready without a panel", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 0 });
    expect(await runChairCommand(live.event.id, { type: "MARK_READY" }, live.organiser.actor)).toEqual({
      ok: false,
      message: "Invite at least one panellist before marking the event as ready.",
    });
  });

  it("a double tap of next, from two tablets at once, moves the event on only once", async () => {
    const live = await makeLiveEvent({ bids: 2, panellists: 1 });
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    await live.chair({ type: "NEXT" }, T0);
    const seen = (await liveState(live.event.id))!.revision;
    const results = await Promise.all([
      runChairCommand(live.event.id, { type: "NEXT", revision: seen }, live.organiser.actor, at(10)),
      runChairCommand(live.event.id, { type: "NEXT", revision: seen }, live.organiser.actor, at(10)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ message: expect.stringMatching(/changed on another screen/) });
    expect(await db().slot.findUniqueOrThrow({ where: { id: live.slots[0].id } })).toMatchObject({ state: "QUESTIONS" });
  });

  it("closes scoring for the event, locking every open pitch, and reveals results only after that", async () => {
    const live = await makeLiveEvent({ bids: 2, panellists: 1 });
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    expect(await revealResults(live.event.id, live.organiser.actor)).toEqual({
      ok: false,
      message: "Close scoring for the event before showing the results.",
    });
    for (let i = 0; i < 6; i++) await live.chair({ type: "NEXT" }, at(i));
    await live.chair({ type: "CLOSE_SCORING" }, at(100));
    const slots = await db().slot.findMany({ where: { eventId: live.event.id } });
    expect(slots.map((s) => [s.state, s.lockedAt])).toEqual([
      ["LOCKED", at(100)],
      ["LOCKED", at(100)],
    ]);
    const revealed = await revealResults(live.event.id, live.organiser.actor, at(200));
    expect(revealed).toEqual({ ok: true, revealedAt: at(200) });
    expect(await revealResults(live.event.id, live.organiser.actor, at(300))).toEqual({ ok: true, revealedAt: at(200) });
    expect(await db().auditEntry.count({ where: { subjectId: live.event.id, action: "event.results_revealed" } })).toBe(1);
  });
});

describe("the public live state", () => {
  it("shows phases, counts and quorum warnings, never names, scores or contact details", async () => {
    const live = await makeLiveEvent({ bids: 3, panellists: 3, quorum: 3 });
    const [a, b] = live.slots;
    await declareConflict({ panellistId: live.panellists[0].id, bidId: b.bidId, reason: "My sister is the treasurer" }, { type: "panellist", id: live.panellists[0].id });
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    await live.chair({ type: "NEXT" }, T0);
    await live.chair({ type: "NEXT" }, at(180));
    await submitScore({ panellistId: live.panellists[1].id, bidId: a.bidId, sheet: { items: sheetItems(live.criteria, [4, 7]), comment: "Strong need, weak budget", clientMutationId: uuid() } }, at(200));

    const state = (await liveState(live.event.id, at(201)))!;
    expect(state.serverNow).toBe(at(201).toISOString());
    expect(state.event).toMatchObject({ state: "LIVE", joinCode: null, audienceMode: "NONE", resultsRevealed: false });
    expect(state.current).toMatchObject({ id: a.id, state: "QUESTIONS", phaseEndsAt: at(300).toISOString(), scoredCount: 1, recusalCount: 0 });
    expect(state.slots.map((s) => [s.state, s.scoredCount, s.recusalCount, s.quorum.state])).toEqual([
      ["QUESTIONS", 1, 0, "WAITING"],
      ["WAITING", 0, 1, "SHORT"],
      ["WAITING", 0, 0, "WAITING"],
    ]);
    expect(state.warnings).toEqual([
      `${live.bids[1].reference}: Only 2 panellists can score this pitch (1 declared a conflict of interest); the rule needs 3.`,
    ]);
    expect(state.panel).toEqual({ active: 3, joined: 3 });
    expect(state.slots[0].audience).toBeNull();

    const text = JSON.stringify(state);
    for (const secret of ["Panellist 1", "sister", "Strong need", "@", '"value"', '"items"']) expect(text).not.toContain(secret);
    expect(state.version).toBe((await db().auditEntry.aggregate({ _max: { seq: true } }))._max.seq);
  });

  it("keeps a removed panellist's earlier score in the counts, but not their place for later pitches", async () => {
    const live = await makeLiveEvent({ bids: 2, panellists: 3, quorum: 3 });
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    await live.chair({ type: "NEXT" }, T0);
    await live.chair({ type: "NEXT" }, at(1));
    await submitScore({ panellistId: live.panellists[2].id, bidId: live.slots[0].bidId, sheet: { items: sheetItems(live.criteria, [3, 3]), comment: "", clientMutationId: uuid() } }, at(2));
    await revokePanellist(live.event.id, live.panellists[2].id, live.organiser.actor);
    const state = (await liveState(live.event.id))!;
    expect(state.slots[0]).toMatchObject({ scoredCount: 1, quorum: { eligible: 3, state: "WAITING" } });
    expect(state.slots[1].quorum).toMatchObject({ eligible: 2, state: "SHORT" });
    expect(state.panel).toEqual({ active: 2, joined: 2 });
  });

  it("shows the join code when the audience votes, and vote counts only after the reveal", async () => {
    const live = await makeLiveEvent({ bids: 2, panellists: 1, audienceMode: "OPEN" });
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    await live.chair({ type: "NEXT" });
    const voted = await castBallot({ eventId: live.event.id, voterKey: "phone-1", bidIds: [live.slots[0].bidId], clientMutationId: uuid() });
    expect(voted.ok).toBe(true);
    const before = (await liveState(live.event.id))!;
    expect(before.event.joinCode).toBe(live.event.joinCode);
    expect(before.slots.every((s) => s.audience === null)).toBe(true);
    expect(JSON.stringify(before)).not.toMatch(/"votes"|"points"/);

    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "CLOSE_SCORING", leaveUnheard: true });
    await revealResults(live.event.id, live.organiser.actor);
    const after = (await liveState(live.event.id))!;
    expect(after.slots.map((s) => s.audience)).toEqual([
      { bidId: live.slots[0].bidId, votes: 1, points: 1, paper: 0, paperStatus: "NONE", total: 1 },
      { bidId: live.slots[1].bidId, votes: 0, points: 0, paper: 0, paperStatus: "NONE", total: 0 },
    ]);
  });

  it("is null for an event that does not exist", async () => {
    expect(await liveState("missing")).toBeNull();
  });
});
