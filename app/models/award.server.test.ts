import { createHash, randomBytes } from "node:crypto";
import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { verifyAuditLog } from "~/models/audit.server";
import { acceptAward, acceptAwardForGroup, awardForBid, awardsForEvent, cancelAward, getAward, potSummary } from "~/models/award.server";
import { offerAward } from "~/coordinators/payments/awards.server";
import { recordDecision } from "~/models/decision.server";
import { requestPayment } from "~/coordinators/payments/payments.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { confirmAndReveal, makeAcceptedAward, makeFunder, makeScoredEvent, scores } from "~/testing/payments-fixtures";

useTestDatabase();
afterAll(() => closeLiveBus());

const CONDITIONS = "Spend the award on the project in the bid and send a short report by 31 March 2028.";

async function fundedDecision(amountPence = 100_000) {
  const setup = await makeScoredEvent({ bids: [{ amountPence, scores: scores([5, 4]) }] });
  const funder = await makeFunder();
  const decided = await recordDecision(
    { eventId: setup.event.id, bidId: setup.bids[0].id, outcome: "FUNDED", amountPence: 0, overrideReason: "", feedback: "" },
    funder,
  );
  if (!decided.ok) throw new Error(decided.message);
  return { ...setup, funder, decisionId: decided.decision.id };
}

/** Gives a bid a private link we know (only its hash is stored, as the app does). */
async function privateLink(bidId: string) {
  const token = randomBytes(32).toString("base64url");
  await db().bid.update({ where: { id: bidId }, data: { editTokenHash: createHash("sha256").update(token).digest("hex") } });
  return token;
}

describe("issuing an award", () => {
  it("waits for the decisions to be confirmed, then offers the award with its conditions and emails the group", async () => {
    const { event, bids, funder, decisionId, fund } = await fundedDecision();
    expect(await offerAward(decisionId, { conditions: CONDITIONS }, funder)).toEqual({
      ok: false,
      message: "Confirm the event's decisions first: awards are issued once every decision is confirmed.",
    });
    await confirmAndReveal(event.id, funder);
    const issued = await offerAward(decisionId, { conditions: `  ${CONDITIONS}  ` }, funder);
    expect(issued).toMatchObject({ ok: true, award: { amountPence: 100_000 } });
    if (!issued.ok) return;
    expect(await getAward(issued.award.id)).toMatchObject({ status: "OFFERED", conditions: CONDITIONS, createdById: funder.id, bid: { id: bids[0].id } });

    const mail = await db().mailMessage.findFirstOrThrow({ where: { subject: { startsWith: "Your award offer" } }, orderBy: { createdAt: "desc" } });
    expect(mail.to).toBe("group1@example.test");
    expect(mail.text).toContain("an award of £1,000");
    expect(mail.text).toContain(CONDITIONS);
    expect(mail.text).toContain("use the private link we sent you");

    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "award.created", subjectId: issued.award.id } });
    expect(audit.payload).toMatchObject({ amountPence: 100_000, potPence: fund.potPence, committedPence: 100_000, conditionsLength: CONDITIONS.length });

    expect(await offerAward(decisionId, { conditions: CONDITIONS }, funder)).toEqual({ ok: false, message: "An award has already been issued for this decision." });
    expect((await awardsForEvent(event.id)).map((d) => d.award?.status)).toEqual(["OFFERED"]);
    expect(await potSummary(fund.id)).toMatchObject({ potPence: fund.potPence, awardedPence: 100_000, decidedPence: 0, remainingPence: fund.potPence - 100_000 });
  });

  it("asks for conditions, and only a funder may issue", async () => {
    const { event, funder, decisionId } = await fundedDecision();
    await confirmAndReveal(event.id, funder);
    expect(await offerAward(decisionId, { conditions: "  " }, funder)).toEqual({
      ok: false,
      message: "Check the conditions.",
      errors: { conditions: "Enter the conditions of the award, in at least 10 characters" },
    });
    expect(await offerAward(decisionId, { conditions: CONDITIONS }, { id: "x", roles: ["ORGANISER"] })).toEqual({
      ok: false,
      message: "Only a funder can issue awards.",
    });
  });

  it("50 awards of £1,000 approved at once against a £10,000 pot: exactly 10, the rest told the pot is empty", async () => {
    const setup = await makeScoredEvent({
      potPence: 1_000_000,
      maxAwardPence: 100_000,
      state: "DECIDED",
      bids: Array.from({ length: 50 }, () => ({ amountPence: 100_000, scores: scores([4, 4]) })),
    });
    const funders = await Promise.all(Array.from({ length: 5 }, (_, i) => makeFunder(`Funder ${i}`)));
    // why: decisions written directly, as if the pot had been lowered after they were made;
    // the award is the last line of defence and must hold on its own.
    const decisions = [];
    for (const bid of setup.bids) {
      await db().bid.update({ where: { id: bid.id }, data: { status: "FUNDED" } });
      decisions.push(
        await db().decision.create({
          data: {
            bidId: bid.id,
            eventId: setup.event.id,
            proposedOutcome: "FUNDED",
            proposedAmountPence: 100_000,
            proposalReason: "Funded in full",
            outcome: "FUNDED",
            amountPence: 100_000,
            decidedById: funders[0].id,
            announcedAt: new Date(),
          },
        }),
      );
    }
    const results = await Promise.all(decisions.map((d, i) => offerAward(d.id, { conditions: CONDITIONS }, funders[i % 5])));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const refusals = results.filter((r) => !r.ok);
    expect(refusals).toHaveLength(40);
    for (const r of refusals) {
      expect(r).toEqual({
        ok: false,
        message: "Only £0 left in the pot, so an award of £1,000 would overspend it. Cancel an award that will not go ahead, or change the decision.",
      });
    }
    expect(await potSummary(setup.fund.id)).toMatchObject({ awardedPence: 1_000_000 });
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  }, 120_000);
});

describe("accepting the conditions", () => {
  async function offered() {
    const setup = await fundedDecision();
    await confirmAndReveal(setup.event.id, setup.funder);
    const issued = await offerAward(setup.decisionId, { conditions: CONDITIONS }, setup.funder);
    if (!issued.ok) throw new Error(issued.message);
    return { ...setup, awardId: issued.award.id };
  }

  it("the group accepts online through its private link, once; the name is kept with the award, not in the log", async () => {
    const { bids, awardId } = await offered();
    const token = await privateLink(bids[0].id);
    expect(await acceptAward(token, { signedName: "", agree: "" })).toMatchObject({
      ok: false,
      errors: {
        signedName: "bid.accept.error.nameMissing",
        agree: "bid.accept.error.agree",
      },
    });
    expect(await acceptAward(randomBytes(32).toString("base64url"), { signedName: "Sam Treasurer", agree: "yes" })).toEqual({ ok: false, message: "bid.accept.refusal.noBid" });
    expect(await acceptAward(token, { signedName: "Sam Treasurer", agree: "yes" })).toMatchObject({ ok: true, already: false, award: { status: "ACCEPTED" } });
    expect(await acceptAward(token, { signedName: "Sam Treasurer", agree: "yes" })).toMatchObject({ ok: true, already: true });
    expect(await awardForBid(bids[0].id)).toMatchObject({ status: "ACCEPTED", acceptedBy: "Sam Treasurer", acceptedAt: expect.any(Date) });
    const entries = await db().auditEntry.findMany({ where: { action: "award.accepted", subjectId: awardId } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorType: "group", actorId: bids[0].id, payload: { bidId: bids[0].id, via: "group" } });
    expect(JSON.stringify(entries[0].payload)).not.toContain("Sam");
  });

  it("or on the organiser's device, recorded as the staff member's action", async () => {
    const { awardId, funder } = await offered();
    const result = await acceptAwardForGroup(awardId, { signedName: "Pat Chair", agree: "yes" }, funder);
    expect(result).toMatchObject({ ok: true, award: { status: "ACCEPTED" } });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "award.accepted", subjectId: awardId } });
    expect(entry).toMatchObject({ actorType: "user", actorId: funder.id, payload: { via: "staff" } });
    expect(await acceptAwardForGroup(awardId, { signedName: "Pat Chair", agree: "yes" }, { id: "a", roles: ["AUDITOR"] })).toMatchObject({ ok: false });
  });
});

describe("cancelling an award", () => {
  it("puts the money back in the pot and tells the group, but not while a payment is under way", async () => {
    const { awardId, decider, fund, bid } = await makeAcceptedAward({ amountPence: 250_000 });
    const asked = await requestPayment(awardId, { method: "CHEQUE" }, decider);
    expect(asked.ok).toBe(true);
    expect(await cancelAward(awardId, { reason: "The group has closed down." }, decider)).toEqual({
      ok: false,
      message: "A payment for this award is in progress. Cancel that payment first.",
    });
    await db().payment.updateMany({ where: { awardId }, data: { status: "FAILED", failureReason: "Cancelled: test" } });
    expect(await cancelAward(awardId, { reason: "short" }, decider)).toMatchObject({ ok: false, errors: { reason: "Explain why, in at least 10 characters" } });
    expect(await cancelAward(awardId, { reason: "The group has closed down." }, decider)).toEqual({ ok: true, award: { id: awardId } });
    expect(await potSummary(fund.id)).toMatchObject({ awardedPence: 0, remainingPence: fund.potPence });
    const mail = await db().mailMessage.findFirstOrThrow({ where: { subject: `Your award for ${bid.reference} has been cancelled` } });
    expect(mail.text).toContain("The group has closed down.");
    expect(await acceptAwardForGroup(awardId, { signedName: "Sam", agree: "yes" }, decider)).toEqual({
      ok: false,
      message: "bid.accept.refusal.cancelled",
    });
  });
});
