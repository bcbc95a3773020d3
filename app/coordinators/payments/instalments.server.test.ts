import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { todayIn } from "~/domain/calendar-day";
import { verifyAuditLog } from "~/models/audit.server";
import { grantById, grantFactsOf } from "~/models/grant-report.server";
import { grantState } from "~/domain/grant-state";
import { saveSchedule } from "~/models/instalment.server";
import { recordManualPayment } from "~/models/payment.server";
import { approvePayment, requestPayment, sendPayment } from "~/coordinators/payments/payments.server";
import { recordPaymentMade } from "~/coordinators/checkpoints.server";
import { makeAcceptedAward, makeFunder, onboardRecipient, useStripeHarness } from "~/testing/payments-fixtures";

// An award paid in two instalments: each asked for by one funder and approved by another, each
// paid once however often it is clicked, the schedule audited, and the award paid only when both are.

useTestDatabase();

const stripe = useStripeHarness();

const today = todayIn(new Date(), "Europe/London");
const later = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

async function splitAward() {
  const A = await makeFunder("Ayo");
  const B = await makeFunder("Bea");
  const C = await makeFunder("Cal");
  const award = await makeAcceptedAward({ amountPence: 100_000, decider: A });
  const accountId = await onboardRecipient(stripe().fake, award.bid.id);
  const saved = await saveSchedule(award.awardId, { "plannedOn-1": "", "amount-1": "400", "plannedOn-2": later, "amount-2": "600" }, B, today);
  expect(saved).toEqual({ ok: true, unchanged: false });
  const instalments = await db().instalment.findMany({ where: { awardId: award.awardId }, orderBy: { position: "asc" } });
  return { ...award, A, B, C, accountId, instalments };
}

const auditOf = (action: string, subjectId?: string) => db().auditEntry.findMany({ where: { action, ...(subjectId ? { subjectId } : {}) }, orderBy: { seq: "asc" } });

describe("an award's payment schedule", () => {
  it("is audited with the schedule before and after, and refused when it does not add up", async () => {
    const { awardId, B, instalments } = await splitAward();
    expect(instalments.map((i) => [i.position, i.plannedOn?.toISOString().slice(0, 10) ?? null, i.amountPence])).toEqual([
      [1, null, 40_000],
      [2, later, 60_000],
    ]);
    const [entry] = await auditOf("award.schedule_set", awardId);
    expect(entry).toMatchObject({
      actorId: B.id,
      payload: {
        awardId,
        amountPence: 100_000,
        fixed: 0,
        before: [{ position: 1, plannedOn: null, amountPence: 100_000 }],
        after: [
          { position: 1, plannedOn: null, amountPence: 40_000 },
          { position: 2, plannedOn: later, amountPence: 60_000 },
        ],
      },
    });
    const short = await saveSchedule(awardId, { "amount-1": "400", "plannedOn-2": later, "amount-2": "500" }, B, today);
    expect(short).toMatchObject({ ok: false, errors: { schedule: expect.stringMatching(/add £100$/) } });
    expect(await saveSchedule(awardId, { "amount-1": "1000" }, { id: "org", roles: ["ORGANISER"] }, today)).toMatchObject({ ok: false });
    expect(await auditOf("award.schedule_set", awardId)).toHaveLength(1);
  });

  it("pays each instalment once, with its own two-person approval, and the award only when both are paid", async () => {
    const { awardId, A, B, C, accountId, instalments } = await splitAward();
    const [first, second] = instalments;

    // A double click on "Ask for payment" makes one payment, for the first instalment's amount.
    const asks = await Promise.all(Array.from({ length: 10 }, () => requestPayment(awardId, { method: "STRIPE", instalmentId: first.id }, B)));
    const ids = new Set(asks.map((r) => (r.ok ? r.payment.id : r.message)));
    expect(ids.size).toBe(1);
    const [paymentOne] = await db().payment.findMany({ where: { awardId } });
    expect(paymentOne).toMatchObject({ instalmentId: first.id, amountPence: 40_000, status: "REQUESTED" });
    expect((await auditOf("payment.requested", paymentOne.id))[0].payload).toMatchObject({ amountPence: 40_000, instalment: 1 });

    // Four eyes per instalment: the decider and the one who asked cannot approve.
    expect(await approvePayment(awardId, paymentOne.id, A)).toMatchObject({ ok: false });
    expect(await approvePayment(awardId, paymentOne.id, B)).toMatchObject({ ok: false });
    const approvals = await Promise.all([approvePayment(awardId, paymentOne.id, C), approvePayment(awardId, paymentOne.id, C)]);
    expect(approvals.every((a) => a.ok)).toBe(true);
    await stripe().fake.webhooksSettled();
    // Retries after it was paid reach Stripe under no new key: one transfer of £400.
    await sendPayment(awardId, paymentOne.id, B);
    expect(stripe().fake.transfers().filter((t) => t.destination === accountId).map((t) => t.amount)).toEqual([40_000]);
    expect(await auditOf("payment.approved", paymentOne.id)).toHaveLength(1);

    let award = await db().award.findUniqueOrThrow({ where: { id: awardId } });
    expect(award.status).toBe("ACCEPTED");
    expect(grantState(grantFactsOf((await grantById(awardId))!), new Date())).toBe("part_paid");

    // A page left open on the first instalment cannot ask for it again (nor pay the second by mistake).
    expect(await requestPayment(awardId, { method: "BANK_TRANSFER", instalmentId: first.id }, B)).toEqual({ ok: false, message: "Instalment 1 has already been paid." });
    // The paid instalment is fixed: a form that tries to change it changes only the rest.
    const resaved = await saveSchedule(awardId, { "amount-1": "1000", "plannedOn-2": later, "amount-2": "600" }, B, today);
    expect(resaved).toEqual({ ok: true, unchanged: true });

    const two = await requestPayment(awardId, { method: "BANK_TRANSFER", instalmentId: second.id }, C);
    if (!two.ok) throw new Error(two.message);
    expect(await db().payment.findUniqueOrThrow({ where: { id: two.payment.id } })).toMatchObject({ instalmentId: second.id, amountPence: 60_000 });
    expect(await recordManualPayment(awardId, two.payment.id, { reference: "TX-2", paidOn: today }, B, today)).toMatchObject({ ok: false });
    expect(await approvePayment(awardId, two.payment.id, C)).toMatchObject({ ok: false });
    expect(await approvePayment(awardId, two.payment.id, B)).toMatchObject({ ok: true });

    // Recording the transfer twice at once pays it once; the award is now paid in full.
    const recorded = await Promise.all([
      recordPaymentMade(awardId, two.payment.id, { reference: "TX-2", paidOn: today }, B, today),
      recordPaymentMade(awardId, two.payment.id, { reference: "TX-2", paidOn: today }, B, today),
    ]);
    expect(recorded.every((r) => r.ok)).toBe(true);
    expect(await auditOf("payment.manual_recorded", two.payment.id)).toHaveLength(1);
    award = await db().award.findUniqueOrThrow({ where: { id: awardId } });
    expect(award.status).toBe("PAID");
    expect(await requestPayment(awardId, { method: "BANK_TRANSFER" }, B)).toEqual({ ok: false, message: "This award has already been paid." });
    expect(await saveSchedule(awardId, { "amount-1": "1000" }, B, today)).toMatchObject({ ok: false, message: expect.stringMatching(/paid in full/) });

    // Each payment made called for a checkpoint, and the log still verifies.
    const asked = await db().checkpointRequest.count({ where: { subjectId: { in: [paymentOne.id, two.payment.id] } } });
    const taken = (await auditOf("audit.checkpoint_created")).filter((e) => (e.payload as { triggers?: string[] }).triggers?.includes("payment_made"));
    expect(asked + taken.length).toBeGreaterThanOrEqual(2);
    expect((await verifyAuditLog()).ok).toBe(true);
  });

  it("refuses to pay the second instalment before the first", async () => {
    const { awardId, B, instalments } = await splitAward();
    expect(await requestPayment(awardId, { method: "CHEQUE", instalmentId: instalments[1].id }, B)).toEqual({
      ok: false,
      message: "Instalments are paid in order: instalment 1 comes first.",
    });
    expect(await db().payment.count({ where: { awardId } })).toBe(0);
  });
});
