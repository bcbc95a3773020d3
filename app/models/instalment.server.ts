import { db } from "~/db.server";
import {
  fixedCount,
  instalmentProgress,
  parseSchedule,
  scheduleOf,
  type Instalment,
  type InstalmentProgress,
} from "~/domain/instalments";
import { can, type Actor } from "~/domain/permissions";
import { refused, type Result } from "~/domain/result";
import { appendAudit, type Tx } from "~/models/audit.server";
import { MONEY_TX } from "~/models/award.server";

// An award's payment schedule (see app/domain/instalments.ts for its rules). Changed only under
// the award's row lock, the same lock a payment request takes, so a schedule cannot change
// under a payment being asked for; every change is audited with the schedule before and after.
//
// Interface:
//   ensureSchedule(tx, awardId, awardPence)   the stored instalments, the single default one created if none
//   progressIn(tx, awardId, awardPence)       each instalment with its state (paid / under way / planned)
//   allInstalmentsPaid(tx, awardId)           whether the award is now paid in full
//   saveSchedule(awardId, values, staff, today)   the funder's form -> audited schedule, or errors by field
//   instalmentSelect                          what the award pages read of the schedule

export const instalmentSelect = { id: true, position: true, plannedOn: true, amountPence: true } as const;

const paymentFacts = { id: true, instalmentId: true, status: true, paidOn: true, updatedAt: true } as const;

export async function ensureSchedule(tx: Tx, awardId: string, awardPence: number): Promise<Instalment[]> {
  const stored = await tx.instalment.findMany({ where: { awardId }, orderBy: { position: "asc" }, select: instalmentSelect });
  if (stored.length) return stored;
  const created = await tx.instalment.create({ data: { awardId, position: 1, plannedOn: null, amountPence: awardPence }, select: instalmentSelect });
  // why: payments asked for before the schedule was stored belong to its one instalment.
  await tx.payment.updateMany({ where: { awardId, instalmentId: null }, data: { instalmentId: created.id } });
  return [created];
}

export async function progressIn(tx: Tx, awardId: string, awardPence: number): Promise<InstalmentProgress[]> {
  const [instalments, payments] = await Promise.all([
    tx.instalment.findMany({ where: { awardId }, orderBy: { position: "asc" }, select: instalmentSelect }),
    tx.payment.findMany({ where: { awardId }, orderBy: { createdAt: "asc" }, select: paymentFacts }),
  ]);
  return instalmentProgress(scheduleOf(awardPence, instalments), payments);
}

export async function allInstalmentsPaid(tx: Tx, awardId: string): Promise<boolean> {
  const award = await tx.award.findUniqueOrThrow({ where: { id: awardId }, select: { amountPence: true } });
  return (await progressIn(tx, awardId, award.amountPence)).every((i) => i.state === "paid");
}

const auditRow = (i: Pick<Instalment, "position" | "plannedOn" | "amountPence">) => ({
  position: i.position,
  plannedOn: i.plannedOn ? i.plannedOn.toISOString().slice(0, 10) : null,
  amountPence: i.amountPence,
});

/**
 * Replaces the instalments that are still only planned with the ones the funder typed. Paid
 * instalments, and the one whose payment is under way, stay as they are.
 */
export async function saveSchedule(
  awardId: string,
  values: Record<string, unknown>,
  staff: Actor,
  today: string,
): Promise<Result<{ unchanged: boolean }>> {
  if (!can(staff, "payment:request")) return refused("Only a funder can change an award's payment schedule.");
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Award" WHERE id = ${awardId} FOR UPDATE`;
    if (rows.length === 0) return refused("That award does not exist.");
    const award = await tx.award.findUniqueOrThrow({ where: { id: awardId }, select: { status: true, amountPence: true } });
    if (award.status === "CANCELLED") return refused("This award has been cancelled, so it has no payments to plan.");
    if (award.status === "PAID") return refused("This award has been paid in full, so its schedule can no longer change.");
    await ensureSchedule(tx, awardId, award.amountPence);
    const progress = await progressIn(tx, awardId, award.amountPence);
    const fixed = progress.slice(0, fixedCount(progress));
    const parsed = parseSchedule(values, { awardPence: award.amountPence, fixed, today });
    if (!parsed.ok) return parsed;
    const before = progress.map(auditRow);
    const after = [...fixed.map(auditRow), ...parsed.rows.map(auditRow)];
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true as const, unchanged: true };

    const replaced = progress.slice(fixed.length).map((i) => i.id as string);
    // why: a cancelled or failed payment of a planned instalment stays on the award's record;
    // it no longer names an instalment that is being replaced.
    await tx.payment.updateMany({ where: { instalmentId: { in: replaced } }, data: { instalmentId: null } });
    await tx.instalment.deleteMany({ where: { id: { in: replaced } } });
    await tx.instalment.createMany({ data: parsed.rows.map((r) => ({ awardId, position: r.position, plannedOn: r.plannedOn, amountPence: r.amountPence })) });
    await appendAudit(tx, {
      actor: { type: "user", id: staff.id },
      action: "award.schedule_set",
      subject: { type: "award", id: awardId },
      payload: { awardId, amountPence: award.amountPence, fixed: fixed.length, before, after },
    });
    return { ok: true as const, unchanged: false };
  }, MONEY_TX);
}
