import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { NOT_CONFIRMED } from "~/domain/award-reveal";
import { verifyAuditLog } from "~/models/audit.server";
import { awardReveal, revealAwards } from "~/models/award-reveal.server";
import { confirmDecisions, recordDecision } from "~/models/decision.server";
import { liveState } from "~/models/event.server";
import { publicResults } from "~/models/public-results.server";
import { closeLiveBus, subscribe, type LiveSignal } from "~/db/live/bus.server";
import { makeStaff } from "~/testing/live-fixtures";
import { makeFunder, makeScoredEvent, scores } from "~/testing/payments-fixtures";

// The chair's awards reveal after the funder confirms: stored step by step on the event,
// audited, published on the live bus, and read back into the public live state and /results.

useTestDatabase();
afterAll(() => closeLiveBus());

/** Three pitches in a £6,000 pot: Group 1 funded in full, Group 2 not funded, Group 3 part-funded. */
async function decidedEvent(options: { confirm?: boolean } = {}) {
  const scored = await makeScoredEvent({
    potPence: 600_000,
    partFundingAllowed: true,
    bids: [
      { amountPence: 300_000, scores: scores([5, 5]) },
      { amountPence: 250_000, scores: scores([2, 2]) },
      { amountPence: 200_000, scores: scores([4, 4]) },
    ],
  });
  const funder = await makeFunder();
  const [one, two, three] = scored.bids;
  const decide = (bidId: string, outcome: "FUNDED" | "PART_FUNDED" | "NOT_FUNDED", amountPence: number) =>
    recordDecision({ eventId: scored.event.id, bidId, outcome, amountPence, overrideReason: "The panel asked for a smaller first year.", feedback: "Thank you." }, funder);
  expect((await decide(one.id, "FUNDED", 0)).ok).toBe(true);
  expect((await decide(two.id, "NOT_FUNDED", 0)).ok).toBe(true);
  expect((await decide(three.id, "PART_FUNDED", 150_000)).ok).toBe(true);
  if (options.confirm !== false) expect((await confirmDecisions(scored.event.id, funder)).ok).toBe(true);
  const organiser = await makeStaff();
  const chair = { id: organiser.user.id, roles: ["ORGANISER" as const] };
  return { ...scored, funder, chair };
}

const stored = async (eventId: string) => (await db().event.findUniqueOrThrow({ where: { id: eventId }, select: { awardsRevealed: true } })).awardsRevealed;
const revealEntries = (eventId: string) => db().auditEntry.findMany({ where: { subjectId: eventId, action: "event.awards_revealed" }, orderBy: { seq: "asc" } });

describe("revealing the awards", () => {
  it("is refused, with the reason, until the funder has confirmed the decisions", async () => {
    const { event, chair } = await decidedEvent({ confirm: false });
    expect(await revealAwards(event.id, "next", chair, { fromStep: 0 })).toEqual({ ok: false, message: NOT_CONFIRMED });
    expect(await revealAwards(event.id, "all", chair)).toEqual({ ok: false, message: NOT_CONFIRMED });
    expect(await stored(event.id)).toBe(0);
    expect(await revealEntries(event.id)).toHaveLength(0);
    expect((await liveState(event.id))!.awards).toBeNull();
  });

  it("is the chair's to do: a funder cannot, and an unknown event is refused", async () => {
    const { event, funder, chair } = await decidedEvent();
    expect(await revealAwards(event.id, "all", funder)).toMatchObject({ ok: false, message: expect.stringMatching(/Only the event's organiser/) });
    expect(await revealAwards("no-such-event", "all", chair)).toEqual({ ok: false, message: "That event does not exist." });
    expect(await stored(event.id)).toBe(0);
  });

  it("shows nothing on the live state until the first step, and never the group not funded", async () => {
    const { event, chair } = await decidedEvent();
    expect((await liveState(event.id))!.awards).toBeNull();

    const heard: LiveSignal[] = [];
    const stop = subscribe(event.id, (signal) => heard.push(signal));
    const first = await revealAwards(event.id, "next", chair, { fromStep: 0 });
    stop();
    expect(first).toEqual({ ok: true, step: 1, steps: 3 });
    const state = (await liveState(event.id))!;
    expect(heard.map((s) => s.version)).toContain(state.version);
    expect(state.awards).toMatchObject({ step: 1, complete: false, totals: null, currency: "GBP" });
    expect(state.awards!.rows).toEqual([
      { bidId: expect.any(String), reference: expect.any(String), groupName: "Group 1", projectTitle: "Project 1", amountPence: 300_000, partFunded: false, requestedPence: null },
    ]);
    expect(JSON.stringify(state.awards)).not.toMatch(/Group 2|Group 3|@|Thank you/);
  });

  it("steps one group at a time in running order, then the totals, each step audited", async () => {
    const { event, bids, chair } = await decidedEvent();
    expect(await revealAwards(event.id, "next", chair, { fromStep: 0 })).toMatchObject({ ok: true, step: 1 });
    expect(await revealAwards(event.id, "next", chair, { fromStep: 1 })).toMatchObject({ ok: true, step: 2 });
    const two = (await liveState(event.id))!.awards!;
    expect(two.rows.map((r) => [r.groupName, r.amountPence, r.partFunded, r.requestedPence])).toEqual([
      ["Group 1", 300_000, false, null],
      ["Group 3", 150_000, true, 200_000],
    ]);
    expect(two.totals).toBeNull();
    expect(await revealAwards(event.id, "next", chair, { fromStep: 2 })).toMatchObject({ ok: true, step: 3 });
    expect((await liveState(event.id))!.awards).toMatchObject({ complete: true, totals: { awardedPence: 450_000, potRemainingPence: 150_000 } });

    const entries = await revealEntries(event.id);
    expect(entries.map((e) => e.payload)).toEqual([
      { mode: "next", from: 0, to: 1, steps: 3, bidIds: [bids[0].id], totalsShown: false },
      { mode: "next", from: 1, to: 2, steps: 3, bidIds: [bids[2].id], totalsShown: false },
      { mode: "next", from: 2, to: 3, steps: 3, bidIds: [], totalsShown: true },
    ]);
    expect(entries.every((e) => e.actorId === chair.id)).toBe(true);
    expect(await revealAwards(event.id, "next", chair, { fromStep: 3 })).toMatchObject({ ok: false, message: "Every award and the totals are already showing." });
    expect((await verifyAuditLog()).ok).toBe(true);
  });

  it("reveals the rest and the totals at once with Reveal all", async () => {
    const { event, bids, chair } = await decidedEvent();
    await revealAwards(event.id, "next", chair, { fromStep: 0 });
    expect(await revealAwards(event.id, "all", chair)).toEqual({ ok: true, step: 3, steps: 3 });
    const [, all] = await revealEntries(event.id);
    expect(all.payload).toEqual({ mode: "all", from: 1, to: 3, steps: 3, bidIds: [bids[2].id], totalsShown: true });
    expect((await liveState(event.id))!.awards).toMatchObject({ complete: true, rows: [{ groupName: "Group 1" }, { groupName: "Group 3" }] });
  });

  it("keeps its place in the database: a fresh read after a restart shows the same step", async () => {
    const { event, chair } = await decidedEvent();
    await revealAwards(event.id, "next", chair, { fromStep: 0 });
    expect(await stored(event.id)).toBe(1);
    // Nothing is held in memory: the reveal is read from the stored step and the decisions.
    expect(await awardReveal(event.id)).toMatchObject({ plan: { confirmed: true, step: 1, steps: 3 }, view: { step: 1, rows: [{ groupName: "Group 1" }] } });
  });

  it("refuses a Reveal next from a page that was behind, and two presses at once reveal one group", async () => {
    const { event, chair } = await decidedEvent();
    const presses = await Promise.all([
      revealAwards(event.id, "next", chair, { fromStep: 0 }),
      revealAwards(event.id, "next", chair, { fromStep: 0 }),
    ]);
    expect(presses.filter((p) => p.ok)).toHaveLength(1);
    expect(presses.find((p) => !p.ok)).toMatchObject({ message: expect.stringMatching(/moved on from another screen/) });
    expect(await stored(event.id)).toBe(1);
    expect(await revealEntries(event.id)).toHaveLength(1);
  });

  it("gives /results the same figures as the screen, and the fund's remainder only with the totals", async () => {
    const { event, chair } = await decidedEvent();
    expect(await publicResults(event.id)).toBeNull();
    await revealAwards(event.id, "next", chair, { fromStep: 0 });
    expect(await publicResults(event.id)).toMatchObject({ confirmed: true, revealComplete: false, awardedPence: 300_000, remainingPence: null, funded: [{ groupName: "Group 1" }] });
    await revealAwards(event.id, "all", chair);
    const results = (await publicResults(event.id))!;
    expect(results).toMatchObject({ revealComplete: true, awardedPence: 450_000, remainingPence: 150_000 });
    expect(results.funded.map((f) => f.groupName)).toEqual(["Group 1", "Group 3"]);
  });
});
