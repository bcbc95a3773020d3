import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { maskPayee, type MaskedPayee, type PayeeDetails } from "~/domain/bank/payee-details";
import type { PayeeParty } from "~/domain/bank/payee-limits";
import { MANUAL_METHODS } from "~/domain/payment";
import { payeeDetailsMail } from "~/domain/mail/payee-messages";
import { can, type Actor } from "~/domain/permissions";
import { appendAudit, type Tx } from "~/models/audit.server";
import type { Result as Outcome } from "~/domain/result";
import { groupMail, mailableBid, MONEY_TX } from "~/models/award.server";
import { queueMail } from "~/models/mail.server";
import { openPayee, payeeFingerprint, PayeeSealBroken, sealPayee } from "~/utils/payee-crypto.server";

// Where an award is paid (bank account or cheque payee), given by the group on its private page
// once it has accepted the award. Stored encrypted; every change keeps the old row (replaced),
// tells the contact address by email, and withdraws a payment approval already given, so a
// changed account always needs a fresh two-person approval.
//
// Interface:
//   payeeSummary(bidId)                   -> { payee: MaskedPayee | null (erased/unreadable), givenAt } | null
//   savePayeeDetails(bidId, details, actor)  -> { changed, same, approvalsWithdrawn } | refusal
//   payeeForPayment(awardId, staff, purpose) the whole details for preparing a payment; audited
//   openCurrentPayees(tx, bidIds), openPayeeRows(tx, ids), currentFingerprints(tx, bidIds),
//   auditBulkFileLook(tx, staff, looks)   the bank bulk-payment file's reads (models/payment-batch)
//   payeeExport(tx, bidId), erasePayeeDetails(tx, bidId, now)   personal data

const refused = (message: string) => ({ ok: false as const, message });

const current = (bidId: string) => ({ bidId, replacedAt: null });

function readable(row: { sealed: string | null; bidId: string }): PayeeDetails | null {
  if (!row.sealed) return null;
  try {
    return openPayee(row.sealed, row.bidId);
  } catch (error) {
    if (error instanceof PayeeSealBroken) return null;
    throw error;
  }
}

export async function payeeSummary(bidId: string): Promise<{ payee: MaskedPayee | null; givenAt: Date; erased: boolean } | null> {
  const row = await db().payeeDetails.findFirst({ where: current(bidId), select: { bidId: true, sealed: true, createdAt: true, erasedAt: true } });
  if (!row) return null;
  const details = readable(row);
  return { payee: details && maskPayee(details), givenAt: row.createdAt, erased: Boolean(row.erasedAt) };
}

/** Saves where the award is paid; a refusal's message is a catalogue key (bid.payee.refusal.*) for the group's page. */
export async function savePayeeDetails(
  bidId: string,
  details: PayeeDetails,
  actor: AuditActor,
): Promise<Outcome<{ changed: boolean; same: boolean; approvalsWithdrawn: string[] }>> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Award" WHERE "bidId" = ${bidId} FOR UPDATE`;
    if (rows.length === 0) return refused("bid.payee.refusal.noAward");
    const award = await tx.award.findUniqueOrThrow({
      where: { id: rows[0]!.id },
      select: { id: true, status: true, bid: { select: { ...mailableBid, parentOrgName: true } } },
    });
    if (award.status === "OFFERED") return refused("bid.payee.refusal.acceptFirst");
    if (award.status === "PAID") return refused("bid.payee.refusal.paid");
    if (award.status === "CANCELLED") return refused("bid.payee.refusal.cancelled");
    if (details.party === "PARENT" && !award.bid.parentOrgName) return refused("bid.payee.refusal.noParent");
    const fingerprint = payeeFingerprint(details);
    const previous = await tx.payeeDetails.findFirst({ where: current(bidId), select: { id: true, fingerprint: true, erasedAt: true } });
    if (previous && !previous.erasedAt && previous.fingerprint === fingerprint) {
      return { ok: true as const, changed: false, same: true, approvalsWithdrawn: [] };
    }
    const now = new Date();
    if (previous) await tx.payeeDetails.update({ where: { id: previous.id }, data: { replacedAt: now } });
    await tx.payeeDetails.create({ data: { bidId, kind: details.kind, party: details.party, sealed: sealPayee(details, bidId), fingerprint, createdAt: now } });
    const approvalsWithdrawn = previous ? await withdrawApprovals(tx, award.id, fingerprint, actor, now) : [];
    await appendAudit(tx, {
      actor,
      action: "payee.details_saved",
      subject: { type: "award", id: award.id },
      at: now,
      payload: { bidId, kind: details.kind, party: details.party, fingerprint, previousFingerprint: previous?.fingerprint ?? null, approvalsWithdrawn },
    });
    const mail = groupMail(award.bid);
    if (mail) {
      await queueMail(tx, payeeDetailsMail({ ...mail, payee: maskPayee(details), changed: Boolean(previous), approvalWithdrawn: approvalsWithdrawn.length > 0 }));
    }
    return { ok: true as const, changed: Boolean(previous), same: false, approvalsWithdrawn };
  }, MONEY_TX);
}

// why here and not in the payment model: it is the payee change that withdraws the approval, in
// the transaction that records the change, so an approval can never outlive the details it saw.
async function withdrawApprovals(tx: Tx, awardId: string, fingerprint: string, actor: AuditActor, now: Date): Promise<string[]> {
  const approved = await tx.payment.findMany({
    where: { awardId, status: "APPROVED", method: { in: [...MANUAL_METHODS] } },
    select: { id: true, method: true, amountPence: true, approvedById: true },
  });
  for (const payment of approved) {
    await tx.payment.update({ where: { id: payment.id }, data: { status: "REQUESTED", approvedById: null, approvedAt: null } });
    await appendAudit(tx, {
      actor,
      action: "payment.approval_withdrawn",
      subject: { type: "payment", id: payment.id },
      at: now,
      payload: { awardId, method: payment.method, amountPence: payment.amountPence, approvedById: payment.approvedById ?? "unknown", reason: "payee_details_changed", fingerprint },
    });
  }
  return approved.map((p) => p.id);
}

export interface PayeeForPayment {
  details: PayeeDetails | null;
  /** "unreadable": sealed under another key or tampered with; "erased": personal data erased */
  problem: "none_given" | "erased" | "unreadable" | null;
  payeeName: string;
  groupName: string;
  parentOrgName: string | null;
  givenAt: Date | null;
}

/** The whole bank details, for a funder preparing a manual payment. Each look is audited. */
export async function payeeForPayment(awardId: string, staff: Actor, purpose: "prepare_payment" | "bulk_file" = "prepare_payment"): Promise<Outcome<{ payee: PayeeForPayment }>> {
  if (!can(staff, "payment:request")) return refused("Only a funder can see where an award is paid.");
  return db().$transaction(async (tx) => {
    const award = await tx.award.findUnique({ where: { id: awardId }, select: { id: true, bid: { select: { id: true, groupName: true, parentOrgName: true } } } });
    if (!award) return refused("That award does not exist.");
    const { bid } = award;
    const row = await tx.payeeDetails.findFirst({ where: current(bid.id), select: { bidId: true, sealed: true, fingerprint: true, createdAt: true, erasedAt: true, party: true } });
    const base = { groupName: bid.groupName, parentOrgName: bid.parentOrgName, givenAt: row?.createdAt ?? null };
    if (!row) return { ok: true as const, payee: { ...base, details: null, problem: "none_given" as const, payeeName: bid.groupName } };
    const payeeName = payeeNameFor(row.party, bid);
    if (row.erasedAt) return { ok: true as const, payee: { ...base, details: null, problem: "erased" as const, payeeName } };
    const details = readable(row);
    if (!details) return { ok: true as const, payee: { ...base, details: null, problem: "unreadable" as const, payeeName } };
    await appendAudit(tx, {
      actor: { type: "user", id: staff.id },
      action: "payee.details_viewed",
      subject: { type: "award", id: awardId },
      payload: { bidId: bid.id, awardId, fingerprint: row.fingerprint, purpose },
    });
    return { ok: true as const, payee: { ...base, details, problem: null, payeeName } };
  });
}

export function payeeNameFor(party: PayeeParty, bid: { groupName: string; parentOrgName: string | null }): string {
  return party === "PARENT" && bid.parentOrgName ? bid.parentOrgName : bid.groupName;
}

export interface OpenedPayee {
  id: string;
  bidId: string;
  fingerprint: string;
  party: PayeeParty;
  /** null: erased, or sealed under another key or tampered with */
  details: PayeeDetails | null;
}

const openedSelect = { id: true, bidId: true, sealed: true, fingerprint: true, party: true } as const;
const opened = (row: { id: string; bidId: string; sealed: string | null; fingerprint: string; party: PayeeParty }): OpenedPayee => ({
  id: row.id,
  bidId: row.bidId,
  fingerprint: row.fingerprint,
  party: row.party,
  details: readable(row),
});

/** The current details of these bids, opened, by bid (the bulk-payment file; never shown whole). */
export async function openCurrentPayees(tx: Tx, bidIds: string[]): Promise<Map<string, OpenedPayee>> {
  const rows = await tx.payeeDetails.findMany({ where: { bidId: { in: bidIds }, replacedAt: null }, select: openedSelect });
  return new Map(rows.map((row) => [row.bidId, opened(row)]));
}

/** These rows of details, opened, by id: a bulk file is rebuilt from the rows it was made from. */
export async function openPayeeRows(tx: Tx, ids: string[]): Promise<Map<string, OpenedPayee>> {
  const rows = await tx.payeeDetails.findMany({ where: { id: { in: ids } }, select: openedSelect });
  return new Map(rows.map((row) => [row.id, opened(row)]));
}

/** The fingerprint of each bid's current details (what a confirmed bulk file is checked against). */
export async function currentFingerprints(tx: Tx, bidIds: string[]): Promise<Map<string, string>> {
  const rows = await tx.payeeDetails.findMany({ where: { bidId: { in: bidIds }, replacedAt: null, erasedAt: null }, select: { bidId: true, fingerprint: true } });
  return new Map(rows.map((row) => [row.bidId, row.fingerprint]));
}

/** Each download of a bulk file is a look at the details it holds: one audit entry per payee. */
export async function auditBulkFileLook(tx: Tx, staff: Actor, looks: { bidId: string; awardId: string; fingerprint: string }[]) {
  for (const look of looks) {
    await appendAudit(tx, {
      actor: { type: "user", id: staff.id },
      action: "payee.details_viewed",
      subject: { type: "award", id: look.awardId },
      payload: { ...look, purpose: "bulk_file" },
    });
  }
}

// ---------- Personal data ----------

/** Every set of details the group gave, opened, for its copy of its data. */
export async function payeeExport(tx: Tx, bidId: string) {
  const rows = await tx.payeeDetails.findMany({ where: { bidId }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({
    kind: row.kind,
    party: row.party,
    givenAt: row.createdAt,
    replacedAt: row.replacedAt,
    erasedAt: row.erasedAt,
    details: readable(row),
  }));
}

/** Blanks every stored set of details of the bid (the fingerprints stay, as in the audit log). */
export async function erasePayeeDetails(tx: Tx, bidId: string, now: Date): Promise<number> {
  const { count } = await tx.payeeDetails.updateMany({ where: { bidId, erasedAt: null }, data: { sealed: null, erasedAt: now } });
  return count;
}
