import Stripe from "stripe";
import { SIGNATURE_TOLERANCE_SECONDS, signatureTimeProblem } from "~/domain/stripe-webhook";
import { env } from "~/utils/env.server";

// Stripe behind a small interface: the official SDK, configured from the environment.
//
// Interface:
//   paymentsConfigured()                 true when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set
//   stripeSettings()                     the settings in use, or null
//   configureStripe(settings | null)     tests and scripts: use these instead of the environment
//                                        (null: Stripe off; undefined: back to the environment)
//   stripeClient()                       the SDK client (throws when not configured)
//   createConnectedAccount(input)        an Express account for a group (idempotent per bid)
//   createAccountLink(input)             a fresh onboarding link (they expire within minutes)
//   retrieveAccount(accountId)           the account as Stripe has it now
//   createTransfer(input, key, client?)  money to a connected account under our idempotency key
//   listAllTransfers()                   every transfer on the platform, auto-paginated
//   verifyWebhook(payload, signature)    -> { ok, event } | { ok: false, status, reason, message }
//
// STRIPE_API_BASE (optional) points the SDK at another host, e.g. the local fake
// (app/testing/stripe-fake) at http://127.0.0.1:12111.

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Scheme, host and port of the API; Stripe's own when absent. */
  apiBase?: string | null;
  /** The SDK's automatic retries (same idempotency key); 2 unless set. */
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

/** Stripe's default and ours: a signed delivery older than 5 minutes is refused as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = SIGNATURE_TOLERANCE_SECONDS;

let override: StripeSettings | null | undefined;
let cached: { settings: StripeSettings; client: Stripe } | null = null;

export function configureStripe(settings: StripeSettings | null | undefined) {
  override = settings;
  cached = null;
}

export function stripeSettings(): StripeSettings | null {
  if (override !== undefined) return override;
  const e = env();
  if (!e.STRIPE_SECRET_KEY || !e.STRIPE_WEBHOOK_SECRET) return null;
  return { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, apiBase: e.STRIPE_API_BASE ?? null };
}

export function paymentsConfigured(): boolean {
  return stripeSettings() !== null;
}

export class StripeNotConfiguredError extends Error {
  constructor() {
    super("Stripe is not configured: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.");
  }
}

/** Host, port and protocol for the SDK from a base URL such as http://127.0.0.1:12111. */
export function apiTarget(apiBase: string): { host: string; port: number; protocol: "http" | "https" } {
  const url = new URL(apiBase);
  const protocol = url.protocol === "http:" ? "http" : url.protocol === "https:" ? "https" : null;
  if (!protocol) throw new Error(`STRIPE_API_BASE must start with http:// or https://, not ${url.protocol}`);
  const port = url.port ? Number(url.port) : protocol === "http" ? 80 : 443;
  return { host: url.hostname.replace(/^\[|\]$/g, ""), port, protocol };
}

export function stripeClient(): Stripe {
  const settings = stripeSettings();
  if (!settings) throw new StripeNotConfiguredError();
  if (cached?.settings === settings) return cached.client;
  const client = new Stripe(settings.secretKey, {
    ...(settings.apiBase ? apiTarget(settings.apiBase) : {}),
    maxNetworkRetries: settings.maxNetworkRetries ?? 2,
    timeout: settings.timeoutMs ?? 20_000,
    appInfo: { name: "Pitchday" },
  });
  cached = { settings, client };
  return client;
}

// ---------- Connect onboarding ----------

export interface ConnectedAccountInput {
  bidId: string;
  reference: string;
  groupName: string;
  email: string | null;
}

/**
 * An Express account that can receive transfers. The idempotency key is the bid's, so two
 * clicks (or two app instances) asking at once get the same account back from Stripe.
 */
export function createConnectedAccount(input: ConnectedAccountInput) {
  return stripeClient().accounts.create(
    {
      type: "express",
      country: "GB",
      ...(input.email ? { email: input.email } : {}),
      capabilities: { transfers: { requested: true } },
      business_profile: { name: input.groupName },
      metadata: { pitchday_bid_id: input.bidId, pitchday_reference: input.reference },
    },
    { idempotencyKey: `recipient-${input.bidId}` },
  );
}

export interface AccountLinkInput {
  accountId: string;
  /** Where Stripe sends the group when the link has expired or was used: make a new one there. */
  refreshUrl: string;
  /** Where Stripe sends the group when they leave onboarding (finished or not). */
  returnUrl: string;
}

export function createAccountLink(input: AccountLinkInput) {
  return stripeClient().accountLinks.create({
    account: input.accountId,
    type: "account_onboarding",
    refresh_url: input.refreshUrl,
    return_url: input.returnUrl,
  });
}

export function retrieveAccount(accountId: string) {
  return stripeClient().accounts.retrieve(accountId);
}

// ---------- Transfers ----------

export interface TransferInput {
  paymentId: string;
  awardId: string;
  reference: string;
  amountPence: number;
  currency: string;
  destination: string;
}

export function transferParams(input: TransferInput): Stripe.TransferCreateParams {
  return {
    amount: input.amountPence,
    currency: input.currency.toLowerCase(),
    destination: input.destination,
    description: `Pitchday award ${input.reference}`,
    transfer_group: `award-${input.awardId}`,
    metadata: { pitchday_payment_id: input.paymentId, pitchday_award_id: input.awardId, pitchday_reference: input.reference },
  };
}

export function createTransfer(input: TransferInput, idempotencyKey: string, client: Stripe = stripeClient()) {
  return client.transfers.create(transferParams(input), { idempotencyKey });
}

/** Every transfer, newest first, through the SDK's auto-pagination. */
export async function listAllTransfers(filter: { transferGroup?: string } = {}): Promise<Stripe.Transfer[]> {
  const out: Stripe.Transfer[] = [];
  const params: Stripe.TransferListParams = { limit: 100, ...(filter.transferGroup ? { transfer_group: filter.transferGroup } : {}) };
  for await (const transfer of stripeClient().transfers.list(params)) out.push(transfer);
  return out;
}

// ---------- Webhooks ----------

export type WebhookCheck =
  | { ok: true; event: Stripe.Event }
  | { ok: false; status: 400 | 503; reason: "not_configured" | "no_signature" | "bad_signature" | "stale" | "future"; message: string };

/**
 * Checks the Stripe-Signature header (HMAC of the exact body with our signing secret) and its
 * time: a delivery signed more than 5 minutes ago, or dated more than 5 minutes ahead, is
 * refused, so a captured request cannot be replayed later. Stripe signs each delivery afresh
 * and retries refused ones, so a refusal loses nothing genuine.
 */
export function verifyWebhook(payload: string, signature: string | null, nowSeconds = Math.floor(Date.now() / 1000)): WebhookCheck {
  const settings = stripeSettings();
  if (!settings) {
    return { ok: false, status: 503, reason: "not_configured", message: "Stripe webhooks are not configured on this server." };
  }
  if (!signature) return { ok: false, status: 400, reason: "no_signature", message: "Missing Stripe-Signature header." };
  try {
    const event = Stripe.webhooks.constructEvent(payload, signature, settings.webhookSecret, WEBHOOK_TOLERANCE_SECONDS);
    // why: the SDK checks only the age, so a signature dated in the future would pass it.
    if (signatureTimeProblem(signature, nowSeconds) === "future") {
      return { ok: false, status: 400, reason: "future", message: "The signature is dated more than 5 minutes ahead: refused as a possible replay." };
    }
    return { ok: true, event };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/tolerance/i.test(message)) {
      return { ok: false, status: 400, reason: "stale", message: "The signature is older than 5 minutes: refused as a possible replay." };
    }
    return { ok: false, status: 400, reason: "bad_signature", message: "The Stripe signature does not match this request." };
  }
}
