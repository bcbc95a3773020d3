import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { spendAgainstBudget } from "~/domain/grant-spend";
import { grantState, paidPence, reportDueDay, reportIsEditable, type GrantFacts } from "~/domain/grant-state";
import { spentByLine, type ReportInput } from "~/domain/grant-report-forms";
import { reportReviewedMail } from "~/domain/mail/grant-messages";
import { can, type Actor } from "~/domain/permissions";
import { appendAudit, type Tx } from "~/models/audit.server";
import type { Result as Outcome } from "~/domain/result";
import { groupMail, mailableBid, mailableRound, MONEY_TX } from "~/models/award.server";
import { findBidByToken } from "~/models/bid.server";
import { queueMail } from "~/models/mail.server";

// The end-of-grant report: written by the group through its private link once the grant has
// been paid, sent, then accepted by the funder or sent back asking for more; and money the
// group returns. Every change is made under the award's row lock, so a save and the funder's
// review cannot interleave. Photos' bytes live in file storage (coordinators/grant-photos).
//
// Interface:
//   grantByToken(token) / grantById(awardId)   the grant with its bid, payments and report
//   grantFactsOf(grant)                        what the pure rules (domain/grant-state) need
//   saveReport(grant, input, { submit })       a draft, or sending it (audited)
//   reviewReport(awardId, { decision, message }, staff)   accept or ask for more (audited, emailed)
//   recordReturnedMoney(awardId, { amount, returnedOn }, staff)   (audited)
//   grantList(now)                             every award with its state, for the funder's list
//   addPhotoRecord / removePhotoRecord / photoRecord   rows for photos stored elsewhere

const grantInclude = {
  bid: {
    select: {
      id: true,
      projectTitle: true,
      budgetLines: { orderBy: { position: "asc" }, select: { id: true, item: true, amountPence: true } },
      ...mailableBid,
      round: { select: { ...mailableRound, fund: { select: { currency: true, timeZone: true, reportDueMonths: true, funderName: true } } } },
    },
  },
  payments: { select: { status: true, amountPence: true, paidOn: true, updatedAt: true }, orderBy: { createdAt: "asc" } },
  report: { include: { spend: true, photos: { orderBy: { createdAt: "asc" } } } },
} satisfies Prisma.AwardInclude;

export type Grant = Prisma.AwardGetPayload<{ include: typeof grantInclude }>;

export function grantById(awardId: string): Promise<Grant | null> {
  return db().award.findUnique({ where: { id: awardId }, include: grantInclude });
}

/** The grant behind a group's private link: only once it has been paid (the report is about spending it). */
export async function grantByToken(token: string): Promise<Grant | null> {
  const bid = await findBidByToken(token);
  if (!bid) return null;
  const grant = await db().award.findUnique({ where: { bidId: bid.id }, include: grantInclude });
  if (!grant || grant.status === "CANCELLED" || !reportDueDay(grantFactsOf(grant))) return null;
  return grant;
}

export function grantFactsOf(grant: Pick<Grant, "status" | "amountPence" | "payments" | "report" | "bid">): GrantFacts {
  return {
    awardStatus: grant.status,
    awardPence: grant.amountPence,
    payments: grant.payments,
    report: grant.report ? { status: grant.report.status, returnedPence: grant.report.returnedPence } : null,
    reportDueMonths: grant.bid.round.fund.reportDueMonths,
  };
}

export function spendOf(grant: Grant) {
  const spent = new Map((grant.report?.spend ?? []).map((s) => [s.budgetLineId, s.spentPence]));
  return spendAgainstBudget(grant.bid.budgetLines, spent, { awardedPence: grant.amountPence, returnedPence: grant.report?.returnedPence ?? 0 });
}

async function lockAward(tx: Tx, awardId: string) {
  await tx.$queryRaw`SELECT id FROM "Award" WHERE id = ${awardId} FOR UPDATE`;
  return tx.grantReport.findUnique({ where: { awardId } });
}

// why a key: the group reads it on its report page, in its language.
const LOCKED_MESSAGE = "bid.report.locked";

export async function saveReport(grant: Grant, input: ReportInput, { submit, now = new Date() }: { submit: boolean; now?: Date }): Promise<Outcome<object>> {
  const spent = spentByLine(grant.bid.budgetLines, input);
  return db().$transaction(async (tx) => {
    const current = await lockAward(tx, grant.id);
    if (!reportIsEditable(current?.status)) return { ok: false, message: LOCKED_MESSAGE };
    const fields = {
      whatWasDone: input.whatWasDone,
      participants: input.participants,
      underspendNote: input.underspendNote,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone,
      ...(submit ? { status: "SUBMITTED" as const, submittedAt: now } : {}),
    };
    const report = await tx.grantReport.upsert({ where: { awardId: grant.id }, create: { awardId: grant.id, ...fields }, update: fields });
    await tx.grantReportSpend.deleteMany({ where: { reportId: report.id } });
    await tx.grantReportSpend.createMany({ data: [...spent].map(([budgetLineId, spentPence]) => ({ reportId: report.id, budgetLineId, spentPence })) });
    if (submit) {
      const summary = spendAgainstBudget(grant.bid.budgetLines, spent, { awardedPence: grant.amountPence });
      const photoCount = await tx.grantReportPhoto.count({ where: { reportId: report.id } });
      await appendAudit(tx, {
        actor: { type: "group", id: grant.bid.id },
        action: "grant_report.submitted",
        subject: { type: "award", id: grant.id },
        payload: { awardId: grant.id, bidId: grant.bid.id, spentPence: summary.spentPence, underspendPence: summary.underspendPence, participants: input.participants, photoCount },
        at: now,
      });
    }
    return { ok: true };
  }, MONEY_TX);
}

export async function reviewReport(awardId: string, input: { decision: "accept" | "more"; message: string }, staff: Actor, now = new Date()): Promise<Outcome<object>> {
  if (!can(staff, "grant:review")) return { ok: false, message: "Only a funder can accept a report or ask for more." };
  return db().$transaction(async (tx) => {
    const report = await lockAward(tx, awardId);
    if (report?.status !== "SUBMITTED") return { ok: false, message: "There is no sent report waiting for an answer." };
    const accepted = input.decision === "accept";
    await tx.grantReport.update({
      where: { id: report.id },
      data: { status: accepted ? "ACCEPTED" : "MORE_REQUESTED", reviewedAt: now, reviewedById: staff.id, funderMessage: input.message },
    });
    await appendAudit(tx, accepted
      ? { actor: { type: "user", id: staff.id }, action: "grant_report.accepted", subject: { type: "award", id: awardId }, payload: { awardId, messageLength: input.message.length }, at: now }
      : { actor: { type: "user", id: staff.id }, action: "grant_report.more_requested", subject: { type: "award", id: awardId }, payload: { awardId, message: input.message }, at: now });
    const award = await tx.award.findUniqueOrThrow({ where: { id: awardId }, select: { bid: { select: mailableBid } } });
    const context = groupMail(award.bid);
    if (context) await queueMail(tx, reportReviewedMail({ ...context, accepted, message: input.message }));
    return { ok: true };
  }, MONEY_TX);
}

export async function recordReturnedMoney(awardId: string, input: { amount: number; returnedOn: Date }, staff: Actor, now = new Date()): Promise<Outcome<object>> {
  if (!can(staff, "grant:review")) return { ok: false, message: "Only a funder can record returned money." };
  return db().$transaction(async (tx) => {
    const report = await lockAward(tx, awardId);
    const payments = await tx.payment.findMany({ where: { awardId }, select: { status: true, amountPence: true, paidOn: true, updatedAt: true } });
    const already = report?.returnedPence ?? 0;
    const total = already + input.amount;
    if (total > paidPence(payments)) {
      return { ok: false, message: "Check the amount.", errors: { amount: "That is more than the group was paid, less what it has returned already" } };
    }
    const data = { returnedPence: total, returnedOn: input.returnedOn };
    await tx.grantReport.upsert({ where: { awardId }, create: { awardId, ...data }, update: data });
    await appendAudit(tx, {
      actor: { type: "user", id: staff.id },
      action: "grant.money_returned",
      subject: { type: "award", id: awardId },
      payload: { awardId, amountPence: input.amount, totalReturnedPence: total, returnedOn: input.returnedOn.toISOString().slice(0, 10) },
      at: now,
    });
    return { ok: true };
  }, MONEY_TX);
}

/** Every award (not merely offered) with where it stands, newest first. */
export async function grantList(now: Date) {
  const grants = await db().award.findMany({ where: { status: { not: "OFFERED" } }, include: grantInclude, orderBy: { createdAt: "desc" } });
  return grants.map((grant) => ({ grant, state: grantState(grantFactsOf(grant), now), dueDay: reportDueDay(grantFactsOf(grant)) }));
}

// ---------- Photos (rows only; their bytes are in file storage) ----------

/** A new key for a photo's bytes, and whether one more photo may be added now. */
export async function photoSlot(grant: Grant) {
  const report = await db().grantReport.findUnique({ where: { awardId: grant.id }, include: { _count: { select: { photos: true } } } });
  return { editable: reportIsEditable(report?.status), count: report?._count.photos ?? 0, key: `photo-${randomUUID()}` };
}

export async function addPhotoRecord(grant: Grant, photo: { storageKey: string; contentType: string; sizeBytes: number; caption: string }): Promise<Outcome<object>> {
  return db().$transaction(async (tx) => {
    const current = await lockAward(tx, grant.id);
    if (!reportIsEditable(current?.status)) return { ok: false, message: LOCKED_MESSAGE };
    const report = current ?? (await tx.grantReport.create({ data: { awardId: grant.id } }));
    await tx.grantReportPhoto.create({ data: { reportId: report.id, ...photo } });
    return { ok: true };
  }, MONEY_TX);
}

/** Removes a photo's row; returns its storage key for the caller to delete, or null. */
export async function removePhotoRecord(grant: Grant, photoId: string): Promise<string | null> {
  return db().$transaction(async (tx) => {
    const current = await lockAward(tx, grant.id);
    if (!current || !reportIsEditable(current.status)) return null;
    const photo = await tx.grantReportPhoto.findFirst({ where: { id: photoId, reportId: current.id } });
    if (!photo) return null;
    await tx.grantReportPhoto.delete({ where: { id: photo.id } });
    return photo.storageKey;
  }, MONEY_TX);
}

export function photoRecord(awardId: string, photoId: string) {
  return db().grantReportPhoto.findFirst({ where: { id: photoId, report: { awardId } } });
}
