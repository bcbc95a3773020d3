import Stripe from "stripe";
import { apiTarget, configureStripe, paymentsConfigured, stripeSettings, verifyWebhook, WEBHOOK_TOLERANCE_SECONDS } from "~/services/payments/stripe.server";

// The client's settings and the webhook check, without a network.

const secret = "whsec_unit_test_secret";
afterEach(() => configureStripe(undefined));

function signed(payload: string, timestamp = Math.floor(Date.now() / 1000)) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

describe("where the SDK connects", () => {
  it("reads host, port and protocol from STRIPE_API_BASE", () => {
    expect(apiTarget("http://127.0.0.1:12111")).toEqual({ host: "127.0.0.1", port: 12111, protocol: "http" });
    expect(apiTarget("https://stripe.internal.example")).toEqual({ host: "stripe.internal.example", port: 443, protocol: "https" });
    expect(apiTarget("http://[::1]:9000/")).toEqual({ host: "::1", port: 9000, protocol: "http" });
    expect(() => apiTarget("ftp://example.test")).toThrow(/must start with http/);
  });

  it("is off without keys and on with them", () => {
    configureStripe(null);
    expect(paymentsConfigured()).toBe(false);
    configureStripe({ secretKey: "sk_test_x", webhookSecret: secret });
    expect(paymentsConfigured()).toBe(true);
    expect(stripeSettings()).toEqual({ secretKey: "sk_test_x", webhookSecret: secret });
  });
});

describe("verifyWebhook", () => {
  const payload = JSON.stringify({ id: "evt_1", object: "event", type: "transfer.created", data: { object: {} } });
  beforeEach(() => configureStripe({ secretKey: "sk_test_x", webhookSecret: secret }));

  it("accepts Stripe's signature of the exact body", () => {
    expect(verifyWebhook(payload, signed(payload))).toMatchObject({ ok: true, event: { id: "evt_1", type: "transfer.created" } });
  });

  it("refuses a missing, wrong or stale signature, and says which", () => {
    expect(verifyWebhook(payload, null)).toMatchObject({ ok: false, status: 400, reason: "no_signature" });
    expect(verifyWebhook(`${payload} `, signed(payload))).toMatchObject({ ok: false, status: 400, reason: "bad_signature" });
    const old = Math.floor(Date.now() / 1000) - WEBHOOK_TOLERANCE_SECONDS - 5;
    expect(verifyWebhook(payload, signed(payload, old))).toMatchObject({ ok: false, status: 400, reason: "stale" });
    const recent = Math.floor(Date.now() / 1000) - WEBHOOK_TOLERANCE_SECONDS + 30;
    expect(verifyWebhook(payload, signed(payload, recent)).ok).toBe(true);
  });

  it("answers 503 when webhooks are not configured", () => {
    configureStripe(null);
    expect(verifyWebhook(payload, signed(payload))).toMatchObject({ ok: false, status: 503, reason: "not_configured" });
  });
});
