import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import {
  FakeStripeError,
  idempotencyEndpointDiffers,
  idempotencyParametersDiffer,
  injectedServerError,
  invalidApiKey,
  noApiKey,
  parameterInvalid,
  unrecognizedUrl,
} from "./errors";
import { fingerprint, FormSyntaxError, parseForm, type FormObject } from "./form";
import { onboardingPage } from "./onboarding-page";
import { Params } from "./params";
import { FakeStripeState, stripeId, type RequestContext } from "./state";
import { postWebhook, type DeliveryOptions, type WebhookDelivery } from "./webhooks";

// A local stand-in for the parts of Stripe's API that Pitchday uses (Connect onboarding,
// transfers, balance, events, webhooks), written by us to Stripe's documented JSON shapes and
// behaviour, for tests and offline development with the official `stripe` SDK:
//
//   const fake = await startStripeFake({ balance: 500_000, webhookUrl, webhookSecret });
//   const stripe = new Stripe(fake.secretKey, { host: "127.0.0.1", port: fake.port, protocol: "http" });
//
// Behaviour kept from Stripe: secret-key auth, form-encoded parameters with unknown ones
// refused, idempotency keys (replay with Idempotent-Replayed, idempotency_error on reuse with
// other parameters, 24-hour retention), typed errors, lists newest first with cursors, and
// signed webhooks. Tests can also set the balance, finish onboarding, and make the next
// request fail (500 or a dropped connection, before or after it took effect).

export const DEFAULT_SECRET_KEY = "sk_test_pitchday_fake_0000000000";
export const DEFAULT_WEBHOOK_SECRET = "whsec_pitchday_fake_0000000000";

const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface StripeFakeOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  secretKey?: string;
  /** Available platform balance in the smallest unit (pence). */
  balance?: number;
  currency?: string;
  webhookUrl?: string | null;
  webhookSecret?: string;
  /** Send each event to webhookUrl as it happens (default true). */
  autoDeliverWebhooks?: boolean;
  /** Milliseconds since the epoch; tests can move time (link expiry, webhook timestamps). */
  now?: () => number;
}

export interface Failure {
  /** Respond with this status (default 500) ... */
  status?: number;
  /** ... or close the connection without answering. */
  drop?: boolean;
  /** Fail after the request took effect (the response is lost), not before. */
  after?: boolean;
  /** How many matching requests fail (default 1). */
  times?: number;
  method?: string;
  /** Only requests whose path starts with this, e.g. "/v1/transfers". */
  path?: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number | null;
  idempotencyKey: string | null;
  replayed: boolean;
  injected: "status" | "drop" | null;
}

export interface StripeFake {
  url: string;
  port: number;
  secretKey: string;
  webhookSecret: string;
  stop(): Promise<void>;
  setBalance(amount: number, currency?: string): void;
  balance(): { amount: number; currency: string };
  accounts(): Stripe.Account[];
  transfers(): Stripe.Transfer[];
  /** Oldest first. */
  events(): Stripe.Event[];
  completeOnboarding(accountId: string): Stripe.Account;
  restrictAccount(accountId: string, due?: string[]): Stripe.Account;
  setWebhookUrl(url: string | null): void;
  /** Sends (or re-sends: a replay) one event, signed; resolves with what the endpoint said. */
  deliverEvent(event: string | Stripe.Event, options?: DeliveryOptions): Promise<WebhookDelivery>;
  /** Sends events one after another in the order given (to test out-of-order arrival). */
  deliverEvents(events: readonly (string | Stripe.Event)[], options?: DeliveryOptions): Promise<WebhookDelivery[]>;
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves when every automatic delivery so far has been attempted. */
  webhooksSettled(): Promise<void>;
  failNext(failure?: Failure): void;
  requests(): LoggedRequest[];
}

interface IdempotentRecord {
  endpoint: string;
  fingerprint: string;
  status: number;
  body: string;
  requestId: string;
  storedAt: number;
}

type Handler = (params: Params, context: RequestContext, match: RegExpExecArray) => object;

interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  handler: Handler;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function listParams<T extends { id: string; created: number }>(
  newestFirst: readonly T[],
  params: Params,
  url: string,
  filter: (item: T) => boolean = () => true,
): Stripe.ApiList<T> {
  const limit = params.integer("limit", { min: 1, max: 100 }) ?? 10;
  const startingAfter = params.string("starting_after");
  const endingBefore = params.string("ending_before");
  const created = createdFilter(params);
  params.finish();
  let items = newestFirst.filter((item) => filter(item) && created(item.created));
  let hasMore: boolean;
  if (startingAfter) {
    const at = items.findIndex((i) => i.id === startingAfter);
    if (at === -1) throw parameterInvalid("starting_after", `No such object: '${startingAfter}'`);
    items = items.slice(at + 1);
    hasMore = items.length > limit;
    items = items.slice(0, limit);
  } else if (endingBefore) {
    const at = items.findIndex((i) => i.id === endingBefore);
    if (at === -1) throw parameterInvalid("ending_before", `No such object: '${endingBefore}'`);
    items = items.slice(0, at);
    hasMore = items.length > limit;
    items = items.slice(Math.max(0, items.length - limit));
  } else {
    hasMore = items.length > limit;
    items = items.slice(0, limit);
  }
  return { object: "list", data: items.map((i) => structuredClone(i)), has_more: hasMore, url };
}

function createdFilter(params: Params): (seconds: number) => boolean {
  const raw = params.raw("created");
  if (raw === undefined || raw === "") return () => true;
  if (typeof raw === "string") {
    if (!/^\d+$/.test(raw)) throw parameterInvalid("created", `Invalid integer: ${raw}`);
    return (s) => s === Number(raw);
  }
  const range = new Params(raw as FormObject, "created");
  const gt = range.integer("gt");
  const gte = range.integer("gte");
  const lt = range.integer("lt");
  const lte = range.integer("lte");
  range.finish();
  return (s) =>
    (gt === undefined || s > gt) && (gte === undefined || s >= gte) && (lt === undefined || s < lt) && (lte === undefined || s <= lte);
}

export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const now = options.now ?? (() => Date.now());
  const secretKey = options.secretKey ?? DEFAULT_SECRET_KEY;
  const webhookSecret = options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET;
  let webhookUrl = options.webhookUrl ?? null;
  const autoDeliver = options.autoDeliverWebhooks ?? true;
  const failures: (Failure & { remaining: number })[] = [];
  const idempotency = new Map<string, IdempotentRecord>();
  const log: LoggedRequest[] = [];
  const deliveries: WebhookDelivery[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  let baseUrl = "";

  const state = new FakeStripeState({
    now,
    balance: { amount: options.balance ?? 0, currency: options.currency ?? "gbp" },
    webhookEndpoints: () => (webhookUrl ? 1 : 0),
    onEvent: (event) => {
      if (!autoDeliver || !webhookUrl) return;
      const url = webhookUrl;
      // One at a time, in the order the events happened, after the API response has gone.
      queue = queue
        .then(() => new Promise((resolve) => setImmediate(resolve)))
        .then(() => deliver(event, { url }))
        .catch((error: unknown) => console.error("[stripe-fake] webhook delivery failed", error));
    },
  });

  async function deliver(eventOrId: string | Stripe.Event, opts: DeliveryOptions = {}): Promise<WebhookDelivery> {
    const event = typeof eventOrId === "string" ? state.event(eventOrId) : eventOrId;
    const url = opts.url ?? webhookUrl;
    if (!url) throw new Error("No webhook URL: pass { url } or start the fake with webhookUrl.");
    const delivery = await postWebhook(event, {
      url,
      secret: opts.secret ?? webhookSecret,
      timestamp: opts.timestamp ?? Math.floor(now() / 1000),
      tamper: opts.tamper,
      now: now(),
    });
    deliveries.push(delivery);
    const stored = state.events.find((e) => e.id === event.id);
    if (stored && delivery.ok && url === webhookUrl && !opts.tamper && !opts.secret) stored.pending_webhooks = 0;
    return delivery;
  }

  const routes: Route[] = [
    { method: "POST", pattern: /^\/v1\/accounts$/, handler: (p) => state.createAccount(p) },
    {
      method: "GET",
      pattern: /^\/v1\/accounts\/([^/]+)$/,
      handler: (p, _c, m) => {
        p.finish();
        return structuredClone(state.account(m[1]));
      },
    },
    { method: "POST", pattern: /^\/v1\/account_links$/, handler: (p) => state.createAccountLink(p, baseUrl) },
    { method: "POST", pattern: /^\/v1\/transfers$/, handler: (p, c) => state.createTransfer(p, c) },
    {
      method: "GET",
      pattern: /^\/v1\/transfers$/,
      handler: (p) => {
        const destination = p.string("destination");
        const group = p.string("transfer_group");
        return listParams(
          [...state.transfers].reverse(),
          p,
          "/v1/transfers",
          (t) => (!destination || t.destination === destination) && (!group || t.transfer_group === group),
        );
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/transfers\/([^/]+)$/,
      handler: (p, _c, m) => {
        p.finish();
        return state.transfer(m[1]);
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/balance$/,
      handler: (p) => {
        p.finish();
        return state.balanceObject();
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/events$/,
      handler: (p) => {
        const type = p.string("type");
        const typesParam = p.raw("types");
        const types = Array.isArray(typesParam) ? (typesParam as string[]) : typesParam ? [typesParam as string] : null;
        p.raw("delivery_success");
        const matches = (t: string) => {
          const ok = (pattern: string) =>
            pattern.endsWith(".*") ? t.startsWith(pattern.slice(0, -1)) : t === pattern;
          return (!type || ok(type)) && (!types || types.some(ok));
        };
        return listParams([...state.events].reverse(), p, "/v1/events", (e) => matches(e.type));
      },
    },
    {
      method: "GET",
      pattern: /^\/v1\/events\/([^/]+)$/,
      handler: (p, _c, m) => {
        p.finish();
        return state.event(m[1]);
      },
    },
  ];

  function authenticate(req: IncomingMessage) {
    const header = req.headers.authorization;
    if (!header) throw noApiKey();
    let key: string;
    if (header.startsWith("Bearer ")) key = header.slice(7).trim();
    else if (header.startsWith("Basic ")) key = Buffer.from(header.slice(6), "base64").toString("utf8").split(":")[0];
    else throw noApiKey();
    if (!key) throw noApiKey();
    if (key !== secretKey) throw invalidApiKey(key);
  }

  function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>) {
    res.writeHead(status, {
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(body)),
      ...headers,
    });
    res.end(body);
  }

  function takeFailure(method: string, path: string, after: boolean) {
    const index = failures.findIndex(
      (f) => !!f.after === after && (!f.method || f.method.toUpperCase() === method) && (!f.path || path.startsWith(f.path)),
    );
    if (index === -1) return null;
    const failure = failures[index];
    failure.remaining -= 1;
    if (failure.remaining <= 0) failures.splice(index, 1);
    return failure;
  }

  function fail(res: ServerResponse, failure: Failure, entry: LoggedRequest, headers: Record<string, string>) {
    if (failure.drop) {
      entry.injected = "drop";
      res.socket?.destroy();
      return;
    }
    const error = injectedServerError(failure.status ?? 500);
    entry.injected = "status";
    entry.status = error.status;
    send(res, error.status, JSON.stringify({ error: error.body }), headers);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL) {
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname;
    const requestId = stripeId("req", 14);
    const idempotencyKey = method === "POST" ? (req.headers["idempotency-key"] as string | undefined) ?? null : null;
    const apiVersion = (req.headers["stripe-version"] as string | undefined) ?? Stripe.API_VERSION;
    const entry: LoggedRequest = { method, path, status: null, idempotencyKey, replayed: false, injected: null };
    log.push(entry);
    const headers: Record<string, string> = { "Request-Id": requestId, "Stripe-Version": apiVersion };
    if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;

    const before = takeFailure(method, path, false);
    if (before) {
      fail(res, before, entry, headers);
      return;
    }

    let status = 200;
    let body: string;
    let record: { key: string; endpoint: string; fingerprint: string } | null = null;
    try {
      authenticate(req);
      if (req.headers["stripe-account"]) {
        throw parameterInvalid("Stripe-Account", "The Stripe fake does not make requests on behalf of connected accounts.");
      }
      const route = routes.find((r) => r.method === method && r.pattern.test(path));
      if (!route) throw unrecognizedUrl(method, path);
      const raw = method === "POST" ? await readBody(req) : url.search.slice(1);
      let form: FormObject;
      try {
        form = parseForm(raw);
      } catch (error) {
        if (error instanceof FormSyntaxError) throw parameterInvalid("body", error.message);
        throw error;
      }
      if (idempotencyKey) {
        const key = `${secretKey}\u0000${idempotencyKey}`;
        const endpoint = `${method} ${path}`;
        const print = fingerprint(form);
        const stored = idempotency.get(key);
        if (stored && now() - stored.storedAt > IDEMPOTENCY_RETENTION_MS) idempotency.delete(key);
        const existing = idempotency.get(key);
        if (existing) {
          if (existing.endpoint !== endpoint) throw idempotencyEndpointDiffers(idempotencyKey, existing.endpoint, endpoint);
          if (existing.fingerprint !== print) throw idempotencyParametersDiffer(idempotencyKey);
          entry.replayed = true;
          entry.status = existing.status;
          send(res, existing.status, existing.body, {
            ...headers,
            "Idempotent-Replayed": "true",
            "Original-Request": existing.requestId,
          });
          return;
        }
        record = { key, endpoint, fingerprint: print };
      }
      const match = route.pattern.exec(path) as RegExpExecArray;
      const result = route.handler(new Params(form), { requestId, idempotencyKey, apiVersion }, match);
      body = JSON.stringify(result, null, 2);
    } catch (error) {
      if (!(error instanceof FakeStripeError)) throw error;
      status = error.status;
      body = JSON.stringify({ error: { ...error.body, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } }, null, 2);
      if (!error.executed) record = null;
    }
    if (record) {
      idempotency.set(record.key, {
        endpoint: record.endpoint,
        fingerprint: record.fingerprint,
        status,
        body,
        requestId,
        storedAt: now(),
      });
    }
    const after = takeFailure(method, path, true);
    if (after) {
      fail(res, after, entry, headers);
      return;
    }
    entry.status = status;
    send(res, status, body, headers);
  }

  async function handleOnboarding(req: IncomingMessage, res: ServerResponse, url: URL) {
    const match = /^\/setup\/e\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    const link = match ? state.links.get(match[2]) : undefined;
    if (!match || !link || link.accountId !== match[1]) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("This onboarding link is not valid.");
      return;
    }
    const redirect = (to: string) => res.writeHead(303, { Location: to }).end();
    const seconds = Math.floor(now() / 1000);
    if (req.method === "GET") {
      // Like Stripe's, a link works once and only for a few minutes; after that the
      // platform is sent to refresh_url to make a new one.
      if (link.state !== "fresh" || seconds > link.expiresAt) return redirect(link.refreshUrl);
      link.state = "visited";
      const account = state.account(link.accountId);
      const html = onboardingPage({ account, action: url.pathname, returnUrl: link.returnUrl });
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
      return;
    }
    if (req.method === "POST") {
      const form = parseForm(await readBody(req));
      if (link.state === "completed") return redirect(link.refreshUrl);
      if (form.choice === "complete") {
        link.state = "completed";
        state.completeOnboarding(link.accountId);
      }
      return redirect(link.returnUrl);
    }
    res.writeHead(405, { Allow: "GET, POST" }).end();
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL) {
    const json = (status: number, value: unknown) => send(res, status, JSON.stringify(value, null, 2), {});
    const body = req.method === "POST" ? await readBody(req) : "";
    const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const path = url.pathname;
    try {
      if (req.method === "GET" && path === "/_fake/state") {
        return json(200, {
          balance: state.balance,
          accounts: [...state.accounts.values()],
          transfers: state.transfers,
          events: state.events,
          deliveries,
        });
      }
      if (req.method === "POST" && path === "/_fake/balance") {
        fake.setBalance(Number(input.amount), input.currency as string | undefined);
        return json(200, state.balance);
      }
      if (req.method === "POST" && path === "/_fake/fail-next") {
        fake.failNext(input as Failure);
        return json(200, { queued: failures.length });
      }
      if (req.method === "POST" && path === "/_fake/webhook") {
        fake.setWebhookUrl((input.url as string | null) ?? null);
        return json(200, { url: webhookUrl });
      }
      let m = /^\/_fake\/accounts\/([^/]+)\/(complete-onboarding|restrict)$/.exec(path);
      if (req.method === "POST" && m) {
        return json(200, m[2] === "restrict" ? state.restrictAccount(m[1]) : state.completeOnboarding(m[1]));
      }
      m = /^\/_fake\/events\/([^/]+)\/deliver$/.exec(path);
      if (req.method === "POST" && m) {
        return json(200, await deliver(m[1], { url: input.url as string | undefined }));
      }
      return json(404, { error: `No control endpoint ${req.method} ${path}` });
    } catch (error) {
      return json(400, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const handle = url.pathname.startsWith("/v1/")
      ? handleApi
      : url.pathname.startsWith("/setup/e/")
        ? handleOnboarding
        : url.pathname.startsWith("/_fake/")
          ? handleControl
          : async (_req: IncomingMessage, r: ServerResponse) => {
              const error = unrecognizedUrl(req.method ?? "GET", url.pathname);
              send(r, 404, JSON.stringify({ error: error.body }), {});
            };
    handle(req, res, url).catch((error: unknown) => {
      // A bug in the fake itself: answer like Stripe's own 500 so the test fails loudly.
      console.error("[stripe-fake]", error);
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: { type: "api_error", message: String(error) } }), {});
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";
  baseUrl = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;

  const fake: StripeFake = {
    url: baseUrl,
    port: address.port,
    secretKey,
    webhookSecret,
    async stop() {
      await fake.webhooksSettled();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
    setBalance(amount, currency) {
      if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError("The balance is a whole number of pence, 0 or more.");
      state.balance = { amount, currency: (currency ?? state.balance.currency).toLowerCase() };
    },
    balance: () => ({ ...state.balance }),
    accounts: () => [...state.accounts.values()].map((a) => structuredClone(a)),
    transfers: () => state.transfers.map((t) => structuredClone(t)),
    events: () => state.events.map((e) => structuredClone(e)),
    completeOnboarding: (accountId) => state.completeOnboarding(accountId),
    restrictAccount: (accountId, due) => state.restrictAccount(accountId, due),
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    deliverEvent: (event, opts) => deliver(event, opts),
    async deliverEvents(events, opts) {
      const out: WebhookDelivery[] = [];
      for (const event of events) out.push(await deliver(event, opts));
      return out;
    },
    webhookDeliveries: () => [...deliveries],
    async webhooksSettled() {
      let seen: Promise<unknown>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
    failNext(failure = {}) {
      failures.push({ ...failure, remaining: failure.times ?? 1 });
    },
    requests: () => log.map((r) => ({ ...r })),
  };
  return fake;
}
