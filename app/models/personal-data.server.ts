import { db } from "~/db.server";
import { describeAction } from "~/domain/audit-describe";
import type { AuditActor } from "~/domain/audit-events";
import { ERASED, EXPORT_FORMAT, retentionCutoff, DEFAULT_RETENTION_MONTHS, type ErasureReason } from "~/domain/personal-data";
import type { Prisma } from "~/generated/prisma/client";
import { appendAudit, type Tx } from "~/models/audit.server";
import { erasePayeeDetails, payeeExport } from "~/models/payee-details.server";

// Lawful handling of a group's personal data: a copy of everything held about the group
// (right of access), erasure of its contact details (right to erasure, or the retention period
// ending), both audited. The bid, decision, award and payments stay, under the pseudonymous id.

const ACTOR_WORDS: Record<string, string> = {
  user: "staff",
  group: "the group",
  panellist: "a panellist",
  audience: "an audience member",
  system: "Pitchday (automatic)",
};

// why these relations: every table that holds something about the group hangs off Bid; a new
// relation added there (a decision, award or payment table gaining rows) is picked up here.
const EXPORT_INCLUDE = {
  round: { select: { title: true, slug: true, opensAt: true, closesAt: true, fund: { select: { name: true, funderName: true, currency: true } } } },
  contact: true,
  budgetLines: { orderBy: { position: "asc" } },
  versions: { orderBy: { version: "asc" } },
  slots: { select: { position: true, state: true, event: { select: { title: true, startsAt: true, venue: true } } } },
  scoreSheets: {
    orderBy: [{ submittedAt: "asc" }, { version: "asc" }],
    select: { version: true, current: true, comment: true, submittedAt: true, items: { select: { value: true, criterion: { select: { name: true } } } } },
  },
  decision: true,
  award: {
    include: {
      payments: { orderBy: { createdAt: "asc" } },
      // why the photos' details only: their bytes are in storage; the group has them.
      report: { include: { spend: true, photos: { select: { caption: true, contentType: true, sizeBytes: true, createdAt: true } } } },
    },
  },
  recipient: true,
} satisfies Prisma.BidInclude;

export type GroupDataExport = Awaited<ReturnType<typeof buildExport>>;

async function buildExport(tx: Tx, bidId: string, now: Date) {
  const bid = await tx.bid.findUnique({ where: { id: bidId }, include: EXPORT_INCLUDE });
  if (!bid) return null;
  // why left out: the edit token's hash is a secret, not information about the group.
  const { editTokenHash: _secret, round, contact, budgetLines, versions, slots, scoreSheets, decision, award, recipient, ...fields } = bid;
  const related: Prisma.AuditEntryWhereInput[] = [
    { subjectType: "bid", subjectId: bid.id },
    { actorType: "group", actorId: bid.id },
    { payload: { path: ["bidId"], equals: bid.id } },
  ];
  if (award) {
    related.push({ subjectType: "award", subjectId: award.id }, { payload: { path: ["awardId"], equals: award.id } });
    if (award.payments.length) related.push({ subjectType: "payment", subjectId: { in: award.payments.map((p) => p.id) } });
  }
  const history = await tx.auditEntry.findMany({ where: { OR: related }, orderBy: { seq: "asc" } });
  // why opened here: the group is owed its bank details as it gave them, not their ciphertext.
  const payeeDetails = await payeeExport(tx, bid.id);
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    about:
      "Everything Pitchday holds about this group's bid. Staff are named by their part (staff, panellist), not by name. " +
      "Panellists' scores and comments are included without saying who gave them.",
    bid: { ...fields, round: { title: round.title, slug: round.slug, opensAt: round.opensAt, closesAt: round.closesAt }, fund: round.fund },
    contact: contact && { name: contact.name, email: contact.email, phone: contact.phone, erasedAt: contact.erasedAt },
    budgetLines: budgetLines.map((line) => ({ position: line.position, item: line.item, amountPence: line.amountPence })),
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt, snapshot: v.snapshot })),
    pitchSlots: slots,
    scores: scoreSheets.map((sheet) => ({
      version: sheet.version,
      current: sheet.current,
      submittedAt: sheet.submittedAt,
      comment: sheet.comment,
      scores: sheet.items.map((item) => ({ criterion: item.criterion.name, value: item.value })),
    })),
    decision,
    award,
    recipient,
    payeeDetails,
    history: history.map((entry) => ({
      seq: entry.seq,
      at: entry.at,
      what: describeAction(entry.action),
      action: entry.action,
      by: ACTOR_WORDS[entry.actorType] ?? entry.actorType,
      details: entry.payload,
    })),
  };
}

/**
 * Everything held about one group, as JSON-ready data, and an audit entry saying it was
 * exported (and by whom). Null when there is no such bid.
 */
export async function exportGroupData(bidId: string, actor: AuditActor, now = new Date()) {
  return db().$transaction(async (tx) => {
    const data = await buildExport(tx, bidId, now);
    if (!data) return null;
    await appendAudit(tx, {
      actor,
      action: "personal_data.exported",
      subject: { type: "bid", id: bidId },
      payload: { pseudonymId: data.bid.pseudonymId },
      at: now,
    });
    return { data, filename: `pitchday-${data.bid.reference}-data.json` };
  });
}

/** What the personal-data page shows: whose bid, whether it has contact details, and if they were erased. */
export async function personalDataSummary(bidId: string) {
  return db().bid.findUnique({
    where: { id: bidId },
    select: {
      id: true,
      reference: true,
      groupName: true,
      language: true,
      pseudonymId: true,
      round: { select: { id: true, title: true, closesAt: true, fund: { select: { timeZone: true } } } },
      contact: { select: { name: true, email: true, phone: true, erasedAt: true } },
      award: { select: { status: true } },
    },
  });
}

export type EraseResult =
  | { ok: true; erasedAt: Date; mailRedacted: number }
  | { ok: false; reason: "not_found" | "no_contact" | "already_erased"; erasedAt?: Date };

interface Erasure {
  reason: ErasureReason;
  note?: string;
  retentionMonths?: number;
}

async function erase(tx: Tx, bidId: string, actor: AuditActor, erasure: Erasure, now: Date): Promise<EraseResult> {
  const bid = await tx.bid.findUnique({ where: { id: bidId }, select: { id: true, reference: true, pseudonymId: true, contact: true } });
  if (!bid) return { ok: false, reason: "not_found" };
  if (!bid.contact) return { ok: false, reason: "no_contact" };
  // why conditional: two people erasing at once must not both write an audit entry.
  const { count } = await tx.bidContact.updateMany({
    where: { bidId, erasedAt: null },
    data: { name: ERASED, email: ERASED, phone: null, erasedAt: now },
  });
  if (count !== 1) {
    const current = await tx.bidContact.findUnique({ where: { bidId }, select: { erasedAt: true } });
    return { ok: false, reason: "already_erased", erasedAt: current?.erasedAt ?? undefined };
  }
  // why: the name typed when accepting an award's conditions is personal data too.
  await tx.award.updateMany({ where: { bidId, acceptedBy: { not: null } }, data: { acceptedBy: ERASED } });
  await erasePayeeDetails(tx, bidId, now);
  const reportContact = await eraseReportContact(tx, bidId);
  let mailRedacted = await redactMail(tx, bid.contact.email, bid.reference);
  if (reportContact && reportContact.toLowerCase() !== bid.contact.email.trim().toLowerCase()) {
    mailRedacted += await redactMail(tx, reportContact, bid.reference);
  }
  await appendAudit(tx, {
    actor,
    action: "personal_data.erased",
    subject: { type: "bid", id: bid.id },
    payload: {
      pseudonymId: bid.pseudonymId,
      reason: erasure.reason,
      ...(erasure.note ? { note: erasure.note } : {}),
      ...(erasure.retentionMonths !== undefined ? { retentionMonths: erasure.retentionMonths } : {}),
      mailRedacted,
    },
    at: now,
  });
  return { ok: true, erasedAt: now, mailRedacted };
}

/** Blanks the contact the group gave on its end-of-grant report; returns the email it had, if any. */
async function eraseReportContact(tx: Tx, bidId: string): Promise<string | null> {
  const report = await tx.grantReport.findFirst({ where: { award: { bidId } }, select: { id: true, contactEmail: true } });
  if (!report) return null;
  await tx.grantReport.update({ where: { id: report.id }, data: { contactName: ERASED, contactEmail: ERASED, contactPhone: "" } });
  return report.contactEmail.trim() || null;
}

/**
 * The emails Pitchday wrote to the contact about this bid hold their name and address too.
 * Sent ones are blanked (the subject, which names only the reference, stays as a record that
 * they were sent); ones still waiting are dropped, as they must not go out any more.
 */
async function redactMail(tx: Tx, email: string, reference: string) {
  const about: Prisma.MailMessageWhereInput = {
    to: { equals: email.trim(), mode: "insensitive" },
    OR: [{ subject: { contains: reference } }, { text: { contains: reference } }],
  };
  const dropped = await tx.mailMessage.deleteMany({ where: { ...about, sentAt: null } });
  const blanked = await tx.mailMessage.updateMany({ where: { ...about, sentAt: { not: null } }, data: { to: ERASED, text: ERASED } });
  return dropped.count + blanked.count;
}

/** Erases one group's contact details at a staff member's request, audited in the same transaction. */
export function eraseGroupContact(bidId: string, actor: AuditActor, erasure: { reason: ErasureReason; note?: string }, now = new Date()) {
  return db().$transaction((tx) => erase(tx, bidId, actor, { reason: erasure.reason, note: erasure.note }, now));
}

// why: an award still being paid needs the contact to reach the group; its details are kept
// until the award is paid or cancelled, and the next run erases them.
const OPEN_AWARD = ["OFFERED", "ACCEPTED"] as const;

export interface ExpiredContact {
  bidId: string;
  reference: string;
  roundTitle: string;
  roundClosedAt: Date;
  keptBecause: string | null;
}

/** Contacts still held for bids whose round closed more than `retentionMonths` ago. */
export async function findExpiredContacts(now: Date, retentionMonths = DEFAULT_RETENTION_MONTHS): Promise<ExpiredContact[]> {
  const bids = await db().bid.findMany({
    where: { round: { closesAt: { lt: retentionCutoff(now, retentionMonths) } }, contact: { is: { erasedAt: null } } },
    select: { id: true, reference: true, round: { select: { title: true, closesAt: true } }, award: { select: { status: true } } },
    orderBy: [{ round: { closesAt: "asc" } }, { reference: "asc" }],
  });
  return bids.map((bid) => ({
    bidId: bid.id,
    reference: bid.reference,
    roundTitle: bid.round.title,
    roundClosedAt: bid.round.closesAt,
    keptBecause: bid.award && (OPEN_AWARD as readonly string[]).includes(bid.award.status) ? "its award is still being paid" : null,
  }));
}

/**
 * Erases the contact details of every bid whose round closed more than `retentionMonths` ago
 * (the scheduled clean-up, audited as Pitchday), one transaction per bid so a failure part way
 * leaves every finished erasure in place.
 */
export async function eraseExpiredContacts(now: Date, retentionMonths = DEFAULT_RETENTION_MONTHS) {
  const due = await findExpiredContacts(now, retentionMonths);
  const erased: ExpiredContact[] = [];
  const kept: ExpiredContact[] = [];
  for (const contact of due) {
    if (contact.keptBecause) {
      kept.push(contact);
      continue;
    }
    const result = await db().$transaction((tx) => erase(tx, contact.bidId, { type: "system" }, { reason: "retention", retentionMonths }, now));
    // why not an error: someone may have erased it by hand since the list was read.
    if (result.ok) erased.push(contact);
  }
  return { erased, kept };
}
