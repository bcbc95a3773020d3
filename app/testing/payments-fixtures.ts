import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { db } from "~/db.server";
import type { Actor } from "~/domain/permissions";
import { acceptAwardForGroup } from "~/models/award.server";
import { revealAwards } from "~/models/award-reveal.server";
import { offerAward } from "~/coordinators/payments/awards.server";
import { confirmDecisions, recordDecision } from "~/models/decision.server";
import { createOnboardingLink } from "~/coordinators/payments/recipients.server";
import { action as stripeWebhook } from "~/routes/webhooks.stripe";
import { configureStripe } from "~/services/payments/stripe.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeStaff } from "~/testing/live-fixtures";
import { startStripeFake, type StripeFake } from "~/testing/stripe-fake";

// Test data after the pitch: an event whose scoring has closed (fund, round, criteria, bids
// with contacts, panel and score sheets written straight to the database), funders to act as,
// an award accepted by its group, and the Stripe fake wired to the app's webhook route.

let counter = 0;
const unique = () => `${Date.now().toString(36)}${++counter}${randomBytes(2).toString("hex")}`;

export async function makeFunder(name = "Fran Funder"): Promise<Actor & { name: string }> {
  const user = await db().user.create({ data: { email: `funder-${unique()}@example.test`, name, roles: ["FUNDER"] } });
  return { id: user.id, roles: ["FUNDER"], name };
}

export interface ScoredBid {
  amountPence: number | null;
  /** One [Need, Plan] pair per panellist (Need 1-5, Plan 1-5); null for no sheet. */
  scores: ([number, number] | null)[];
  email?: string | null;
}

export interface ScoredEventOptions {
  potPence?: number;
  minAwardPence?: number;
  maxAwardPence?: number;
  quorum?: number;
  partFundingAllowed?: boolean;
  partFundingMinPercent?: number;
  state?: "LIVE" | "SCORING_CLOSED" | "DECIDED";
  bids: ScoredBid[];
}

/** Bids are returned in the order given; their references sort the same way. */
export async function makeScoredEvent(options: ScoredEventOptions) {
  const fund = await db().fund.create({
    data: {
      name: "Test Chest",
      potPence: options.potPence ?? 1_000_000,
      minAwardPence: options.minAwardPence ?? 10_000,
      maxAwardPence: options.maxAwardPence ?? 500_000,
      funderName: "Test Council",
      funderOrgId: "GB-LAE-TST",
      grantIdPrefix: "360G-test",
    },
  });
  const round = await db().round.create({
    data: {
      fundId: fund.id,
      title: "Spring grants",
      slug: `pay-${unique()}`,
      opensAt: new Date("2027-01-01T09:00:00Z"),
      closesAt: new Date("2027-03-01T17:00:00Z"),
      quorum: options.quorum ?? 2,
      partFundingAllowed: options.partFundingAllowed ?? false,
      partFundingMinPercent: options.partFundingMinPercent ?? 50,
      criteria: {
        create: [
          { position: 0, name: "Need", weight: 1, scaleMin: 1, scaleMax: 5 },
          { position: 1, name: "Plan", weight: 1, scaleMin: 1, scaleMax: 5 },
        ],
      },
    },
    include: { criteria: { orderBy: { position: "asc" } } },
  });
  const event = await db().event.create({
    data: {
      roundId: round.id,
      title: "Pitch night",
      startsAt: new Date("2027-05-14T18:00:00Z"),
      venue: "Village Hall",
      joinCode: unique().slice(-8).toUpperCase(),
      state: options.state ?? "SCORING_CLOSED",
    },
  });
  const panelSize = Math.max(0, ...options.bids.map((b) => b.scores.length));
  const panellists = [];
  for (let i = 0; i < panelSize; i++) {
    panellists.push(
      await db().panellist.create({ data: { eventId: event.id, name: `Panellist ${i + 1}`, inviteTokenHash: randomBytes(32).toString("hex") } }),
    );
  }
  const prefix = `PD-T${unique().toUpperCase()}`;
  const bids = [];
  for (const [i, seed] of options.bids.entries()) {
    const email = seed.email === undefined ? `group${i + 1}@example.test` : seed.email;
    const bid = await db().bid.create({
      data: {
        roundId: round.id,
        reference: `${prefix}-${String(i).padStart(3, "0")}`,
        status: "SHORTLISTED",
        editTokenHash: randomBytes(32).toString("hex"),
        groupName: `Group ${i + 1}`,
        projectTitle: `Project ${i + 1}`,
        amountRequestedPence: seed.amountPence,
        submittedAt: new Date(Date.UTC(2027, 1, 1, 10, i)),
        contact: email ? { create: { name: `Contact ${i + 1}`, email } } : undefined,
      },
    });
    const slot = await db().slot.create({ data: { eventId: event.id, bidId: bid.id, position: i, state: "LOCKED", lockedAt: new Date() } });
    for (const [p, pair] of seed.scores.entries()) {
      if (!pair) continue;
      await db().scoreSheet.create({
        data: {
          panellistId: panellists[p].id,
          bidId: bid.id,
          slotId: slot.id,
          version: 1,
          clientMutationId: `m-${unique()}`,
          items: { create: round.criteria.map((c, k) => ({ criterionId: c.id, value: pair[k] })) },
        },
      });
    }
    bids.push(bid);
  }
  return { fund, round, event, bids, panellists };
}

/** Every panellist gives the same pair: bids listed first score higher when pairs descend. */
export const scores = (pair: [number, number], panel = 2): [number, number][] => Array.from({ length: panel }, () => pair);

/** Confirms the event's decisions and has its chair reveal every award, as in the hall: only then may awards be offered. */
export async function confirmAndReveal(eventId: string, decider: Actor) {
  const confirmed = await confirmDecisions(eventId, decider);
  if (!confirmed.ok) throw new Error(confirmed.message);
  const chair = await makeStaff();
  const revealed = await revealAwards(eventId, "all", { id: chair.user.id, roles: ["ORGANISER"] });
  if (!revealed.ok) throw new Error(revealed.message);
  return confirmed;
}

/** A funded bid whose decision is confirmed and revealed, with its award issued and accepted by the group. */
export async function makeAcceptedAward(options: { amountPence?: number; decider?: Actor & { name: string }; email?: string | null } = {}) {
  const amount = options.amountPence ?? 100_000;
  const setup = await makeScoredEvent({ bids: [{ amountPence: amount, scores: scores([5, 5]), email: options.email }] });
  const decider = options.decider ?? (await makeFunder("Dee Decider"));
  const bid = setup.bids[0];
  const decided = await recordDecision(
    { eventId: setup.event.id, bidId: bid.id, outcome: "FUNDED", amountPence: amount, overrideReason: "", feedback: "Well done." },
    decider,
  );
  if (!decided.ok) throw new Error(decided.message);
  await confirmAndReveal(setup.event.id, decider);
  const issued = await offerAward(decided.decision.id, { conditions: "Spend it on the project described in the bid; report by March." }, decider);
  if (!issued.ok) throw new Error(issued.message);
  const accepted = await acceptAwardForGroup(issued.award.id, { signedName: "Sam Treasurer", agree: "yes" }, decider);
  if (!accepted.ok) throw new Error(accepted.message);
  return { ...setup, bid, decider, decisionId: decided.decision.id, awardId: issued.award.id };
}

// ---------- Stripe: the fake, with webhooks delivered to the app's route ----------

export interface StripeHarness {
  fake: StripeFake;
  webhookUrl: string;
  /** Statuses our route answered, in order. */
  answers: { status: number; body: string }[];
  stop(): Promise<void>;
}

/** Starts the fake and a small HTTP server that hands each delivery to the webhook route. */
export async function startStripeHarness(options: { balance?: number; maxNetworkRetries?: number } = {}): Promise<StripeHarness> {
  const answers: { status: number; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://app.test${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      const response = await stripeWebhook({ request, params: {}, context: {} });
      const body = await response.text();
      answers.push({ status: response.status, body });
      res.writeHead(response.status, { "Content-Type": "text/plain" }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/stripe`;
  const fake = await startStripeFake({ balance: options.balance ?? 10_000_000, webhookUrl });
  configureStripe({
    secretKey: fake.secretKey,
    webhookSecret: fake.webhookSecret,
    apiBase: fake.url,
    maxNetworkRetries: options.maxNetworkRetries ?? 0,
  });
  return {
    fake,
    webhookUrl,
    answers,
    async stop() {
      configureStripe(undefined);
      await fake.stop();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A recipient whose Stripe onboarding is finished (account made through the fake's API). */
export async function onboardRecipient(fake: StripeFake, bidId: string) {
  const link = await createOnboardingLink(bidId, { refreshUrl: "http://app.test/refresh", returnUrl: "http://app.test/return" }, { type: "group", id: bidId });
  if (!link.ok) throw new Error(link.message);
  fake.completeOnboarding(link.accountId);
  await fake.webhooksSettled();
  return link.accountId;
}

/**
 * A Stripe fake for one test file: started before its tests, each test's webhooks settled after
 * it, stopped (with the live bus) at the end. Returns the running harness.
 */
export function useStripeHarness(options: { balance?: number } = { balance: 100_000_000 }): () => StripeHarness {
  let harness: StripeHarness | undefined;
  beforeAll(async () => {
    harness = await startStripeHarness(options);
  });
  afterEach(async () => {
    await harness?.fake.webhooksSettled();
  });
  afterAll(async () => {
    await harness?.stop();
    await closeLiveBus();
  });
  return () => {
    if (!harness) throw new Error("The Stripe harness starts before the file's tests.");
    return harness;
  };
}
