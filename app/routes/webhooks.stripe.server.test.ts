import Stripe from "stripe";
import { useTestDatabase } from "~/testing/database";
import { closeDatabase, db, openDatabase } from "~/db.server";
import { getAward } from "~/models/award.server";
import { getPayment } from "~/models/payment.server";
import { approvePayment, requestPayment } from "~/coordinators/payments/payments.server";
import { recipientForBid } from "~/models/recipient.server";
import { action, loader } from "~/routes/webhooks.stripe";
import { closeLiveBus } from "~/db/live/bus.server";
import { configureStripe } from "~/services/payments/stripe.server";
import { makeAcceptedAward, makeFunder, onboardRecipient, startStripeHarness, type StripeHarness } from "~/testing/payments-fixtures";

// The endpoint as Stripe reaches it: signed deliveries from the Stripe fake over HTTP to the
// route, on the engine under test.

useTestDatabase();

let stripe: StripeHarness;
beforeAll(async () => {
  stripe = await startStripeHarness();
});
afterAll(async () => {
  await stripe.stop();
  await closeLiveBus();
});
afterEach(async () => {
  await stripe.fake.webhooksSettled();
  stripe.fake.setWebhookUrl(stripe.webhookUrl);
});

/** A £1,000 award paid through Stripe while webhooks were off: its transfer.created is not delivered yet. */
async function paidQuietly() {
  const A = await makeFunder();
  const B = await makeFunder();
  const award = await makeAcceptedAward({ decider: A });
  const accountId = await onboardRecipient(stripe.fake, award.bid.id);
  stripe.fake.setWebhookUrl(null);
  const asked = await requestPayment(award.awardId, { method: "STRIPE" }, A);
  if (!asked.ok) throw new Error(asked.message);
  const paid = await approvePayment(award.awardId, asked.payment.id, B);
  if (!paid.ok || paid.payment.status !== "PAID") throw new Error("not paid");
  const event = stripe.fake.events().find((e) => e.type === "transfer.created" && (e.data.object as Stripe.Transfer).id === paid.payment.providerId)!;
  return { ...award, accountId, paymentId: asked.payment.id, transfer: event.data.object as Stripe.Transfer, event };
}

const deliver = (event: string | Stripe.Event, options: Parameters<StripeHarness["fake"]["deliverEvent"]>[1] = {}) =>
  stripe.fake.deliverEvent(event, { url: stripe.webhookUrl, ...options });

const stored = (eventId: string) => db().stripeEvent.count({ where: { id: eventId } });

function syntheticEvent(type: string, object: object): Stripe.Event {
  return {
    id: `evt_test_${Math.random().toString(36).slice(2)}`,
    object: "event",
    api_version: null,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}

/** A delivery signed with the official SDK's test header, straight to the route. */
async function post(body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: stripe.fake.webhookSecret, timestamp });
  const request = new Request("http://app.test/webhooks/stripe", { method: "POST", body, headers: { "Stripe-Signature": signature } });
  const response = await action({ request, params: {}, context: {} });
  return { status: response.status, body: await response.text() };
}

/** What the route logged while `run` ran, as one string. */
async function logged<T>(run: () => Promise<T>): Promise<{ result: T; log: string }> {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  const spies = [jest.spyOn(console, "warn").mockImplementation(keep), jest.spyOn(console, "error").mockImplementation(keep)];
  try {
    return { result: await run(), log: lines.join("\n") };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe("verifying deliveries", () => {
  it("refuses a tampered body or a wrong signing secret with 400 and records nothing", async () => {
    const { event } = await paidQuietly();
    const tampered = await deliver(event.id, { tamper: (body) => body.replace('"amount": 100000', '"amount": 1') });
    expect(tampered).toMatchObject({ status: 400, responseBody: "The Stripe signature does not match this request." });
    const forged = await deliver(event.id, { secret: "whsec_someone_else" });
    expect(forged.status).toBe(400);
    expect(await stored(event.id)).toBe(0);
  });

  it("refuses a delivery signed more than five minutes ago (a replayed capture) with 400", async () => {
    const { event } = await paidQuietly();
    const stale = await deliver(event.id, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale).toMatchObject({ status: 400, responseBody: "The signature is older than 5 minutes: refused as a possible replay." });
    expect(await stored(event.id)).toBe(0);
    const fresh = await deliver(event.id);
    expect(fresh.status).toBe(200);
  });

  it("refuses a signature dated more than five minutes ahead, and accepts one a few seconds ahead (clock skew)", async () => {
    const { event } = await paidQuietly();
    const body = JSON.stringify(event);
    const now = Math.floor(Date.now() / 1000);
    const ahead = await post(body, now + 3600);
    expect(ahead).toEqual({ status: 400, body: "The signature is dated more than 5 minutes ahead: refused as a possible replay." });
    expect(await stored(event.id)).toBe(0);
    expect((await post(body, Math.floor(Date.now() / 1000) + 320)).status).toBe(400);
    const skewed = await post(body, now + 30);
    expect(skewed.status).toBe(200);
    expect(await stored(event.id)).toBe(1);
  });

  it("answers 405 to anything but POST, and 503 when Stripe is not configured", async () => {
    expect(loader().status).toBe(405);
    configureStripe(null);
    try {
      const response = await action({ request: new Request("http://app.test/webhooks/stripe", { method: "POST", body: "{}" }), params: {}, context: {} });
      expect(response.status).toBe(503);
    } finally {
      configureStripe({ secretKey: stripe.fake.secretKey, webhookSecret: stripe.fake.webhookSecret, apiBase: stripe.fake.url, maxNetworkRetries: 0 });
    }
  });
});

describe("processing each event once", () => {
  it("a replayed event answers 200 and changes nothing the second time", async () => {
    const { event, paymentId } = await paidQuietly();
    const first = await deliver(event.id);
    const second = await deliver(event.id);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(JSON.parse(first.responseBody)).toEqual({ received: true, duplicate: false, effect: "unchanged" });
    expect(JSON.parse(second.responseBody)).toEqual({ received: true, duplicate: true, effect: "duplicate" });
    expect(await stored(event.id)).toBe(1);
    expect(await db().auditEntry.count({ where: { action: "stripe.event_processed", subjectId: event.id } })).toBe(1);
    expect(await db().auditEntry.count({ where: { action: "payment.paid", subjectId: paymentId } })).toBe(1);
  });

  it("ten copies of one event at the same moment are processed once", async () => {
    const { event } = await paidQuietly();
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(event.id)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => JSON.parse(a.responseBody).duplicate === false)).toHaveLength(1);
    expect(await db().auditEntry.count({ where: { action: "stripe.event_processed", subjectId: event.id } })).toBe(1);
  });

  it("acknowledges an account.updated for an account that is not ours, with a logged reason, once", async () => {
    const ghost = syntheticEvent("account.updated", { id: "acct_unknown000000000", object: "account" });
    const { result, log } = await logged(() => post(JSON.stringify(ghost)));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ received: true, duplicate: false, effect: "unknown_account" });
    expect(log).toContain(`Stripe event ${ghost.id} (account.updated) ignored: unknown_account`);
    expect(await stored(ghost.id)).toBe(1);
  });

  it("acknowledges an account.updated for one of our accounts that Stripe no longer has", async () => {
    const { bid } = await makeAcceptedAward();
    await db().recipient.create({ data: { bidId: bid.id, stripeAccountId: "acct_gone00000000000" } });
    const gone = syntheticEvent("account.updated", { id: "acct_gone00000000000", object: "account" });
    const { result, log } = await logged(() => post(JSON.stringify(gone)));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ effect: "account_missing_at_stripe" });
    expect(log).toContain("account_missing_at_stripe");
    expect(await recipientForBid(bid.id)).toMatchObject({ payoutsEnabled: false });
  });

  it("answers 503 when Stripe's API cannot be reached to read one of our accounts, and records nothing", async () => {
    const { bid } = await makeAcceptedAward();
    const accountId = await onboardRecipient(stripe.fake, bid.id);
    const update = syntheticEvent("account.updated", { id: accountId, object: "account" });
    configureStripe({ secretKey: stripe.fake.secretKey, webhookSecret: stripe.fake.webhookSecret, apiBase: "http://127.0.0.1:9", maxNetworkRetries: 0 });
    try {
      const { result } = await logged(() => post(JSON.stringify(update)));
      expect(result).toEqual({ status: 503, body: "Stripe's API could not be reached; Stripe will retry this event." });
    } finally {
      configureStripe({ secretKey: stripe.fake.secretKey, webhookSecret: stripe.fake.webhookSecret, apiBase: stripe.fake.url, maxNetworkRetries: 0 });
    }
    expect(await stored(update.id)).toBe(0);
    expect((await post(JSON.stringify(update))).status).toBe(200);
  });

  it.each([
    ["data null", { data: null }],
    ["no data object", { data: {} }],
    ["an object without an id", { data: { object: { object: "transfer", amount: 5 } } }],
    ["a transfer with an amount in words", { data: { object: { id: "tr_1", object: "transfer", amount: "lots", amount_reversed: 0, reversed: false } } }],
  ])("acknowledges a signed transfer event with %s, with a logged reason, and changes nothing", async (_name, change) => {
    const { event, paymentId } = await paidQuietly();
    const broken = { ...event, id: `${event.id}_broken`, ...change };
    const { result, log } = await logged(() => post(JSON.stringify(broken)));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ received: true, effect: "ignored_malformed" });
    expect(log).toMatch(new RegExp(`Stripe event ${broken.id} \\(transfer.created\\) ignored: ignored_malformed`));
    expect(await getPayment(paymentId)).toMatchObject({ status: "PAID" });
    expect(await db().auditEntry.count({ where: { action: "payment.paid", subjectId: paymentId } })).toBe(1);
  });

  it("acknowledges an event our database refuses to store (a NUL in its id), with the error logged, while the database works", async () => {
    const nul = syntheticEvent("transfer.created", { id: "tr_x", object: "transfer", amount: 1, amount_reversed: 0, reversed: false, metadata: {} });
    const event = { ...nul, id: `${nul.id}\u0000` };
    const { result, log } = await logged(() => post(JSON.stringify(event)));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ received: true, duplicate: false, effect: "ignored_failed" });
    expect(log).toContain("ignored: ignored_failed");
  });

  it("acknowledges a signed body that is not an event at all (no id or type)", async () => {
    for (const body of [JSON.stringify({ hello: "world" }), JSON.stringify({ id: 42, type: ["x"], data: { object: {} } }), "null", "[]"]) {
      const { result, log } = await logged(() => post(body));
      expect(result.status).toBe(200);
      expect(JSON.parse(result.body)).toMatchObject({ received: true, effect: "ignored_malformed" });
      expect(log).toContain("ignored: ignored_malformed");
    }
  });

  it("answers 200 to types it does not act on, once", async () => {
    const other = syntheticEvent("payout.paid", { id: "po_123", object: "payout" });
    const answer = await deliver(other);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.responseBody)).toMatchObject({ duplicate: false, effect: "not_handled" });
    expect(await stored(other.id)).toBe(1);
  });
});

describe("events out of order", () => {
  it("a paid payment never goes back: late and repeated transfer events leave it paid", async () => {
    const { event, paymentId, transfer } = await paidQuietly();
    const older = syntheticEvent("transfer.updated", { ...transfer, description: "an older copy" });
    for (const e of [older, event]) expect((await deliver(e)).status).toBe(200);
    expect(await getPayment(paymentId)).toMatchObject({ status: "PAID", providerId: transfer.id });
    expect(await db().auditEntry.count({ where: { action: "payment.paid", subjectId: paymentId } })).toBe(1);
  });

  it("a reversal that arrives before the transfer's creation stays recorded", async () => {
    const { event, paymentId, transfer, awardId } = await paidQuietly();
    const reversed = syntheticEvent("transfer.reversed", { ...transfer, reversed: true, amount_reversed: transfer.amount });
    expect(JSON.parse((await deliver(reversed)).responseBody)).toMatchObject({ effect: "payment_reversed" });
    const late = await deliver(event.id);
    expect(JSON.parse(late.responseBody)).toMatchObject({ duplicate: false, effect: "ignored_older" });
    expect(await getPayment(paymentId)).toMatchObject({
      status: "FAILED",
      failureReason: `Stripe transfer ${transfer.id} was reversed: £1,000 went back to the fund's Stripe balance`,
    });
    expect((await getAward(awardId))!.status).toBe("ACCEPTED");
  });

  it("an older account.updated arriving last does not undo a newer one", async () => {
    const { bid } = await makeAcceptedAward();
    const accountId = await onboardRecipient(stripe.fake, bid.id);
    stripe.fake.setWebhookUrl(null);
    stripe.fake.restrictAccount(accountId);
    stripe.fake.completeOnboarding(accountId);
    const updates = stripe.fake.events().filter((e) => e.type === "account.updated" && (e.data.object as Stripe.Account).id === accountId);
    const [, restricted, restored] = updates;
    expect((restricted.data.object as Stripe.Account).payouts_enabled).toBe(false);
    await stripe.fake.deliverEvents([restored.id, restricted.id], { url: stripe.webhookUrl });
    expect(await recipientForBid(bid.id)).toMatchObject({ payoutsEnabled: true, detailsSubmitted: true });
  });
});

describe("when our database is down", () => {
  // Last in the file: it swaps the database for one that cannot be reached.
  it("answers 503, so Stripe retries the event later", async () => {
    const { event } = await paidQuietly();
    await closeDatabase();
    await openDatabase({ url: "postgres://nobody:nothing@127.0.0.1:9/nowhere", migrate: false });
    const { result, log } = await logged(() => post(JSON.stringify(event)));
    expect(result.status).toBe(503);
    expect(result.body).toBe("Our database is unavailable; Stripe will retry this event.");
    expect(log).toContain(event.id);
  });
});
