import type Stripe from "stripe";
import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import type { Actor } from "~/domain/permissions";
import { BALANCE_TOO_LOW, PAYMENTS_NOT_CONFIGURED, SEND_LEASE_MS } from "~/domain/payment";
import { verifyAuditLog } from "~/models/audit.server";
import { getAward } from "~/models/award.server";
import { getPayment, paymentsForAward, recordManualPayment } from "~/models/payment.server";
import { approvePayment, cancelPayment, requestPayment, sendPayment } from "~/coordinators/payments/payments.server";
import { createOnboardingLink } from "~/coordinators/payments/recipients.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { configureStripe } from "~/services/payments/stripe.server";
import { makeAcceptedAward, makeFunder, onboardRecipient, startStripeHarness, type StripeHarness } from "~/testing/payments-fixtures";

useTestDatabase();

let stripe: StripeHarness;
beforeAll(async () => {
  stripe = await startStripeHarness({ balance: 100_000_000 });
});
afterAll(async () => {
  await stripe.stop();
  await closeLiveBus();
});
afterEach(async () => {
  await stripe.fake.webhooksSettled();
  stripe.fake.setBalance(100_000_000);
  stripe.fake.setWebhookUrl(stripe.webhookUrl);
});

/** An accepted £1,000 award with its group onboarded; A decided it, B and C are other funders. */
async function readyToPay(options: { onboard?: boolean } = {}) {
  const A = await makeFunder("Ayo");
  const B = await makeFunder("Bea");
  const C = await makeFunder("Cal");
  const award = await makeAcceptedAward({ amountPence: 100_000, decider: A });
  const accountId = options.onboard === false ? null : await onboardRecipient(stripe.fake, award.bid.id);
  return { ...award, A, B, C, accountId };
}

function transfersTo(accountId: string | null) {
  return stripe.fake.transfers().filter((t) => t.destination === accountId);
}

function transferPosts(key?: string) {
  return stripe.fake.requests().filter((r) => r.method === "POST" && r.path === "/v1/transfers" && (!key || r.idempotencyKey === key));
}

async function requested(awardId: string, by: Actor, method: "STRIPE" | "CHEQUE" | "BANK_TRANSFER" = "STRIPE") {
  const result = await requestPayment(awardId, { method }, by);
  if (!result.ok) throw new Error(result.message);
  return result.payment;
}

describe("four eyes", () => {
  it("the funder who decided the award cannot approve its payment, nor can the one who asked for it", async () => {
    const { awardId, A, B, C } = await readyToPay();
    const byA = await requested(awardId, A);
    expect(await approvePayment(awardId, byA.id, A)).toEqual({
      ok: false,
      message: "You made the funding decision on this award, so another funder must approve its payment.",
    });
    await cancelPayment(awardId, byA.id, { reason: "Asked for by the wrong person." }, A);

    const byB = await requested(awardId, B);
    expect(byB.idempotencyKey).toBe(`award-${awardId}-payment-2`);
    expect(await approvePayment(awardId, byB.id, B)).toEqual({ ok: false, message: "You asked for this payment, so another funder must approve it." });
    expect(await approvePayment(awardId, byB.id, A)).toMatchObject({ ok: false });
    expect(await approvePayment(awardId, byB.id, { id: "org", roles: ["ORGANISER"] })).toEqual({ ok: false, message: "Only a funder can approve payments." });
    expect(await db().auditEntry.count({ where: { action: "payment.approved", subjectId: byB.id } })).toBe(0);
    expect((await getPayment(byB.id))!.status).toBe("REQUESTED");

    const approved = await approvePayment(awardId, byB.id, C);
    expect(approved).toMatchObject({ ok: true, payment: { status: "PAID" }, notSent: null });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "payment.approved", subjectId: byB.id } });
    expect(audit).toMatchObject({ actorId: C.id, payload: { decidedById: A.id, requestedById: B.id } });
  });
});

describe("a payment acts only through its own award", () => {
  it("approve, send, record and cancel refuse a payment named under another award, and change nothing", async () => {
    const { awardId, A, B, C } = await readyToPay({ onboard: false });
    const other = await makeAcceptedAward({ amountPence: 50_000, decider: A });
    const payment = await requested(awardId, B, "CHEQUE");
    const refusal = { ok: false, message: "That payment is not part of this award. Reload the page and try again." };
    expect(await approvePayment(other.awardId, payment.id, C)).toEqual(refusal);
    expect(await sendPayment(other.awardId, payment.id, B)).toEqual(refusal);
    expect(await recordManualPayment(other.awardId, payment.id, { reference: "000123", paidOn: "2027-05-20" }, B, "2027-05-21")).toEqual(refusal);
    expect(await cancelPayment(other.awardId, payment.id, { reason: "Wrong award." }, B)).toEqual(refusal);
    expect((await getPayment(payment.id))!.status).toBe("REQUESTED");
    expect(await db().auditEntry.count({ where: { subjectId: payment.id, action: { not: "payment.requested" } } })).toBe(0);
    expect(await approvePayment(awardId, payment.id, C)).toMatchObject({ ok: true, payment: { status: "APPROVED" } });
  });
});

describe("paying through Stripe", () => {
  it("sends one transfer to the group's account, marks payment and award paid and tells the group", async () => {
    const { awardId, bid, accountId, B, C } = await readyToPay();
    const payment = await requested(awardId, B);
    const result = await approvePayment(awardId, payment.id, C);
    expect(result).toMatchObject({ ok: true, payment: { status: "PAID", providerId: expect.stringMatching(/^tr_/) } });
    const transfers = transfersTo(accountId);
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({
      amount: 100_000,
      currency: "gbp",
      transfer_group: `award-${awardId}`,
      metadata: { pitchday_payment_id: payment.id, pitchday_award_id: awardId, pitchday_reference: bid.reference },
    });
    expect(transferPosts(`award-${awardId}-payment-1`)).toHaveLength(1);
    expect((await getAward(awardId))!.status).toBe("PAID");
    const mail = await db().mailMessage.findFirstOrThrow({ where: { subject: `Payment sent for ${bid.reference}` } });
    expect(mail.text).toContain("paid £1,000 to Group 1");

    await stripe.fake.webhooksSettled();
    // The transfer.created webhook arrived after the API's answer and changed nothing.
    const paid = await db().auditEntry.findMany({ where: { action: "payment.paid", subjectId: payment.id } });
    expect(paid.map((e) => (e.payload as { via: string }).via)).toEqual(["api"]);
    expect(await requestPayment(awardId, { method: "STRIPE" }, B)).toEqual({ ok: false, message: "This award has already been paid." });
  });

  it("50 clicks on approve and send at once make one transfer", async () => {
    const { awardId, accountId, B, C } = await readyToPay();
    const payment = await requested(awardId, B);
    const clicks = await Promise.all([
      ...Array.from({ length: 25 }, () => approvePayment(awardId, payment.id, C)),
      ...Array.from({ length: 25 }, () => sendPayment(awardId, payment.id, B)),
    ]);
    expect(clicks.some((c) => c.ok)).toBe(true);
    for (const click of clicks) {
      if (!click.ok) {
        expect([
          "A second funder must approve this payment before it is sent.",
          expect.stringMatching(/^This payment is being sent now \(started at \d\d:\d\d\)/),
        ]).toContainEqual(click.message);
      }
    }
    await stripe.fake.webhooksSettled();
    const again = await Promise.all(Array.from({ length: 50 }, () => sendPayment(awardId, payment.id, B)));
    expect(again.every((r) => r.ok && r.payment.status === "PAID")).toBe(true);
    expect(transfersTo(accountId)).toHaveLength(1);
    expect(transferPosts(`award-${awardId}-payment-1`)).toHaveLength(1);
    expect((await getPayment(payment.id))!.status).toBe("PAID");
  }, 60_000);

  it("a balance too low leaves the payment pending with a clear message; the retry after a top-up uses a new key", async () => {
    const { awardId, accountId, B, C } = await readyToPay();
    stripe.fake.setBalance(50_000);
    const payment = await requested(awardId, B);
    const result = await approvePayment(awardId, payment.id, C);
    expect(result).toMatchObject({ ok: true, payment: { status: "PENDING", providerId: null } });
    if (!result.ok) return;
    expect(result.payment.failureReason!.startsWith(BALANCE_TOO_LOW)).toBe(true);
    expect(result.payment.idempotencyKey).toBe(`award-${awardId}-payment-2`);
    expect(transfersTo(accountId)).toHaveLength(0);
    const refusal = await db().auditEntry.findFirstOrThrow({ where: { action: "payment.send_refused", subjectId: payment.id } });
    expect(refusal.payload).toMatchObject({ code: "balance_insufficient", next: "NEW_KEY", idempotencyKey: `award-${awardId}-payment-1` });

    stripe.fake.setBalance(1_000_000);
    const retried = await sendPayment(awardId, payment.id, B);
    expect(retried).toMatchObject({ ok: true, payment: { status: "PAID", failureReason: null, idempotencyKey: `award-${awardId}-payment-2` } });
    expect(transfersTo(accountId)).toHaveLength(1);
    // Stripe still holds the refusal under the first key; only the new one moved money.
    expect(transferPosts(`award-${awardId}-payment-1`)).toHaveLength(1);
    expect(transferPosts(`award-${awardId}-payment-2`)).toHaveLength(1);
  });

  it("a crash between recording the payment and calling Stripe gives exactly one transfer after the retry", async () => {
    const { awardId, accountId, B, C } = await readyToPay();
    const payment = await requested(awardId, B);
    const crashing = { transfers: { create: () => Promise.reject(new Error("process killed")) } } as unknown as Stripe;
    await expect(approvePayment(awardId, payment.id, C, { client: crashing })).rejects.toThrow("process killed");
    expect(await getPayment(payment.id)).toMatchObject({ status: "PENDING", failureReason: null, idempotencyKey: `award-${awardId}-payment-1` });
    expect(transfersTo(accountId)).toHaveLength(0);

    // Straight after, the attempt still counts as in flight; after the lease, the same key goes.
    expect(await sendPayment(awardId, payment.id, B)).toMatchObject({ ok: false, message: expect.stringMatching(/^This payment is being sent now/) });
    const later = new Date(Date.now() + SEND_LEASE_MS + 1_000);
    expect(await sendPayment(awardId, payment.id, B, { now: later })).toMatchObject({ ok: true, payment: { status: "PAID" } });
    expect(transfersTo(accountId)).toHaveLength(1);
    expect(transferPosts(`award-${awardId}-payment-1`)).toHaveLength(1);
    const sent = await db().auditEntry.findMany({ where: { action: "payment.sent", subjectId: payment.id } });
    expect(sent.map((e) => (e.payload as { idempotencyKey: string }).idempotencyKey)).toEqual([
      `award-${awardId}-payment-1`,
      `award-${awardId}-payment-1`,
    ]);
  });

  it("a lost answer after Stripe made the transfer: the retry re-sends the same key and Stripe replays it", async () => {
    const { awardId, accountId, B, C } = await readyToPay();
    stripe.fake.setWebhookUrl(null);
    const payment = await requested(awardId, B);
    // Stripe made the transfer, then its answer was lost (a 500 where the 200 should be).
    stripe.fake.failNext({ status: 500, after: true, path: "/v1/transfers" });
    const result = await approvePayment(awardId, payment.id, C);
    expect(result).toMatchObject({ ok: true, payment: { status: "PENDING", idempotencyKey: `award-${awardId}-payment-1` } });
    if (!result.ok) return;
    expect(result.payment.failureReason).toMatch(/^Stripe did not confirm the transfer/);
    expect(transfersTo(accountId)).toHaveLength(1);

    const retried = await sendPayment(awardId, payment.id, B);
    expect(retried).toMatchObject({ ok: true, payment: { status: "PAID", providerId: transfersTo(accountId)[0].id } });
    expect(transfersTo(accountId)).toHaveLength(1);
    const posts = transferPosts(`award-${awardId}-payment-1`);
    expect(posts.map((p) => [p.replayed, p.injected])).toEqual([
      [false, "status"],
      [true, null],
    ]);
  });

  it("the same lost answer is settled by Stripe's webhook before anyone retries", async () => {
    const { awardId, accountId, B, C } = await readyToPay();
    const payment = await requested(awardId, B);
    stripe.fake.failNext({ status: 500, after: true, path: "/v1/transfers" });
    await approvePayment(awardId, payment.id, C);
    await stripe.fake.webhooksSettled();
    expect(await getPayment(payment.id)).toMatchObject({ status: "PAID", failureReason: null });
    expect(await sendPayment(awardId, payment.id, B)).toMatchObject({ ok: true, payment: { status: "PAID" } });
    expect(transfersTo(accountId)).toHaveLength(1);
    const paid = await db().auditEntry.findMany({ where: { action: "payment.paid", subjectId: payment.id } });
    expect(paid.map((e) => (e.payload as { via: string }).via)).toEqual(["webhook"]);
  });

  it("a group that has not finished onboarding: pending with what to do, then paid once it has", async () => {
    const { awardId, bid, B, C } = await readyToPay({ onboard: false });
    const link = await createOnboardingLink(bid.id, { refreshUrl: "http://app.test/r", returnUrl: "http://app.test/d" }, { type: "group", id: bid.id });
    if (!link.ok) throw new Error(link.message);
    const payment = await requested(awardId, B);
    const result = await approvePayment(awardId, payment.id, C);
    expect(result).toMatchObject({ ok: true, payment: { status: "PENDING", idempotencyKey: `award-${awardId}-payment-2` } });
    if (!result.ok) return;
    expect(result.payment.failureReason).toMatch(/finish setting it up from their private link, then retry$/);
    stripe.fake.completeOnboarding(link.accountId);
    expect(await sendPayment(awardId, payment.id, B)).toMatchObject({ ok: true, payment: { status: "PAID" } });
  });

  it("a transfer Stripe will never make fails the payment and shows Stripe's reason", async () => {
    const { awardId, bid, B, C } = await readyToPay();
    await db().recipient.update({ where: { bidId: bid.id }, data: { stripeAccountId: "acct_closed000000000" } });
    const payment = await requested(awardId, B);
    const result = await approvePayment(awardId, payment.id, C);
    expect(result).toMatchObject({
      ok: true,
      payment: { status: "FAILED", failureReason: "Stripe refused the transfer: No such destination: 'acct_closed000000000'" },
    });
    expect(await sendPayment(awardId, payment.id, B)).toMatchObject({ ok: false, message: expect.stringMatching(/^This payment failed: Stripe refused/) });
    expect((await getAward(awardId))!.status).toBe("ACCEPTED");
  });

  it("cancelling checks Stripe first: a transfer that did happen is recorded instead", async () => {
    const { awardId, accountId, B, C } = await readyToPay();
    stripe.fake.setWebhookUrl(null);
    const payment = await requested(awardId, B);
    stripe.fake.failNext({ status: 500, after: true, path: "/v1/transfers" });
    await approvePayment(awardId, payment.id, C);
    const cancel = await cancelPayment(awardId, payment.id, { reason: "Paying by cheque instead." }, B);
    expect(cancel).toEqual({
      ok: false,
      message: `Stripe did make this transfer (${transfersTo(accountId)[0].id}), so the payment has been recorded as made instead of cancelled.`,
    });
    expect(await getPayment(payment.id)).toMatchObject({ status: "PAID" });
  });
});

describe("paying by cheque or bank transfer", () => {
  it("is requested, approved by a second funder, then recorded with its reference and date", async () => {
    const { awardId, bid, A, B } = await readyToPay({ onboard: false });
    const payment = await requested(awardId, A, "CHEQUE");
    expect(await recordManualPayment(awardId, payment.id, { reference: "000123", paidOn: "2027-05-20" }, A, "2027-05-21")).toEqual({
      ok: false,
      message: "A second funder must approve this payment before it is recorded as made.",
    });
    expect(await approvePayment(awardId, payment.id, B)).toMatchObject({ ok: true, payment: { status: "APPROVED" } });
    expect(transferPosts().filter((p) => p.idempotencyKey?.startsWith(`award-${awardId}`))).toHaveLength(0);
    expect(await recordManualPayment(awardId, payment.id, { reference: "", paidOn: "2027-05-22" }, A, "2027-05-21")).toMatchObject({
      ok: false,
      errors: { reference: "Enter the cheque number or the bank transfer's reference", paidOn: "The payment date cannot be in the future" },
    });
    const recorded = await recordManualPayment(awardId, payment.id, { reference: "000123", paidOn: "20/05/2027" }, A, "2027-05-21");
    expect(recorded).toMatchObject({ ok: true, payment: { status: "PAID" } });
    const [saved] = await paymentsForAward(awardId);
    expect(saved).toMatchObject({ method: "CHEQUE", reference: "000123", paidOn: new Date("2027-05-20T00:00:00Z"), approvedById: B.id });
    expect((await getAward(awardId))!.status).toBe("PAID");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "payment.manual_recorded", subjectId: payment.id } });
    expect(audit.payload).toEqual({ awardId, method: "CHEQUE", amountPence: 100_000, reference: "000123", paidOn: "2027-05-20" });
    const mail = await db().mailMessage.findFirstOrThrow({ where: { subject: `Payment sent for ${bid.reference}` } });
    expect(mail.text).toContain("by cheque (number 000123)");
  });

  it("is the only way offered without Stripe keys", async () => {
    const { awardId, A } = await readyToPay({ onboard: false });
    configureStripe(null);
    try {
      expect(await requestPayment(awardId, { method: "STRIPE" }, A)).toEqual({ ok: false, message: PAYMENTS_NOT_CONFIGURED });
      expect(await requestPayment(awardId, { method: "BANK_TRANSFER" }, A)).toMatchObject({ ok: true, payment: { method: "BANK_TRANSFER" } });
    } finally {
      configureStripe({ secretKey: stripe.fake.secretKey, webhookSecret: stripe.fake.webhookSecret, apiBase: stripe.fake.url, maxNetworkRetries: 0 });
    }
  });

  it("waits for the group to accept the conditions, and a second way to pay needs the first cancelled", async () => {
    const { awardId, A } = await readyToPay({ onboard: false });
    await db().award.update({ where: { id: awardId }, data: { status: "OFFERED" } });
    expect(await requestPayment(awardId, { method: "CHEQUE" }, A)).toEqual({
      ok: false,
      message: "The group has not accepted the award's conditions yet. Payment can be asked for once they have.",
    });
    await db().award.update({ where: { id: awardId }, data: { status: "ACCEPTED" } });
    const cheque = await requested(awardId, A, "CHEQUE");
    expect(await requestPayment(awardId, { method: "CHEQUE" }, A)).toMatchObject({ ok: true, already: true, payment: { id: cheque.id } });
    expect(await requestPayment(awardId, { method: "BANK_TRANSFER" }, A)).toMatchObject({ ok: false, message: expect.stringMatching(/^A payment by cheque is already in progress/) });
    expect(await cancelPayment(awardId, cheque.id, { reason: "The group asked for a bank transfer." }, A)).toMatchObject({
      ok: true,
      payment: { status: "FAILED", failureReason: "Cancelled: The group asked for a bank transfer." },
    });
    expect(await requestPayment(awardId, { method: "BANK_TRANSFER" }, A)).toMatchObject({
      ok: true,
      payment: { idempotencyKey: `award-${awardId}-payment-2` },
    });
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });
});
