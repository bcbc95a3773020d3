import { randomBytes } from "node:crypto";
import { db } from "~/db.server";
import type { BidStatusValue } from "~/domain/bid-review";
import { createFund } from "~/models/fund.server";
import { createRound, type RoundInput } from "~/models/round.server";

// Test data for the organiser's models: a fund, rounds and bids written straight to the
// database (the public bid journey is tested on its own), and a staff user to act as.

let counter = 0;
function unique() {
  counter += 1;
  return `${Date.now().toString(36)}${counter}${randomBytes(2).toString("hex")}`;
}

export async function makeOrganiser(name = "Olu Organiser") {
  const user = await db().user.create({
    data: { email: `organiser-${unique()}@example.test`, name, roles: ["ORGANISER"] },
  });
  return { user, actor: { type: "user" as const, id: user.id } };
}

export async function makeFund(actor: { type: "user"; id: string }, overrides: Partial<Parameters<typeof createFund>[0]> = {}) {
  return createFund(
    {
      name: "Test Community Chest",
      potPence: 1_000_000,
      currency: "GBP",
      minAwardPence: 20_000,
      maxAwardPence: 500_000,
      funderName: "Test Town Council",
      funderOrgId: "GB-LAE-TST",
      grantIdPrefix: "360G-testtc",
      ...overrides,
    },
    actor,
  );
}

export const CRITERIA = [
  { name: "Need", guidance: "Is there a clear local need?", weight: 3, scaleMin: 1, scaleMax: 5 },
  { name: "Difference", guidance: "How much difference will it make?", weight: 2, scaleMin: 1, scaleMax: 5 },
];

export async function makeRound(
  fundId: string,
  actor: { type: "user"; id: string },
  overrides: Partial<RoundInput> = {},
) {
  return createRound(
    {
      fundId,
      title: "Test round",
      slug: `round-${unique()}`,
      opensAt: new Date("2026-09-01T08:00:00Z"),
      closesAt: new Date("2026-10-31T17:00:00Z"),
      criteria: CRITERIA,
      ...overrides,
    },
    actor,
  );
}

export interface BidSeed {
  status?: BidStatusValue;
  groupName?: string;
  reference?: string;
  amountRequestedPence?: number;
  submittedAt?: Date | null;
  contact?: { name: string; email: string; phone?: string | null } | null;
}

export async function makeBid(roundId: string, seed: BidSeed = {}) {
  const status = seed.status ?? "SUBMITTED";
  const reference = seed.reference ?? `PD-T-${unique().toUpperCase()}`;
  const submittedAt =
    seed.submittedAt !== undefined ? seed.submittedAt : status === "DRAFT" ? null : new Date("2026-10-01T10:00:00Z");
  const amount = seed.amountRequestedPence ?? 250_000;
  const contact = seed.contact === undefined ? { name: "Sam Contact", email: "sam@example.test", phone: "01454 000000" } : seed.contact;
  return db().bid.create({
    data: {
      roundId,
      reference,
      status,
      editTokenHash: randomBytes(32).toString("hex"),
      version: status === "DRAFT" ? 0 : 1,
      groupName: seed.groupName ?? "Thornbury Scouts",
      groupType: "CONSTITUTED_GROUP",
      area: "Thornbury",
      projectTitle: "New tents for the scout hut",
      summary: "Four new tents.",
      amountRequestedPence: amount,
      submittedAt,
      withdrawnAt: status === "WITHDRAWN" ? new Date("2026-10-02T10:00:00Z") : null,
      contact: contact ? { create: { name: contact.name, email: contact.email, phone: contact.phone ?? null } } : undefined,
      budgetLines: {
        create: [
          { position: 0, item: "Tents", amountPence: amount - 50_000 },
          { position: 1, item: "Pegs and groundsheets", amountPence: 50_000 },
        ],
      },
      versions:
        status === "DRAFT"
          ? undefined
          : { create: [{ version: 1, snapshot: { projectTitle: "New tents for the scout hut", amountRequestedPence: amount } }] },
    },
  });
}

export async function makeEvent(roundId: string, state: "DRAFT" | "READY" | "LIVE" | "SCORING_CLOSED" | "DECIDED", title = "Pitch night") {
  return db().event.create({
    data: { roundId, title, startsAt: new Date("2026-11-20T18:00:00Z"), venue: "Town Hall", joinCode: unique().slice(-8).toUpperCase(), state },
  });
}

export function auditFor(subjectType: string, subjectId: string) {
  return db().auditEntry.findMany({ where: { subjectType, subjectId }, orderBy: { seq: "asc" } });
}
