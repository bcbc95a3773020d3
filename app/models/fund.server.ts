import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { changedFields } from "~/domain/fund";
import { formatMoney } from "~/domain/money";
import { appendAudit, type Tx } from "~/models/audit.server";

export interface FundInput {
  name: string;
  potPence: number;
  currency: string;
  minAwardPence: number;
  maxAwardPence: number;
  funderName: string;
  funderOrgId: string;
  grantIdPrefix: string;
  timeZone?: string;
  /** The fund's policy on exceptions to a round's declared rules (decision-rules.ts). */
  allowRuleExceptions?: boolean;
  /** Months from the grant's first payment until its end-of-grant report is due. */
  reportDueMonths?: number;
}

// Every field of a fund is about the funder and its money, none about a person, so all of
// them may appear in the audit log.
const AUDITED_FIELDS = [
  "name",
  "potPence",
  "currency",
  "minAwardPence",
  "maxAwardPence",
  "funderName",
  "funderOrgId",
  "grantIdPrefix",
  "timeZone",
  "allowRuleExceptions",
  "reportDueMonths",
] as const;

export type SaveResult<T> = { ok: true; value: T; changed: string[] } | { ok: false; errors: Record<string, string> };

export function createFund(input: FundInput, actor: AuditActor) {
  return db().$transaction(async (tx) => {
    const fund = await tx.fund.create({ data: input });
    await appendAudit(tx, {
      actor,
      action: "fund.created",
      subject: { type: "fund", id: fund.id },
      payload: {
        name: fund.name,
        potPence: fund.potPence,
        minAwardPence: fund.minAwardPence,
        maxAwardPence: fund.maxAwardPence,
        currency: fund.currency,
      },
    });
    return fund;
  });
}

export async function listFunds() {
  const funds = await db().fund.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: {
      rounds: { select: { id: true, title: true, opensAt: true, closesAt: true }, orderBy: { opensAt: "desc" } },
    },
  });
  return funds;
}

export function getFund(id: string) {
  return db().fund.findUnique({
    where: { id },
    include: {
      rounds: {
        orderBy: [{ opensAt: "desc" }, { id: "asc" }],
        include: { _count: { select: { bids: { where: { status: { not: "DRAFT" } } } } } },
      },
    },
  });
}

/**
 * What the fund has promised so far, in pence, and to whom: awards not cancelled, and funded
 * decisions still waiting for their award (their groups may already have been told).
 */
async function committedPence(tx: Tx, fundId: string) {
  const decisions = await tx.decision.findMany({
    where: { outcome: { not: "NOT_FUNDED" }, bid: { round: { fundId } } },
    select: { amountPence: true, bid: { select: { reference: true } }, award: { select: { amountPence: true, status: true } } },
    orderBy: { bid: { reference: "asc" } },
  });
  const held = decisions
    .map((d) => ({ reference: d.bid.reference, pence: d.award ? (d.award.status === "CANCELLED" ? 0 : d.award.amountPence) : d.amountPence, award: d.award }))
    .filter((d) => d.pence > 0);
  return {
    pence: held.reduce((sum, d) => sum + d.pence, 0),
    awards: held.filter((d) => d.award).length,
    promises: held.map(({ reference, pence }) => ({ reference, pence })),
  };
}

/** "PD-2026-0001 (£2,000), PD-2026-0002 (£3,000) and 4 more": which promises a smaller pot would break. */
function namePromises(promises: { reference: string; pence: number }[], currency: string) {
  const shown = promises.slice(0, 5).map((p) => `${p.reference} (${formatMoney(p.pence, currency)})`);
  const more = promises.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}` : shown.join("");
}

/**
 * Saves an edited fund and records which fields changed. The pot can never drop below what has
 * already been promised from it (awards and funded decisions), and the currency is fixed once anything has been awarded.
 */
export async function updateFund(id: string, input: FundInput, actor: AuditActor): Promise<SaveResult<{ id: string }> | null> {
  return db().$transaction(async (tx) => {
    // why: locks the fund's row so an award being made at the same moment waits for this check.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Fund" WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) return null;
    const current = await tx.fund.findUniqueOrThrow({ where: { id } });
    const committed = await committedPence(tx, id);
    const errors: Record<string, string> = {};
    if (input.potPence < committed.pence) {
      // why refuse: these groups have been told (or will be) that the money is theirs.
      errors.pot =
        `The pot cannot be less than the ${formatMoney(committed.pence, current.currency)} already promised from it, ` +
        `to ${namePromises(committed.promises, current.currency)}. Cancel an award first if the pot must shrink`;
    }
    if (committed.awards > 0 && input.currency !== current.currency) {
      errors.currency = `The currency cannot change: ${committed.awards} award${committed.awards === 1 ? " has" : "s have"} been made in ${current.currency}`;
    }
    if (Object.keys(errors).length > 0) return { ok: false as const, errors };

    const changes = changedFields(current, { ...input, timeZone: input.timeZone ?? current.timeZone }, AUDITED_FIELDS);
    const changed = Object.keys(changes);
    if (changed.length === 0) return { ok: true as const, value: { id }, changed };
    await tx.fund.update({ where: { id }, data: input });
    await appendAudit(tx, {
      actor,
      action: "fund.updated",
      subject: { type: "fund", id },
      payload: { changes },
    });
    return { ok: true as const, value: { id }, changed };
  });
}
