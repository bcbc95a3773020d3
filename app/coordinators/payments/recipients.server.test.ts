import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { PAYMENTS_NOT_CONFIGURED } from "~/domain/payment";
import { sayIn } from "~/i18n/errors.server";
import { recipientForBid } from "~/models/recipient.server";
import { createOnboardingLink, refreshRecipient } from "~/coordinators/payments/recipients.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { configureStripe, paymentsConfigured } from "~/services/payments/stripe.server";
import { makeAcceptedAward, makeScoredEvent, scores, startStripeHarness, type StripeHarness } from "~/testing/payments-fixtures";

useTestDatabase();

let stripe: StripeHarness;
beforeAll(async () => {
  stripe = await startStripeHarness();
});
afterAll(async () => {
  await stripe.stop();
  await closeLiveBus();
});

const urls = { refreshUrl: "http://app.test/bid/t/payment/refresh", returnUrl: "http://app.test/bid/t/payment/done" };

describe("Stripe Connect onboarding", () => {
  it("makes the group's account once, even for two clicks at once, and a fresh link every time", async () => {
    const { bid } = await makeAcceptedAward();
    const actor = { type: "group" as const, id: bid.id };
    const before = stripe.fake.accounts().length;
    const [first, second] = await Promise.all([createOnboardingLink(bid.id, urls, actor), createOnboardingLink(bid.id, urls, actor)]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.accountId).toBe(second.accountId);
    expect([first.newAccount, second.newAccount].filter(Boolean)).toHaveLength(1);
    expect(stripe.fake.accounts()).toHaveLength(before + 1);
    const account = stripe.fake.accounts().find((a) => a.id === first.accountId)!;
    expect(account).toMatchObject({ type: "express", email: "group1@example.test", metadata: { pitchday_bid_id: bid.id, pitchday_reference: bid.reference } });
    expect(first.url).not.toBe(second.url);
    expect(first.url.startsWith(`${stripe.fake.url}/setup/e/${first.accountId}/`)).toBe(true);
    expect(first.expiresAt.getTime()).toBeGreaterThan(Date.now());

    const recipient = await recipientForBid(bid.id);
    expect(recipient).toMatchObject({ stripeAccountId: first.accountId, payoutsEnabled: false, detailsSubmitted: false });
    const started = await db().auditEntry.findMany({ where: { action: "recipient.onboarding_started", subjectId: bid.id } });
    expect(started.map((e) => e.payload)).toEqual([{ bidId: bid.id, accountId: first.accountId, newAccount: true }]);
    expect(started[0]).toMatchObject({ actorType: "group", actorId: bid.id });

    // An expired or used link sends the group to refresh_url, where a new one is made.
    await fetch(first.url);
    const used = await fetch(first.url, { redirect: "manual" });
    expect(used.headers.get("location")).toBe(urls.refreshUrl);
    const again = await createOnboardingLink(bid.id, urls, actor);
    expect(again).toMatchObject({ ok: true, accountId: first.accountId, newAccount: false });
  });

  it("records finished onboarding from Stripe's account.updated webhook", async () => {
    const { bid } = await makeAcceptedAward();
    const link = await createOnboardingLink(bid.id, urls, { type: "group", id: bid.id });
    if (!link.ok) throw new Error(link.message);
    await fetch(link.url);
    const done = await fetch(link.url, { method: "POST", body: new URLSearchParams({ choice: "complete" }), redirect: "manual" });
    expect(done.headers.get("location")).toBe(urls.returnUrl);
    await stripe.fake.webhooksSettled();
    expect(await recipientForBid(bid.id)).toMatchObject({ payoutsEnabled: true, detailsSubmitted: true });
    const updated = await db().auditEntry.findFirstOrThrow({ where: { action: "recipient.updated", subjectId: bid.id } });
    expect(updated.payload).toEqual({ bidId: bid.id, accountId: link.accountId, payoutsEnabled: true, detailsSubmitted: true, via: "webhook" });
  });

  it("asks Stripe directly on the return page, when the webhook has not arrived yet", async () => {
    const { bid } = await makeAcceptedAward();
    stripe.fake.setWebhookUrl(null);
    try {
      const link = await createOnboardingLink(bid.id, urls, { type: "group", id: bid.id });
      if (!link.ok) throw new Error(link.message);
      stripe.fake.completeOnboarding(link.accountId);
      expect(await recipientForBid(bid.id)).toMatchObject({ payoutsEnabled: false });
      expect(await refreshRecipient(bid.id)).toEqual({ ok: true, recipient: { payoutsEnabled: true, detailsSubmitted: true } });
    } finally {
      stripe.fake.setWebhookUrl(stripe.webhookUrl);
    }
  });

  it("is offered only once an award has been made", async () => {
    const { bids } = await makeScoredEvent({ bids: [{ amountPence: 100_000, scores: scores([4, 4]) }] });
    const refused = await createOnboardingLink(bids[0].id, urls, { type: "group", id: bids[0].id });
    expect(refused).toEqual({ ok: false, message: "bid.payout.refusal.noAward" });
    expect(!refused.ok && sayIn("cy", refused.message)).toBe("Dim ond ar ôl i ddyfarniad gael ei gynnig y mae angen manylion talu.");
    expect(!refused.ok && sayIn("en", refused.message)).toBe("Payment details are needed only once an award has been offered.");
  });

  it("without Stripe keys says plainly that only manual payments are offered", async () => {
    const { bid } = await makeAcceptedAward();
    configureStripe(null);
    try {
      expect(paymentsConfigured()).toBe(false);
      expect(await createOnboardingLink(bid.id, urls, { type: "group", id: bid.id })).toEqual({ ok: false, message: PAYMENTS_NOT_CONFIGURED });
      expect(PAYMENTS_NOT_CONFIGURED).toMatch(/^Stripe is not set up for this Pitchday, so payments are made by cheque or bank transfer/);
    } finally {
      configureStripe({ secretKey: stripe.fake.secretKey, webhookSecret: stripe.fake.webhookSecret, apiBase: stripe.fake.url, maxNetworkRetries: 0 });
    }
    expect(paymentsConfigured()).toBe(true);
  });
});
