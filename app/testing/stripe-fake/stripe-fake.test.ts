import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { startStripeFake, type StripeFake } from "./index";
import { stripeSignature } from "./webhooks";

// Everything here goes through the official SDK, as the app will.

interface Received {
  body: string;
  signature: string;
}

let fake: StripeFake;
let receiver: Server;
let received: Received[];
let receiverStatus: number;
let now: number;

function sdk(options: { key?: string; maxNetworkRetries?: number } = {}) {
  return new Stripe(options.key ?? fake.secretKey, {
    host: "127.0.0.1",
    port: fake.port,
    protocol: "http",
    maxNetworkRetries: options.maxNetworkRetries ?? 0,
  });
}

beforeEach(async () => {
  received = [];
  receiverStatus = 200;
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["stripe-signature"]) });
      res.writeHead(receiverStatus).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  now = Date.UTC(2027, 5, 1, 12, 0, 0);
  fake = await startStripeFake({
    balance: 500_000,
    webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`,
    webhookSecret: "whsec_test_secret",
    now: () => now,
  });
});

afterEach(async () => {
  await fake.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

async function onboardedAccount(stripe: Stripe) {
  const account = await stripe.accounts.create({
    type: "express",
    country: "GB",
    capabilities: { transfers: { requested: true } },
    metadata: { bid: "PD-2027-0001" },
  });
  fake.completeOnboarding(account.id);
  return account;
}

describe("Connect onboarding", () => {
  it("creates an Express account and an account link whose page completes onboarding", async () => {
    const stripe = sdk();
    const account = await stripe.accounts.create({
      type: "express",
      country: "GB",
      email: "treasurer@example.org",
      capabilities: { transfers: { requested: true } },
      tos_acceptance: { service_agreement: "recipient" },
      metadata: { bid: "PD-2027-0001" },
    });
    expect(account).toMatchObject({
      object: "account",
      type: "express",
      details_submitted: false,
      payouts_enabled: false,
      capabilities: { transfers: "inactive" },
      metadata: { bid: "PD-2027-0001" },
    });
    expect(account.id).toMatch(/^acct_/);
    expect(account.requirements?.currently_due).toContain("external_account");

    const link = await stripe.accountLinks.create({
      account: account.id,
      type: "account_onboarding",
      refresh_url: "http://app.test/payments/refresh",
      return_url: "http://app.test/payments/return",
    });
    expect(link.object).toBe("account_link");
    expect(link.expires_at - link.created).toBe(300);
    expect(link.url.startsWith(`${fake.url}/setup/e/${account.id}/`)).toBe(true);

    const page = await fetch(link.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Complete onboarding");
    // A link works once: opening it again sends the platform to refresh_url for a new one.
    const again = await fetch(link.url, { redirect: "manual" });
    expect([again.status, again.headers.get("location")]).toEqual([303, "http://app.test/payments/refresh"]);

    const done = await fetch(link.url, {
      method: "POST",
      body: new URLSearchParams({ choice: "complete" }),
      redirect: "manual",
    });
    expect([done.status, done.headers.get("location")]).toEqual([303, "http://app.test/payments/return"]);

    const after = await stripe.accounts.retrieve(account.id);
    expect(after).toMatchObject({
      details_submitted: true,
      payouts_enabled: true,
      capabilities: { transfers: "active" },
      requirements: { currently_due: [], disabled_reason: null },
    });

    await fake.webhooksSettled();
    expect(received).toHaveLength(1);
    const event = stripe.webhooks.constructEvent(received[0].body, received[0].signature, "whsec_test_secret");
    expect(event.type).toBe("account.updated");
    expect(event.account).toBe(account.id);
    const updated = event.data.object as Stripe.Account;
    expect(updated.payouts_enabled).toBe(true);
    expect(event.data.previous_attributes).toMatchObject({ payouts_enabled: false, details_submitted: false });
  });

  it("returns to return_url without changing the account when the person leaves part-way", async () => {
    const stripe = sdk();
    const account = await stripe.accounts.create({ type: "custom", country: "GB", capabilities: { transfers: { requested: true } } });
    const link = await stripe.accountLinks.create({
      account: account.id,
      type: "account_onboarding",
      refresh_url: "http://app.test/refresh",
      return_url: "http://app.test/return",
    });
    await fetch(link.url);
    const left = await fetch(link.url, { method: "POST", body: new URLSearchParams({ choice: "leave" }), redirect: "manual" });
    expect(left.headers.get("location")).toBe("http://app.test/return");
    expect((await stripe.accounts.retrieve(account.id)).details_submitted).toBe(false);
  });

  it("sends an expired link to refresh_url", async () => {
    const stripe = sdk();
    const account = await stripe.accounts.create({ type: "express", capabilities: { transfers: { requested: true } } });
    const link = await stripe.accountLinks.create({
      account: account.id,
      type: "account_onboarding",
      refresh_url: "http://app.test/refresh",
      return_url: "http://app.test/return",
    });
    now += 301_000;
    const page = await fetch(link.url, { redirect: "manual" });
    expect(page.headers.get("location")).toBe("http://app.test/refresh");
  });

  it("refuses a transfer to an account that has not finished onboarding", async () => {
    const stripe = sdk();
    const account = await stripe.accounts.create({ type: "express", capabilities: { transfers: { requested: true } } });
    const error = await stripe.transfers
      .create({ amount: 1000, currency: "gbp", destination: account.id })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ code: "insufficient_capabilities_for_transfer", statusCode: 400 });
    expect(fake.balance().amount).toBe(500_000);
  });
});

describe("transfers", () => {
  it("moves money to a connected account, lowers the balance and can be read back and listed", async () => {
    const stripe = sdk();
    const account = await onboardedAccount(stripe);
    const transfer = await stripe.transfers.create({
      amount: 120_000,
      currency: "gbp",
      destination: account.id,
      metadata: { award: "aw_1", payment: "pay_1" },
      transfer_group: "award-aw_1",
    });
    expect(transfer).toMatchObject({
      object: "transfer",
      amount: 120_000,
      currency: "gbp",
      destination: account.id,
      metadata: { award: "aw_1", payment: "pay_1" },
      transfer_group: "award-aw_1",
      reversed: false,
      amount_reversed: 0,
    });
    expect(transfer.id).toMatch(/^tr_/);
    expect((await stripe.balance.retrieve()).available).toEqual([
      { amount: 380_000, currency: "gbp", source_types: { card: 380_000 } },
    ]);
    expect(await stripe.transfers.retrieve(transfer.id)).toEqual(
      expect.objectContaining({ id: transfer.id, amount: 120_000 }),
    );

    const second = await stripe.transfers.create({ amount: 1_000, currency: "gbp", destination: account.id });
    const third = await stripe.transfers.create({ amount: 2_000, currency: "gbp", destination: account.id });
    const page = await stripe.transfers.list({ limit: 2 });
    expect(page.data.map((t) => t.id)).toEqual([third.id, second.id]);
    expect(page.has_more).toBe(true);
    const next = await stripe.transfers.list({ limit: 2, starting_after: second.id });
    expect(next.data.map((t) => t.id)).toEqual([transfer.id]);
    expect(next.has_more).toBe(false);
    const all = await stripe.transfers.list({ limit: 1 }).autoPagingToArray({ limit: 10 });
    expect(all.map((t) => t.id)).toEqual([third.id, second.id, transfer.id]);
    expect((await stripe.transfers.list({ transfer_group: "award-aw_1" })).data.map((t) => t.id)).toEqual([transfer.id]);
  });

  it("replays an idempotent request: the same transfer comes back and only one exists", async () => {
    const stripe = sdk();
    const account = await onboardedAccount(stripe);
    const params = { amount: 50_000, currency: "gbp", destination: account.id, metadata: { payment: "pay_7" } };
    const first = await stripe.transfers.create(params, { idempotencyKey: "payment-pay_7" });
    const replay = await stripe.transfers.create(params, { idempotencyKey: "payment-pay_7" });
    expect(replay.id).toBe(first.id);
    expect(replay.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(fake.transfers()).toHaveLength(1);
    expect(fake.balance().amount).toBe(450_000);
    expect(fake.events().filter((e) => e.type === "transfer.created")).toHaveLength(1);
  });

  it("refuses the same idempotency key with different parameters", async () => {
    const stripe = sdk();
    const account = await onboardedAccount(stripe);
    await stripe.transfers.create({ amount: 50_000, currency: "gbp", destination: account.id }, { idempotencyKey: "k1" });
    const error = await stripe.transfers
      .create({ amount: 60_000, currency: "gbp", destination: account.id }, { idempotencyKey: "k1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ type: "StripeIdempotencyError", rawType: "idempotency_error", statusCode: 400 });
    expect(fake.transfers()).toHaveLength(1);
  });

  it("refuses a transfer above the available balance with Stripe's balance_insufficient error, and keeps that answer for the key", async () => {
    const stripe = sdk();
    const account = await onboardedAccount(stripe);
    const params = { amount: 500_001, currency: "gbp", destination: account.id };
    const error = await stripe.transfers.create(params, { idempotencyKey: "too-much" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ code: "balance_insufficient", rawType: "invalid_request_error", statusCode: 400 });
    expect(fake.transfers()).toHaveLength(0);

    // Like Stripe, the refusal is the saved result for that key: after topping up, the app
    // must use a new key for a new attempt.
    fake.setBalance(1_000_000);
    const replayed = await stripe.transfers.create(params, { idempotencyKey: "too-much" }).catch((e: unknown) => e);
    expect(replayed).toMatchObject({ code: "balance_insufficient" });
    const fresh = await stripe.transfers.create(params, { idempotencyKey: "too-much-2" });
    expect(fresh.amount).toBe(500_001);
  });

  it("refuses unknown and missing parameters the way Stripe does, and lets the key be reused after", async () => {
    const stripe = sdk();
    const account = await onboardedAccount(stripe);
    const unknown = await stripe.transfers
      .create({ amount: 1, currency: "gbp", destination: account.id, colour: "red" } as Stripe.TransferCreateParams, {
        idempotencyKey: "k-typo",
      })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: "parameter_unknown", param: "colour" });
    const missing = await stripe.transfers
      .create({ amount: 1, destination: account.id } as Stripe.TransferCreateParams)
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: "parameter_missing", param: "currency", message: "Missing required param: currency." });
    // Nothing ran, so nothing was saved against the key.
    const fixed = await stripe.transfers.create({ amount: 1, currency: "gbp", destination: account.id }, { idempotencyKey: "k-typo" });
    expect(fixed.amount).toBe(1);
  });

  it("answers 404 resource_missing for a transfer that does not exist", async () => {
    const error = await sdk().transfers.retrieve("tr_nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing", message: "No such transfer: 'tr_nope'" });
  });
});

describe("authentication", () => {
  it("refuses a wrong secret key with 401", async () => {
    const error = await sdk({ key: "sk_test_wrong_key_123456" }).balance.retrieve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error).toMatchObject({ statusCode: 401, message: "Invalid API Key provided: sk_test_************3456" });
  });

  it("refuses a request without a key", async () => {
    const response = await fetch(`${fake.url}/v1/balance`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/^You did not provide an API key/);
  });
});

describe("failure injection", () => {
  it("a lost response after the transfer happened is retried with the same key and replayed, not repeated", async () => {
    const stripe = sdk({ maxNetworkRetries: 2 });
    const account = await onboardedAccount(stripe);
    fake.failNext({ drop: true, after: true, path: "/v1/transfers" });
    const transfer = await stripe.transfers.create({ amount: 10_000, currency: "gbp", destination: account.id });
    expect(fake.transfers().map((t) => t.id)).toEqual([transfer.id]);
    expect(fake.balance().amount).toBe(490_000);
    const attempts = fake.requests().filter((r) => r.path === "/v1/transfers");
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatchObject({ injected: "drop", replayed: false });
    expect(attempts[1]).toMatchObject({ injected: null, replayed: true, status: 200 });
    expect(attempts[1].idempotencyKey).toBe(attempts[0].idempotencyKey);
  });

  it("a 500 before anything happened is retried by the SDK and then succeeds", async () => {
    const stripe = sdk({ maxNetworkRetries: 1 });
    const account = await onboardedAccount(stripe);
    fake.failNext({ status: 500, method: "POST", path: "/v1/transfers" });
    const transfer = await stripe.transfers.create({ amount: 10_000, currency: "gbp", destination: account.id });
    expect(fake.transfers().map((t) => t.id)).toEqual([transfer.id]);
    const attempts = fake.requests().filter((r) => r.path === "/v1/transfers");
    expect(attempts.map((a) => [a.status, a.injected, a.replayed])).toEqual([
      [500, "status", false],
      [200, null, false],
    ]);
  });

  it("without retries a 500 reaches the caller as StripeAPIError and nothing is transferred", async () => {
    const stripe = sdk({ maxNetworkRetries: 0 });
    const account = await onboardedAccount(stripe);
    fake.failNext({ status: 503 });
    const error = await stripe.transfers.create({ amount: 10_000, currency: "gbp", destination: account.id }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(fake.transfers()).toHaveLength(0);
  });
});

describe("events and webhooks", () => {
  it("lists events newest first and filters by type", async () => {
    const stripe = sdk();
    const account = await onboardedAccount(stripe);
    const transfer = await stripe.transfers.create({ amount: 100, currency: "gbp", destination: account.id });
    const events = await stripe.events.list();
    expect(events.data.map((e) => e.type)).toEqual(["transfer.created", "account.updated"]);
    const transfers = await stripe.events.list({ type: "transfer.*" });
    expect(transfers.data).toHaveLength(1);
    expect((transfers.data[0].data.object as Stripe.Transfer).id).toBe(transfer.id);
    expect((await stripe.events.retrieve(transfers.data[0].id)).id).toBe(transfers.data[0].id);
  });

  it("signs deliveries so constructEvent accepts them, and refuses a tampered body or a wrong secret", async () => {
    const stripe = sdk();
    const account = await onboardedAccount(stripe);
    const transfer = await stripe.transfers.create(
      { amount: 2_500, currency: "gbp", destination: account.id },
      { idempotencyKey: "pay-42" },
    );
    await fake.webhooksSettled();
    const delivered = received.map((r) => stripe.webhooks.constructEvent(r.body, r.signature, "whsec_test_secret"));
    expect(delivered.map((e) => e.type)).toEqual(["account.updated", "transfer.created"]);
    const created = delivered[1];
    expect((created.data.object as Stripe.Transfer).id).toBe(transfer.id);
    expect(created.request).toEqual({ id: expect.stringMatching(/^req_/), idempotency_key: "pay-42" });
    expect(received[1].signature).toMatch(new RegExp(`^t=${Math.floor(now / 1000)},v1=[0-9a-f]{64}$`));

    const tampered = await fake.deliverEvent(created.id, { tamper: (p) => p.replace('"amount": 2500', '"amount": 250000') });
    expect(tampered.ok).toBe(true);
    const last = received[received.length - 1];
    expect(last.body).toContain('"amount": 250000');
    expect(() => stripe.webhooks.constructEvent(last.body, last.signature, "whsec_test_secret")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );

    await fake.deliverEvent(created.id, { secret: "whsec_someone_else" });
    const forged = received[received.length - 1];
    expect(() => stripe.webhooks.constructEvent(forged.body, forged.signature, "whsec_test_secret")).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it("signs the same way as the SDK's own test header", () => {
    const stripe = sdk();
    const payload = JSON.stringify({ id: "evt_1", object: "event" });
    expect(stripeSignature(payload, "whsec_x", 1_800_000_000)).toBe(
      stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_x", timestamp: 1_800_000_000 }),
    );
  });

  it("replays and reorders deliveries on request, and records what the endpoint answered", async () => {
    const fixed = await startStripeFake({ balance: 10_000, webhookSecret: "whsec_test_secret", autoDeliverWebhooks: false });
    try {
      const stripe = new Stripe(fixed.secretKey, { host: "127.0.0.1", port: fixed.port, protocol: "http", maxNetworkRetries: 0 });
      const account = await stripe.accounts.create({ type: "express", capabilities: { transfers: { requested: true } } });
      fixed.completeOnboarding(account.id);
      await stripe.transfers.create({ amount: 100, currency: "gbp", destination: account.id });
      const [updated, created] = fixed.events();
      expect(created.pending_webhooks).toBe(0);
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

      receiverStatus = 500;
      const failed = await fixed.deliverEvent(created.id, { url });
      expect(failed).toMatchObject({ ok: false, status: 500, eventType: "transfer.created" });
      receiverStatus = 200;
      await fixed.deliverEvents([created.id, updated.id, created.id], { url });
      const order = received.map((r) => stripe.webhooks.constructEvent(r.body, r.signature, "whsec_test_secret").id);
      expect(order).toEqual([created.id, created.id, updated.id, created.id]);
      expect(fixed.webhookDeliveries().map((d) => d.ok)).toEqual([false, true, true, true]);
    } finally {
      await fixed.stop();
    }
  });

  it("keeps the signature's time so an old delivery fails constructEvent's tolerance", async () => {
    const stripe = sdk();
    await onboardedAccount(stripe);
    await fake.webhooksSettled();
    const [event] = fake.events();
    await fake.deliverEvent(event.id, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    const old = received[received.length - 1];
    expect(() => stripe.webhooks.constructEvent(old.body, old.signature, "whsec_test_secret")).toThrow(/tolerance/i);
  });
});
