import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { verifyAuditLog } from "~/models/audit.server";
import { confirmDecisions, decisionBoard, decisionsForEvent, recordDecision, type DecisionInput } from "~/models/decision.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { revealAwards } from "~/models/award-reveal.server";
import { makeStaff } from "~/testing/live-fixtures";
import { makeFunder, makeScoredEvent, scores } from "~/testing/payments-fixtures";

useTestDatabase();
afterAll(() => closeLiveBus());

const decide = (eventId: string, bidId: string, over: Partial<DecisionInput> = {}): DecisionInput => ({
  eventId,
  bidId,
  outcome: "FUNDED",
  amountPence: 0,
  overrideReason: "",
  feedback: "",
  ...over,
});

/** Three pitches in a £5,000 pot: £3,000 (best), £2,500 (second), £1,500 (third). */
function threePitches(options: { partFundingAllowed?: boolean; potPence?: number } = {}) {
  return makeScoredEvent({
    potPence: options.potPence ?? 500_000,
    partFundingAllowed: options.partFundingAllowed,
    bids: [
      { amountPence: 300_000, scores: scores([5, 5]) },
      { amountPence: 250_000, scores: scores([4, 4]) },
      { amountPence: 150_000, scores: scores([3, 3]) },
    ],
  });
}

describe("the decision board", () => {
  it("shows every pitch in rank order with its explanation and the proposal, and what is still to decide", async () => {
    const { event, bids } = await threePitches();
    const board = await decisionBoard(event.id);
    expect(board).not.toBeNull();
    expect(board!.rows.map((r) => [r.bid.reference, r.ranking.rank, r.proposal.outcome, r.proposal.amountPence])).toEqual([
      [bids[0].reference, 1, "FUNDED", 300_000],
      [bids[1].reference, 2, "NOT_FUNDED", 0],
      [bids[2].reference, 3, "FUNDED", 150_000],
    ]);
    expect(board!.rows[0].explanation).toBe("Ranked 1st: panel 5.00/5 from 2 panellists, combined 1.00");
    expect(board!.rows[1].proposal.reason).toBe("Not funded: £2,000 left, £2,500 asked, part-funding not allowed");
    expect(board!).toMatchObject({ potForEventPence: 500_000, remainingPence: 500_000, open: true, canConfirm: false });
    expect(board!.missing).toEqual(bids.map((b) => b.reference));
  });

  it("gives no share of the pot to a bid withdrawn after its pitch", async () => {
    const { event, bids } = await threePitches();
    await db().bid.update({ where: { id: bids[0].id }, data: { status: "WITHDRAWN" } });
    const board = await decisionBoard(event.id);
    expect(board!.ranking.bids).toHaveLength(3);
    expect(board!.rows.map((r) => [r.bid.reference, r.proposal.outcome, r.proposal.amountPence])).toEqual([
      [bids[1].reference, "FUNDED", 250_000],
      [bids[2].reference, "FUNDED", 150_000],
    ]);
    expect(board!.missing).toEqual([bids[1].reference, bids[2].reference]);
  });

  it("starts this event's proposal from what other events have not already taken", async () => {
    const first = await threePitches();
    const funder = await makeFunder();
    expect((await recordDecision(decide(first.event.id, first.bids[0].id), funder)).ok).toBe(true);
    const second = await makeScoredEvent({ potPence: 500_000, bids: [{ amountPence: 100_000, scores: scores([4, 4]) }] });
    // why: a different fund, so the first event's decision does not count against it.
    expect((await decisionBoard(second.event.id))!.potForEventPence).toBe(500_000);
    const sameFund = await db().event.create({
      data: { roundId: first.round.id, title: "Second night", startsAt: new Date(), venue: "Hall", joinCode: `J${Date.now().toString(36).toUpperCase()}`, state: "SCORING_CLOSED" },
    });
    const board = await decisionBoard(sameFund.id);
    expect(board).toMatchObject({ potForEventPence: 200_000, committedElsewherePence: 300_000 });
  });
});

describe("recording a decision", () => {
  it("confirms the proposal: proposal and outcome kept side by side, audited as confirmed", async () => {
    const { event, bids } = await threePitches();
    const funder = await makeFunder();
    const result = await recordDecision(decide(event.id, bids[0].id, { feedback: "A clear plan and real need." }), funder);
    expect(result).toMatchObject({ ok: true, isOverride: false, unchanged: false, decision: { outcome: "FUNDED", amountPence: 300_000 } });
    const saved = await db().decision.findUniqueOrThrow({ where: { bidId: bids[0].id } });
    expect(saved).toMatchObject({
      eventId: event.id,
      proposedOutcome: "FUNDED",
      proposedAmountPence: 300_000,
      proposalReason: "Funded in full: £3,000, £2,000 left in the pot",
      outcome: "FUNDED",
      amountPence: 300_000,
      overrideReason: null,
      feedback: "A clear plan and real need.",
      decidedById: funder.id,
    });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "decision.confirmed", subjectId: saved.id } });
    expect(audit.payload).toMatchObject({ outcome: "FUNDED", amountPence: 300_000, proposedOutcome: "FUNDED", feedbackLength: 27 });
    expect(JSON.stringify(audit.payload)).not.toContain("clear plan");
  });

  it("an override needs a reason, and is recorded as an override beside the proposal", async () => {
    const { event, bids } = await threePitches({ partFundingAllowed: true });
    const funder = await makeFunder();
    await recordDecision(decide(event.id, bids[0].id), funder);
    const board = await decisionBoard(event.id);
    expect(board!.rows[1].proposal).toMatchObject({ outcome: "PART_FUNDED", amountPence: 200_000 });

    const bare = await recordDecision(decide(event.id, bids[1].id, { outcome: "NOT_FUNDED" }), funder);
    expect(bare).toEqual({
      ok: false,
      message: "Check the decision.",
      errors: { overrideReason: "Explain why this differs from the proposal (part-fund, £2,000), in at least 10 characters" },
    });
    const reason = "The project cannot run on two thirds of its budget.";
    const done = await recordDecision(decide(event.id, bids[1].id, { outcome: "NOT_FUNDED", overrideReason: reason }), funder);
    expect(done).toMatchObject({ ok: true, isOverride: true });
    expect(await db().decision.findUniqueOrThrow({ where: { bidId: bids[1].id } })).toMatchObject({
      proposedOutcome: "PART_FUNDED",
      proposedAmountPence: 200_000,
      outcome: "NOT_FUNDED",
      amountPence: 0,
      overrideReason: reason,
    });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "decision.overridden" }, orderBy: { seq: "desc" } });
    expect(audit.payload).toMatchObject({ outcome: "NOT_FUNDED", proposedOutcome: "PART_FUNDED", overrideReason: reason });
  });

  it("never lets decisions spend more than the pot, whatever the reason", async () => {
    const { event, bids } = await threePitches();
    const funder = await makeFunder();
    await recordDecision(decide(event.id, bids[0].id), funder);
    const greedy = await recordDecision(decide(event.id, bids[1].id, { overrideReason: "The room loved this pitch." }), funder);
    expect(greedy).toMatchObject({
      ok: false,
      errors: { outcome: "Only £2,000 is left in the pot, less than the £2,500 asked for: choose part-funded or not funded" },
    });
  });

  it("changes a decision until they are confirmed; the same answer twice is recorded once", async () => {
    const { event, bids } = await threePitches();
    const funder = await makeFunder();
    await recordDecision(decide(event.id, bids[2].id), funder);
    const again = await recordDecision(decide(event.id, bids[2].id), funder);
    expect(again).toMatchObject({ ok: true, unchanged: true });
    const changed = await recordDecision(decide(event.id, bids[2].id, { outcome: "NOT_FUNDED", overrideReason: "Already funded by the parish council." }), funder);
    expect(changed).toMatchObject({ ok: true, unchanged: false, isOverride: true });
    const entries = await db().auditEntry.findMany({ where: { action: { in: ["decision.confirmed", "decision.overridden"] }, payload: { path: ["bidId"], equals: bids[2].id } } });
    expect(entries.map((e) => e.action)).toEqual(["decision.confirmed", "decision.overridden"]);
  });

  it("is refused while scoring is still open, and for anyone but a funder", async () => {
    const live = await makeScoredEvent({ state: "LIVE", bids: [{ amountPence: 100_000, scores: scores([4, 4]) }] });
    const funder = await makeFunder();
    expect(await recordDecision(decide(live.event.id, live.bids[0].id), funder)).toMatchObject({
      ok: false,
      message: "Close scoring for the event before recording decisions: the ranking is final only then.",
    });
    const { event, bids } = await threePitches();
    const organiser = { id: "someone", roles: ["ORGANISER" as const] };
    expect(await recordDecision(decide(event.id, bids[0].id), organiser)).toMatchObject({ ok: false, message: "Only a funder can make funding decisions." });
  });

  it("50 funders deciding £1,000 grants at once in a £10,000 pot fund exactly 10", async () => {
    const many = await makeScoredEvent({
      potPence: 1_000_000,
      maxAwardPence: 100_000,
      bids: Array.from({ length: 50 }, () => ({ amountPence: 100_000, scores: scores([4, 4]) })),
    });
    const funders = await Promise.all(Array.from({ length: 5 }, (_, i) => makeFunder(`Funder ${i}`)));
    const results = await Promise.all(
      many.bids.map((bid, i) =>
        recordDecision(decide(many.event.id, bid.id, { overrideReason: "Funded in the room by show of hands." }), funders[i % 5]),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const refusals = results.filter((r) => !r.ok);
    expect(refusals).toHaveLength(40);
    for (const r of refusals) expect(r).toMatchObject({ errors: { outcome: expect.stringMatching(/^Only £0 is left in the pot/) } });
    const funded = await db().decision.aggregate({ _sum: { amountPence: true }, where: { eventId: many.event.id } });
    expect(funded._sum.amountPence).toBe(1_000_000);
  }, 120_000);
});

describe("confirming the decisions", () => {
  it("needs a decision for every pitch, then closes the event and marks each bid; each group is emailed as the chair reveals it", async () => {
    const { event, bids } = await threePitches();
    const funder = await makeFunder();
    await recordDecision(decide(event.id, bids[0].id, { feedback: "Inspiring pitch." }), funder);
    expect(await confirmDecisions(event.id, funder)).toEqual({
      ok: false,
      message: `Record a decision for every pitch first. Still to decide: ${bids[1].reference}, ${bids[2].reference}.`,
    });
    await recordDecision(decide(event.id, bids[1].id, { outcome: "NOT_FUNDED", feedback: "Come back with match funding." }), funder);
    await recordDecision(decide(event.id, bids[2].id), funder);
    expect((await decisionBoard(event.id))!.canConfirm).toBe(true);

    expect(await confirmDecisions(event.id, funder)).toEqual({ ok: true, funded: 2, notFunded: 1 });
    expect((await db().event.findUniqueOrThrow({ where: { id: event.id } })).state).toBe("DECIDED");
    const after = await db().bid.findMany({ where: { id: { in: bids.map((b) => b.id) } }, orderBy: { reference: "asc" } });
    expect(after.map((b) => [b.status, b.statusReason])).toEqual([
      ["FUNDED", "Awarded £3,000.\n\nInspiring pitch."],
      ["NOT_FUNDED", "The funder decided not to fund this bid.\n\nCome back with match funding."],
      ["FUNDED", "Awarded £1,500."],
    ]);

    const groupMail = () =>
      db().mailMessage.findMany({
        where: { to: { in: ["group1@example.test", "group2@example.test", "group3@example.test"] }, subject: { startsWith: "Funding decision" } },
        orderBy: { to: "asc" },
      });
    // Nobody hears before the hall does: a funded group's email goes as its award is revealed, the rest with the totals.
    expect(await groupMail()).toEqual([]);
    const chair = { id: (await makeStaff()).user.id, roles: ["ORGANISER" as const] };
    expect(await revealAwards(event.id, "next", chair, { fromStep: 0 })).toMatchObject({ ok: true, step: 1 });
    expect((await groupMail()).map((m) => m.subject)).toEqual([`Funding decision for ${bids[0].reference}: funded`]);
    expect(await revealAwards(event.id, "all", chair)).toMatchObject({ ok: true });
    expect(await revealAwards(event.id, "all", chair)).toMatchObject({ ok: false });
    const mail = await groupMail();
    expect(mail.map((m) => m.subject)).toEqual([
      `Funding decision for ${bids[0].reference}: funded`,
      `Funding decision for ${bids[1].reference}: not funded`,
      `Funding decision for ${bids[2].reference}: funded`,
    ]);
    expect(mail[0].text).toContain("award £3,000 to Group 1");
    expect(mail[1].text).toContain("Come back with match funding.");
    expect(mail[1].text).toContain(`use the private link we sent you when you applied (your reference is ${bids[1].reference})`);

    const closed = await db().auditEntry.findFirstOrThrow({ where: { action: "event.decided", subjectId: event.id } });
    expect(closed.payload).toMatchObject({ from: "SCORING_CLOSED", to: "DECIDED" });
    expect(await recordDecision(decide(event.id, bids[2].id, { outcome: "NOT_FUNDED", overrideReason: "Changed our minds later." }), funder)).toMatchObject({
      ok: false,
      message: "The decisions for this event have been confirmed, so they can no longer change.",
    });
    expect(await confirmDecisions(event.id, funder)).toEqual({ ok: false, message: "The decisions for this event have already been confirmed." });
    expect((await decisionsForEvent(event.id)).map((d) => d.outcome)).toEqual(["FUNDED", "NOT_FUNDED", "FUNDED"]);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("does not email a group whose contact details were erased", async () => {
    const { event, bids } = await makeScoredEvent({ bids: [{ amountPence: 100_000, scores: scores([4, 4]), email: null }] });
    const funder = await makeFunder();
    await recordDecision(decide(event.id, bids[0].id), funder);
    expect(await confirmDecisions(event.id, funder)).toMatchObject({ ok: true, funded: 1 });
    expect(await revealAwards(event.id, "all", { id: (await makeStaff()).user.id, roles: ["ORGANISER"] })).toMatchObject({ ok: true });
    expect(await db().decision.findUniqueOrThrow({ where: { bidId: bids[0].id } })).toMatchObject({ announcedAt: expect.any(Date) });
    expect(await db().mailMessage.count({ where: { subject: `Funding decision for ${bids[0].reference}: funded` } })).toBe(0);
  });
});
