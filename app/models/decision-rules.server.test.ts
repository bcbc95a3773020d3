import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { reportFindings } from "~/domain/decision-report-findings";
import { verifyAuditLog } from "~/models/audit.server";
import { decisionReport } from "~/models/decision-report.server";
import { approveRuleException, confirmDecisions, recordDecision, type DecisionInput } from "~/models/decision.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeFunder, makeScoredEvent, scores } from "~/testing/payments-fixtures";

// Issue 13 §1: the round says part-funding may be no less than 50 % of the ask, and a funder
// part-funds a £4,800 bid at £1,000. That breaks the round's rule: refused when the fund allows
// no exceptions; otherwise an exception, explicit, reasoned, approved by a second funder, and
// named in the decision report and the audit log.

useTestDatabase();
afterAll(() => closeLiveBus());

const SHARE_BREACH = "Part-funded at 21 % of the ask; the round's minimum is 50 % (£1,400 below).";
const REASON = "The group has match funding for the rest from the parish.";

async function theIssuesRound(allowRuleExceptions: boolean) {
  const setup = await makeScoredEvent({
    potPence: 1_000_000,
    partFundingAllowed: true,
    partFundingMinPercent: 50,
    bids: [
      { amountPence: 480_000, scores: scores([5, 5]) },
      { amountPence: 150_000, scores: scores([4, 4]) },
    ],
  });
  await db().fund.update({ where: { id: setup.fund.id }, data: { allowRuleExceptions } });
  return setup;
}

const partFund = (eventId: string, bidId: string, over: Partial<DecisionInput> = {}): DecisionInput => ({
  eventId,
  bidId,
  outcome: "PART_FUNDED",
  amountPence: 100_000,
  overrideReason: "We can only spare a thousand pounds for this.",
  feedback: "",
  ...over,
});

describe("a decision that breaks the round's declared rule", () => {
  it("is refused, with the breach next to the amount, when the fund allows no exceptions", async () => {
    const { event, bids } = await theIssuesRound(false);
    const funder = await makeFunder();
    const result = await recordDecision(partFund(event.id, bids[0].id, { departsFromRule: true, ruleExceptionReason: REASON }), funder);
    expect(result).toMatchObject({
      ok: false,
      message: "This decision breaks the round's declared rules.",
      errors: { amount: `${SHARE_BREACH} The fund's policy allows no exceptions to the round's rules.` },
    });
    expect(await db().decision.count({ where: { bidId: bids[0].id } })).toBe(0);
    expect(await db().auditEntry.count({ where: { action: { startsWith: "decision." } } })).toBe(0);

    // At the round's minimum share it is an ordinary override.
    const atShare = await recordDecision(partFund(event.id, bids[0].id, { amountPence: 240_000 }), funder);
    expect(atShare).toMatchObject({ ok: true, isOverride: true, exception: false });
  });

  it("needs the box ticked and a reason where the fund allows exceptions", async () => {
    const { event, bids } = await theIssuesRound(true);
    const funder = await makeFunder();
    const bare = await recordDecision(partFund(event.id, bids[0].id), funder);
    expect(bare).toMatchObject({
      ok: false,
      errors: {
        amount: SHARE_BREACH,
        departsFromRule: "Tick this to record the decision as an exception to the round's declared rule, or change the decision",
        ruleExceptionReason: "Explain why this exception to the round's rule is right, in at least 10 characters",
      },
    });
    expect(await db().decision.count({ where: { bidId: bids[0].id } })).toBe(0);
  });

  it("is saved as an exception, audited with the breach, and waits for a second funder before confirming", async () => {
    const { event, bids } = await theIssuesRound(true);
    const fran = await makeFunder("Fran Funder");
    const sam = await makeFunder("Sam Second");
    const saved = await recordDecision(partFund(event.id, bids[0].id, { departsFromRule: true, ruleExceptionReason: REASON }), fran);
    expect(saved).toMatchObject({ ok: true, exception: true, decision: { outcome: "PART_FUNDED", amountPence: 100_000 } });
    const decision = await db().decision.findUniqueOrThrow({ where: { bidId: bids[0].id } });
    expect(decision).toMatchObject({ ruleExceptionReason: REASON, exceptionApprovedById: null, exceptionApprovedAt: null });
    expect(decision.ruleBreaches).toEqual([
      { rule: "part-funding-minimum-share", message: SHARE_BREACH.slice(0, -1), by: 140_000, unit: "pence", exceptionAllowed: true },
    ]);
    const breachEntry = await db().auditEntry.findFirstOrThrow({ where: { action: "decision.rule_breach_recorded", subjectId: decision.id } });
    expect(breachEntry.payload).toMatchObject({ amountPence: 100_000, exceptionReason: REASON, breaches: [{ rule: "part-funding-minimum-share", by: 140_000 }] });
    const override = await db().auditEntry.findFirstOrThrow({ where: { action: "decision.overridden", subjectId: decision.id } });
    expect(override.at).toEqual(breachEntry.at);

    expect((await recordDecision({ ...partFund(event.id, bids[1].id), outcome: "FUNDED", overrideReason: "" }, fran)).ok).toBe(true);
    expect(await confirmDecisions(event.id, fran)).toEqual({
      ok: false,
      message: `A second funder must approve each exception to the round's rules first. Waiting for approval: ${bids[0].reference}.`,
    });

    expect(await approveRuleException(event.id, decision.id, fran)).toEqual({
      ok: false,
      message: `You recorded the decision on ${bids[0].reference}: a second funder must approve the exception.`,
    });
    expect(await approveRuleException(event.id, decision.id, sam)).toMatchObject({ ok: true, bidId: bids[0].id });
    expect(await approveRuleException(event.id, decision.id, sam)).toMatchObject({ ok: false, message: expect.stringContaining("already been approved") });
    const approval = await db().auditEntry.findFirstOrThrow({ where: { action: "decision.rule_exception_approved", subjectId: decision.id } });
    expect(approval).toMatchObject({ actorId: sam.id, payload: expect.objectContaining({ decidedById: fran.id, breaches: [expect.objectContaining({ by: 140_000 })] }) });

    expect(await confirmDecisions(event.id, fran)).toMatchObject({ ok: true, funded: 2 });
    expect((await verifyAuditLog()).ok).toBe(true);

    const report = await decisionReport(event.id);
    const finding = reportFindings(report!).find((f) => f.title.startsWith(`${bids[0].reference}: rule breach`));
    expect(finding).toMatchObject({ tone: "attention", detail: expect.stringContaining(`${SHARE_BREACH} Reason for the exception: ${REASON}`) });
    expect(finding!.detail).toContain("Approved as an exception by Sam Second");
  });

  it("needs approving again once it is changed", async () => {
    const { event, bids } = await theIssuesRound(true);
    const fran = await makeFunder();
    const sam = await makeFunder("Sam Second");
    const exception = { departsFromRule: true, ruleExceptionReason: REASON };
    await recordDecision(partFund(event.id, bids[0].id, exception), fran);
    const { id } = await db().decision.findUniqueOrThrow({ where: { bidId: bids[0].id } });
    expect((await approveRuleException(event.id, id, sam)).ok).toBe(true);
    expect((await recordDecision(partFund(event.id, bids[0].id, { ...exception, amountPence: 120_000 }), fran)).ok).toBe(true);
    expect(await db().decision.findUniqueOrThrow({ where: { bidId: bids[0].id } })).toMatchObject({ amountPence: 120_000, exceptionApprovedAt: null });

    // Back within the rule, there is nothing left to approve.
    expect((await recordDecision(partFund(event.id, bids[0].id, { amountPence: 240_000 }), fran)).ok).toBe(true);
    expect(await db().decision.findUniqueOrThrow({ where: { bidId: bids[0].id } })).toMatchObject({ ruleBreaches: null, ruleExceptionReason: null });
    expect(await approveRuleException(event.id, id, sam)).toMatchObject({ ok: false, message: expect.stringContaining("nothing to approve") });
  });
});
