import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { filterCounts, type BidStatusValue } from "~/domain/bid-review";
import { changedFields, LOCKING_EVENT_STATES, type RoundFormData } from "~/domain/fund";
import { appendAudit, type Tx } from "~/models/audit.server";
import { Prisma } from "~/generated/prisma/client";
import type { SaveResult } from "~/models/fund.server";
import { RULE_FIELDS } from "~/domain/round-rule-fields";

export interface CriterionInput {
  name: string;
  guidance: string;
  weight: number;
  scaleMin: number;
  scaleMax: number;
}

export type RoundInput = Omit<Prisma.RoundUncheckedCreateInput, "id" | "createdAt" | "updatedAt" | "criteria"> & {
  criteria: CriterionInput[];
};

export class RoundSlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`The web address name "${slug}" is already used by another round.`);
  }
}

export function slugTakenMessage(slug: string) {
  return `Another round already uses "${slug}": choose a different web address name`;
}

// The round's own details and its decision rule: none of these are about a person.
const DETAIL_FIELDS = ["title", "slug", "opensAt", "closesAt", "description", "eligibility", "bilingual", "titleCy", "descriptionCy", "eligibilityCy"] as const;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

async function slugTaken(tx: Tx, slug: string, exceptRoundId?: string) {
  const other = await tx.round.findUnique({ where: { slug }, select: { id: true } });
  return Boolean(other && other.id !== exceptRoundId);
}

/** Creates a round with its criteria. Throws RoundSlugTakenError when the slug is in use. */
export async function createRound(input: RoundInput, actor: AuditActor) {
  const { criteria, ...round } = input;
  try {
    return await db().$transaction(async (tx) => {
      if (await slugTaken(tx, round.slug)) throw new RoundSlugTakenError(round.slug);
      const created = await tx.round.create({
        data: { ...round, criteria: { create: criteria.map((c, position) => ({ ...c, position })) } },
      });
      await appendAudit(tx, {
        actor,
        action: "round.created",
        subject: { type: "round", id: created.id },
        payload: {
          fundId: created.fundId,
          title: created.title,
          slug: created.slug,
          opensAt: created.opensAt.toISOString(),
          closesAt: created.closesAt.toISOString(),
          // why: decisions are judged on what the round said, in each language it said it.
          description: created.description,
          eligibility: created.eligibility,
          bilingual: created.bilingual,
          titleCy: created.titleCy,
          descriptionCy: created.descriptionCy,
          eligibilityCy: created.eligibilityCy,
        },
      });
      return created;
    });
  } catch (error) {
    // why: two organisers choosing the same slug at once both pass the check; the unique index decides.
    if (isUniqueViolation(error)) throw new RoundSlugTakenError(round.slug);
    throw error;
  }
}

/** The round form's create: errors come back for the form instead of being thrown. */
export async function addRound(fundId: string, data: RoundFormData, actor: AuditActor): Promise<SaveResult<{ id: string }>> {
  try {
    const round = await createRound(
      { ...data, fundId, criteria: data.criteria.map(({ id: _ignored, ...c }) => c) },
      actor,
    );
    return { ok: true, value: { id: round.id }, changed: [] };
  } catch (error) {
    if (error instanceof RoundSlugTakenError) return { ok: false, errors: { slug: slugTakenMessage(error.slug) } };
    throw error;
  }
}

export async function getRound(id: string) {
  const round = await db().round.findUnique({
    where: { id },
    include: {
      fund: true,
      criteria: { orderBy: { position: "asc" } },
      events: { select: { id: true, title: true, state: true, startsAt: true }, orderBy: { startsAt: "asc" } },
    },
  });
  if (!round) return null;
  return { ...round, ruleLocked: round.events.some((e) => (LOCKING_EVENT_STATES as readonly string[]).includes(e.state)) };
}

/** How many bids of the round are in each status, and in each tab of the bid list. */
export async function roundBidCounts(roundId: string) {
  const groups = await db().bid.groupBy({ by: ["status"], where: { roundId }, _count: { _all: true } });
  const byStatus: Partial<Record<BidStatusValue, number>> = {};
  for (const g of groups) byStatus[g.status] = g._count._all;
  return { byStatus, byFilter: filterCounts(byStatus) };
}

function sameMinute(a: Date, b: Date) {
  return Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000);
}

function criterionShape(c: CriterionInput) {
  return { name: c.name, guidance: c.guidance, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax };
}

/**
 * Saves an edited round. Criteria keep their ids when edited in place (scores refer to them).
 * Once a live event of the round has started, the criteria and the decision rule are fixed.
 */
export async function updateRound(id: string, data: RoundFormData, actor: AuditActor): Promise<SaveResult<{ id: string }> | null> {
  try {
    return await db().$transaction(async (tx) => {
      // why: holds the round while its rule is checked and saved; starting an event should take
      // the same lock, so the rule cannot change under a panel that has begun scoring.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Round" WHERE id = ${id} FOR UPDATE`;
      if (locked.length === 0) return null;
      const current = await tx.round.findUnique({
        where: { id },
        include: { criteria: { orderBy: { position: "asc" } }, events: { select: { title: true, state: true } } },
      });
      if (!current) return null;
      const errors: Record<string, string> = {};
      if (await slugTaken(tx, data.slug, id)) errors.slug = slugTakenMessage(data.slug);
      // why: the form shows times to the minute; a stored time with seconds that shows as the
      // same minute has not been changed by the organiser, so it is kept as it was.
      data = {
        ...data,
        opensAt: sameMinute(data.opensAt, current.opensAt) ? current.opensAt : data.opensAt,
        closesAt: sameMinute(data.closesAt, current.closesAt) ? current.closesAt : data.closesAt,
      };

      const changes = changedFields(current, data, [...DETAIL_FIELDS, ...RULE_FIELDS]);
      const criteriaBefore = current.criteria.map(criterionShape);
      const criteriaAfter = data.criteria.map(criterionShape);
      const criteriaChanged =
        JSON.stringify(criteriaBefore) !== JSON.stringify(criteriaAfter) ||
        data.criteria.some((c, i) => c.id !== undefined && c.id !== current.criteria[i]?.id);

      const live = current.events.find((e) => (LOCKING_EVENT_STATES as readonly string[]).includes(e.state));
      if (live) {
        const lockedMessage = `cannot change now: the event "${live.title}" has started. Scores already given use them as they are.`;
        if (criteriaChanged) errors.criteria = `The assessment criteria ${lockedMessage}`;
        if (RULE_FIELDS.some((f) => f in changes)) errors.rule = `The decision rule ${lockedMessage}`;
      }

      const keep = new Map(current.criteria.map((c) => [c.id, c]));
      const kept = new Set(data.criteria.map((c) => c.id).filter((v): v is string => Boolean(v && keep.has(v))));
      const removed = current.criteria.filter((c) => !kept.has(c.id));
      if (criteriaChanged && removed.length > 0) {
        const scored = await tx.scoreItem.findFirst({
          where: { criterionId: { in: removed.map((c) => c.id) } },
          select: { criterion: { select: { name: true } } },
        });
        if (scored) {
          errors.criteria ??= `The criterion "${scored.criterion.name}" has scores against it, so it cannot be removed`;
        }
      }
      if (Object.keys(errors).length > 0) return { ok: false as const, errors };

      if (criteriaChanged) changes.criteria = criteriaAfter;
      const changed = Object.keys(changes);
      if (changed.length === 0) return { ok: true as const, value: { id }, changed };

      const { criteria, ...fields } = data;
      await tx.round.update({ where: { id }, data: fields });
      if (criteriaChanged) {
        if (removed.length > 0) await tx.criterion.deleteMany({ where: { id: { in: removed.map((c) => c.id) } } });
        const updated = new Set<string>();
        for (const [position, c] of criteria.entries()) {
          const row = { ...criterionShape(c), position };
          if (c.id && kept.has(c.id) && !updated.has(c.id)) {
            updated.add(c.id);
            await tx.criterion.update({ where: { id: c.id }, data: row });
          } else {
            await tx.criterion.create({ data: { ...row, roundId: id } });
          }
        }
      }
      await appendAudit(tx, {
        actor,
        action: "round.updated",
        subject: { type: "round", id },
        payload: { changes },
      });
      return { ok: true as const, value: { id }, changed };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { slug: slugTakenMessage(data.slug) } };
    throw error;
  }
}
