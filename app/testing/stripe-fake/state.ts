import { randomBytes } from "node:crypto";
import type Stripe from "stripe";
import {
  balanceInsufficient,
  FakeStripeError,
  insufficientCapabilitiesForTransfer,
  parameterInvalid,
  resourceMissing,
} from "./errors";
import type { Params } from "./params";

// What the fake remembers and how the objects change: connected accounts and their onboarding,
// account links, transfers against the platform balance, and the events Stripe would emit.
// Objects are built to the SDK's own types (Stripe.Account, Stripe.Transfer, ...), so a shape
// drifting from what the SDK expects fails type-checking here.

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function stripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}

const LINK_LIFETIME_SECONDS = 300;

// What Stripe asks a UK Express or Custom account for before it can receive transfers.
const ONBOARDING_REQUIREMENTS = [
  "business_profile.mcc",
  "business_profile.url",
  "business_type",
  "external_account",
  "tos_acceptance.date",
  "tos_acceptance.ip",
];

export interface AccountLinkRecord {
  secret: string;
  accountId: string;
  type: "account_onboarding" | "account_update";
  refreshUrl: string;
  returnUrl: string;
  createdAt: number;
  expiresAt: number;
  state: "fresh" | "visited" | "completed";
}

export interface RequestContext {
  requestId: string;
  idempotencyKey: string | null;
  apiVersion: string;
}

type AccountType = "express" | "custom" | "standard";

function requirements(due: string[], disabledReason: Stripe.Account.Requirements.DisabledReason | null) {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [...due],
    disabled_reason: disabledReason,
    errors: [],
    eventually_due: [...due],
    past_due: [...due],
    pending_verification: [],
  } satisfies Stripe.Account.Requirements;
}

function controllerFor(type: AccountType): Stripe.Account.Controller {
  if (type === "standard") {
    return {
      is_controller: true,
      type: "application",
      fees: { payer: "account" },
      losses: { payments: "stripe" },
      requirement_collection: "stripe",
      stripe_dashboard: { type: "full" },
    };
  }
  return {
    is_controller: true,
    type: "application",
    fees: { payer: "application" },
    losses: { payments: "application" },
    requirement_collection: type === "express" ? "stripe" : "application",
    stripe_dashboard: { type: type === "express" ? "express" : "none" },
  };
}

export interface FakeStripeStateOptions {
  now: () => number;
  balance: { amount: number; currency: string };
  /** How many webhook endpoints will be told about each event (pending_webhooks). */
  webhookEndpoints: () => number;
  onEvent: (event: Stripe.Event) => void;
}

export class FakeStripeState {
  readonly accounts = new Map<string, Stripe.Account>();
  readonly links = new Map<string, AccountLinkRecord>();
  /** Newest last; lists are served newest first like Stripe's. */
  readonly transfers: Stripe.Transfer[] = [];
  readonly events: Stripe.Event[] = [];
  balance: { amount: number; currency: string };

  constructor(private readonly options: FakeStripeStateOptions) {
    this.balance = { ...options.balance, currency: options.balance.currency.toLowerCase() };
  }

  private seconds() {
    return Math.floor(this.options.now() / 1000);
  }

  // ---------- Accounts ----------

  createAccount(params: Params): Stripe.Account {
    const typeParam = params.oneOf("type", ["express", "custom", "standard"] as const);
    const controller = params.object("controller");
    let type: AccountType;
    if (typeParam) {
      type = typeParam;
      if (controller) throw parameterInvalid("controller", "You cannot specify both `type` and `controller`.");
    } else if (controller) {
      const dashboard = controller.object("stripe_dashboard");
      const dashboardType = dashboard?.oneOf("type", ["express", "full", "none"] as const);
      dashboard?.finish();
      controller.raw("fees");
      controller.raw("losses");
      controller.raw("requirement_collection");
      controller.finish();
      type = dashboardType === "express" ? "express" : dashboardType === "full" ? "standard" : "custom";
    } else {
      throw parameterInvalid("type", "You must specify either `type` or `controller` when creating an account.");
    }
    const country = (params.string("country") ?? "GB").toUpperCase();
    const email = params.string("email") ?? null;
    const businessType = params.oneOf("business_type", ["individual", "company", "non_profit", "government_entity"] as const) ?? null;
    const metadata = params.metadata();
    const capabilities: Stripe.Account.Capabilities = {};
    for (const [name, value] of Object.entries(capabilityRequests(params))) {
      if (value) (capabilities as Record<string, string>)[name] = "inactive";
    }
    if (type !== "standard" && Object.keys(capabilities).length === 0) {
      throw parameterInvalid(
        "capabilities",
        "You must request at least one capability (for example capabilities[transfers][requested]=true) when creating an Express or Custom account.",
      );
    }
    const businessProfile = params.object("business_profile");
    const profileName = businessProfile?.string("name") ?? null;
    const profileUrl = businessProfile?.string("url") ?? null;
    const profileMcc = businessProfile?.string("mcc") ?? null;
    businessProfile?.raw("product_description");
    businessProfile?.raw("support_email");
    businessProfile?.finish();
    const tos = params.object("tos_acceptance");
    tos?.oneOf("service_agreement", ["full", "recipient"] as const);
    tos?.finish();
    params.string("default_currency");
    params.raw("settings");
    params.raw("company");
    params.raw("individual");
    params.finish();

    const id = stripeId("acct", 16);
    const account: Stripe.Account = {
      id,
      object: "account",
      business_profile: {
        annual_revenue: null,
        estimated_worker_count: null,
        mcc: profileMcc,
        name: profileName,
        product_description: null,
        support_address: null,
        support_email: null,
        support_phone: null,
        support_url: null,
        url: profileUrl,
      } as Stripe.Account.BusinessProfile,
      business_type: businessType,
      capabilities,
      charges_enabled: false,
      controller: controllerFor(type),
      country,
      created: this.seconds(),
      default_currency: country === "GB" ? "gbp" : this.balance.currency,
      details_submitted: false,
      email,
      external_accounts: { object: "list", data: [], has_more: false, url: `/v1/accounts/${id}/external_accounts` },
      future_requirements: requirements([], null),
      metadata,
      payouts_enabled: false,
      requirements: requirements(ONBOARDING_REQUIREMENTS, "requirements.past_due"),
      settings: null,
      tos_acceptance: { date: null },
      type,
    };
    this.accounts.set(id, account);
    return structuredClone(account);
  }

  account(id: string): Stripe.Account {
    const account = this.accounts.get(id);
    if (!account) throw resourceMissing("account", id);
    return account;
  }

  /** What the onboarding form does when the person finishes it. */
  completeOnboarding(accountId: string, context: RequestContext | null = null): Stripe.Account {
    const account = this.account(accountId);
    const previous = {
      capabilities: { ...account.capabilities },
      details_submitted: account.details_submitted,
      payouts_enabled: account.payouts_enabled,
      charges_enabled: account.charges_enabled,
      requirements: structuredClone(account.requirements),
    };
    for (const name of Object.keys(account.capabilities ?? {})) {
      (account.capabilities as Record<string, string>)[name] = "active";
    }
    account.details_submitted = true;
    account.payouts_enabled = true;
    account.charges_enabled = account.capabilities?.card_payments === "active";
    account.requirements = requirements([], null);
    account.business_type ??= "non_profit";
    account.tos_acceptance = { date: this.seconds() };
    this.emit("account.updated", account, context, { previous, account: accountId });
    return structuredClone(account);
  }

  /** Stripe asks for more information later and pauses payouts until it has it. */
  restrictAccount(accountId: string, due: string[] = ["external_account"]): Stripe.Account {
    const account = this.account(accountId);
    const previous = {
      capabilities: { ...account.capabilities },
      payouts_enabled: account.payouts_enabled,
      requirements: structuredClone(account.requirements),
    };
    for (const name of Object.keys(account.capabilities ?? {})) {
      (account.capabilities as Record<string, string>)[name] = "inactive";
    }
    account.payouts_enabled = false;
    account.charges_enabled = false;
    account.requirements = requirements(due, "requirements.past_due");
    this.emit("account.updated", account, null, { previous, account: accountId });
    return structuredClone(account);
  }

  // ---------- Account links ----------

  createAccountLink(params: Params, baseUrl: string): Stripe.AccountLink {
    const accountId = params.string("account", { required: true });
    const type = params.oneOf("type", ["account_onboarding", "account_update"] as const, { required: true });
    const refreshUrl = params.string("refresh_url", { required: true });
    const returnUrl = params.string("return_url", { required: true });
    params.oneOf("collect", ["currently_due", "eventually_due"] as const);
    params.raw("collection_options");
    params.finish();
    for (const [name, url] of [
      ["refresh_url", refreshUrl],
      ["return_url", returnUrl],
    ] as const) {
      if (!/^https?:\/\//.test(url)) throw parameterInvalid(name, `Not a valid URL`);
    }
    if (!this.accounts.has(accountId)) throw resourceMissing("account", accountId, "account");
    const secret = stripeId("link", 24).slice(5);
    const created = this.seconds();
    this.links.set(secret, {
      secret,
      accountId,
      type,
      refreshUrl,
      returnUrl,
      createdAt: created,
      expiresAt: created + LINK_LIFETIME_SECONDS,
      state: "fresh",
    });
    return {
      object: "account_link",
      created,
      expires_at: created + LINK_LIFETIME_SECONDS,
      url: `${baseUrl}/setup/e/${accountId}/${secret}`,
    };
  }

  // ---------- Balance and transfers ----------

  balanceObject(): Stripe.Balance {
    const { amount, currency } = this.balance;
    return {
      object: "balance",
      available: [{ amount, currency, source_types: { card: amount } }],
      connect_reserved: [{ amount: 0, currency }],
      livemode: false,
      pending: [{ amount: 0, currency, source_types: { card: 0 } }],
    };
  }

  createTransfer(params: Params, context: RequestContext): Stripe.Transfer {
    const amount = params.integer("amount", { required: true, min: 1 });
    const currency = params.string("currency", { required: true }).toLowerCase();
    const destination = params.string("destination", { required: true });
    const description = params.string("description") ?? null;
    const metadata = params.metadata();
    const transferGroup = params.string("transfer_group") ?? null;
    const sourceType = params.oneOf("source_type", ["bank_account", "card", "fpx"] as const) ?? "card";
    if (params.string("source_transaction") !== undefined) {
      throw parameterInvalid("source_transaction", "The Stripe fake has no charges, so transfers cannot name a source_transaction.");
    }
    params.finish();
    const account = this.accounts.get(destination);
    if (!account) {
      throw new FakeStripeError(400, {
        type: "invalid_request_error",
        code: "resource_missing",
        param: "destination",
        message: `No such destination: '${destination}'`,
      });
    }
    if (account.capabilities?.transfers !== "active" && account.capabilities?.legacy_payments !== "active") {
      throw insufficientCapabilitiesForTransfer();
    }
    if (currency !== this.balance.currency || amount > this.balance.amount) throw balanceInsufficient();

    this.balance.amount -= amount;
    const id = stripeId("tr");
    const transfer: Stripe.Transfer = {
      id,
      object: "transfer",
      amount,
      amount_reversed: 0,
      balance_transaction: stripeId("txn"),
      created: this.seconds(),
      currency,
      description,
      destination,
      destination_payment: stripeId("py"),
      livemode: false,
      metadata,
      reversals: { object: "list", data: [], has_more: false, url: `/v1/transfers/${id}/reversals` },
      reversed: false,
      source_transaction: null,
      source_type: sourceType,
      transfer_group: transferGroup,
    };
    this.transfers.push(transfer);
    this.emit("transfer.created", transfer, context);
    return structuredClone(transfer);
  }

  transfer(id: string): Stripe.Transfer {
    const transfer = this.transfers.find((t) => t.id === id);
    if (!transfer) throw resourceMissing("transfer", id);
    return structuredClone(transfer);
  }

  // ---------- Events ----------

  private emit(
    type: string,
    object: object,
    context: RequestContext | null,
    extra: { previous?: object; account?: string } = {},
  ): Stripe.Event {
    const event = {
      id: stripeId("evt"),
      object: "event",
      ...(extra.account ? { account: extra.account } : {}),
      api_version: context?.apiVersion ?? null,
      created: this.seconds(),
      data: {
        object: structuredClone(object),
        ...(extra.previous ? { previous_attributes: extra.previous } : {}),
      },
      livemode: false,
      pending_webhooks: this.options.webhookEndpoints(),
      request: { id: context?.requestId ?? null, idempotency_key: context?.idempotencyKey ?? null },
      type,
    } as unknown as Stripe.Event;
    this.events.push(event);
    this.options.onEvent(event);
    return event;
  }

  event(id: string): Stripe.Event {
    const event = this.events.find((e) => e.id === id);
    if (!event) throw resourceMissing("event", id);
    return structuredClone(event);
  }
}

function capabilityRequests(params: Params): Record<string, boolean> {
  // Read through Params so unknown nesting is refused like any other parameter.
  const out: Record<string, boolean> = {};
  const capabilities = params.object("capabilities");
  if (!capabilities) return out;
  for (const name of capabilities.keys()) {
    const capability = capabilities.object(name);
    if (!capability) continue;
    out[name] = capability.boolean("requested") ?? false;
    capability.finish();
  }
  capabilities.finish();
  return out;
}
