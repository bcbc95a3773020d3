import { ownWordsLang } from "~/domain/own-words";
import { createHash } from "node:crypto";
import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { BACS_FORMAT, bacsFile, bacsReferenceProblem, type BacsAccount } from "~/domain/bank/bacs-standard18";
import type { BatchCreateInput } from "~/domain/bank/batch-forms";
import { maskPayee, type MaskedPayee } from "~/domain/bank/payee-details";
import { can, type Actor } from "~/domain/permissions";
import { refused, type Result } from "~/domain/result";
import { appendAudit, type Tx } from "~/models/audit.server";
import { MONEY_TX } from "~/models/award.server";
import { auditBulkFileLook, currentFingerprints, openCurrentPayees, openPayeeRows, payeeNameFor, type OpenedPayee } from "~/models/payee-details.server";
import { manualPaidSelect, markManualPaymentPaid } from "~/models/payment.server";

// Bank bulk-payment files (Bacs Standard 18, app/domain/bank/bacs-standard18.ts) of approved
// bank transfers. Making one records a batch: the file's sha256, its total, and for each payment
// the payee's fingerprint and the sealed details it was made from. The file itself is never
// stored: each download rebuilds it from those rows, and it must hash the same. Its payments are
// recorded as paid only when a funder confirms the bank took the file, and then only those whose
// details are unchanged since and are still approved; the rest are flagged, not paid.
// A payment is in at most one open (unconfirmed, uncancelled) file: making a file locks its
// payments' rows and checks under the lock. Only funders reach any of this.
//
// Interface (staff: the signed-in user; each function checks payment:request itself):
//   batchCandidates()                           approved bank transfers: ready for a file, or why not
//   createBatch(input, staff)                   -> { batchId } | refusal (errors.paymentIds)
//   batchFile(batchId, staff)                   -> { text, fileName parts } rebuilt; audited per payee
//   confirmBatch(batchId, { paidOn }, staff)    -> { paid, skipped } | refusal
//   cancelBatch(batchId, { reason }, staff)     -> ok | refusal
//   listBatches(), getBatch(batchId)            what the pages show (no bank details but masked ones)

const FUNDERS_ONLY = "Only a funder can work with bank bulk-payment files.";
const open = { confirmedAt: null, cancelledAt: null } as const;

const candidateSelect = {
  id: true,
  amountPence: true,
  awardId: true,
  approvedAt: true,
  award: { select: { bid: { select: { id: true, reference: true, groupName: true, language: true, parentOrgName: true, round: { select: { fund: { select: { currency: true } } } } } } } },
  batchItems: { where: { batch: open }, select: { batchId: true } },
} as const;

type CandidateRow = Awaited<ReturnType<typeof candidateRows>>[number];

function candidateRows(tx: Tx, where: { ids?: string[] }) {
  return tx.payment.findMany({
    where: { method: "BANK_TRANSFER", status: "APPROVED", award: { status: "ACCEPTED" }, ...(where.ids ? { id: { in: where.ids } } : {}) },
    orderBy: { createdAt: "asc" },
    select: candidateSelect,
  });
}

export const NOT_READY = {
  in_batch: "It is already in a bulk-payment file waiting for confirmation.",
  not_gbp: "Bacs pays pounds only, and this fund is in another currency.",
  no_details: "The group has not given its bank details yet.",
  cheque: "The group asked for a cheque, not a bank transfer.",
  unreadable: "Its bank details were erased or cannot be decrypted: ask the group to give them again.",
  reference: "Its reference cannot be used as a Bacs reference.",
} as const;

export type NotReady = keyof typeof NOT_READY;

export interface Candidate {
  paymentId: string;
  awardId: string;
  reference: string;
  groupName: string;
  /** "cy" when the group wrote in Welsh: its name is marked so. */
  lang: "cy" | undefined;
  payeeName: string;
  amountPence: number;
  currency: string;
  masked: MaskedPayee | null;
  problem: NotReady | null;
  openBatchId: string | null;
}

function classify(row: CandidateRow, payee: OpenedPayee | undefined): Candidate {
  const bid = row.award.bid;
  const details = payee?.details ?? null;
  const problem: NotReady | null = row.batchItems.length
    ? "in_batch"
    : bid.round.fund.currency !== "GBP"
      ? "not_gbp"
      : !payee
        ? "no_details"
        : !details
          ? "unreadable"
          : details.kind !== "BANK"
            ? "cheque"
            : bacsReferenceProblem(bid.reference)
              ? "reference"
              : null;
  return {
    paymentId: row.id,
    awardId: row.awardId,
    reference: bid.reference,
    groupName: bid.groupName,
    lang: ownWordsLang(bid.language),
    payeeName: payee ? payeeNameFor(payee.party, bid) : bid.groupName,
    amountPence: row.amountPence,
    currency: bid.round.fund.currency,
    masked: details ? maskPayee(details) : null,
    problem,
    openBatchId: row.batchItems[0]?.batchId ?? null,
  };
}

/** Every approved bank transfer, each ready for a file or with the reason it is not. */
export async function batchCandidates(): Promise<Candidate[]> {
  return db().$transaction(async (tx) => {
    const rows = await candidateRows(tx, {});
    const payees = await openCurrentPayees(tx, rows.map((r) => r.award.bid.id));
    return rows.map((row) => classify(row, payees.get(row.award.bid.id)));
  });
}

/** The paying account of the newest file, to fill the form in again. */
export async function lastOrigin(): Promise<BacsAccount | null> {
  const batch = await db().paymentBatch.findFirst({ orderBy: { createdAt: "desc" }, select: { originName: true, originSortCode: true, originAccountNumber: true } });
  return batch && { name: batch.originName, sortCode: batch.originSortCode, accountNumber: batch.originAccountNumber };
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const byReference = <T extends { reference: string }>(a: T, b: T) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);

export async function createBatch(input: BatchCreateInput, staff: Actor): Promise<Result<{ batchId: string }>> {
  if (!can(staff, "payment:request")) return refused(FUNDERS_ONLY);
  const ids = [...new Set(input.paymentIds)].sort();
  return db().$transaction(async (tx) => {
    // why in id order: two funders making files at once take the same locks in the same order.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Payment" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
    const rows = await candidateRows(tx, { ids });
    if (locked.length !== ids.length || rows.length !== ids.length) {
      return refused("One of the chosen payments is no longer an approved bank transfer (it was paid, cancelled, or its approval withdrawn). Reload the page and choose again.", {
        paymentIds: "Choose again from the payments listed now",
      });
    }
    const payees = await openCurrentPayees(tx, rows.map((r) => r.award.bid.id));
    const chosen = rows.map((row) => ({ row, candidate: classify(row, payees.get(row.award.bid.id)) }));
    const blocked = chosen.filter((c) => c.candidate.problem);
    if (blocked.length) {
      const [first] = blocked;
      const message = `${first.candidate.reference} (${first.candidate.groupName}) cannot go in a file: ${NOT_READY[first.candidate.problem!]}`;
      return refused(message, { paymentIds: message });
    }
    const items = chosen
      .map(({ row, candidate }) => {
        const payee = payees.get(row.award.bid.id)!;
        return { row, payee, reference: candidate.reference, details: payee.details! };
      })
      .sort(byReference);
    const file = bacsFile({
      origin: input.origin,
      processingDay: input.processingDay,
      payments: items.map((i) => ({ sortCode: i.details.sortCode!, accountNumber: i.details.accountNumber!, name: i.details.accountName!, amountPence: i.row.amountPence, reference: i.reference })),
    });
    const fileSha256 = sha256(file.text);
    const batch = await tx.paymentBatch.create({
      data: {
        format: BACS_FORMAT,
        createdById: staff.id,
        fileSha256,
        totalPence: file.totalPence,
        originName: input.origin.name,
        originSortCode: input.origin.sortCode,
        originAccountNumber: input.origin.accountNumber,
        processingDate: new Date(`${input.processingDay}T00:00:00Z`),
        items: {
          create: items.map((i) => ({ paymentId: i.row.id, fingerprint: i.payee.fingerprint, payeeDetailsId: i.payee.id, amountPence: i.row.amountPence, reference: i.reference })),
        },
      },
      select: { id: true },
    });
    await appendAudit(tx, {
      actor: { type: "user", id: staff.id },
      action: "payment.batch_exported",
      subject: { type: "payment_batch", id: batch.id },
      payload: { batchId: batch.id, paymentIds: items.map((i) => i.row.id), totalPence: file.totalPence, fileSha256, format: BACS_FORMAT },
    });
    return { ok: true as const, batchId: batch.id };
  }, MONEY_TX);
}

const batchItemsSelect = {
  paymentId: true,
  fingerprint: true,
  payeeDetailsId: true,
  amountPence: true,
  reference: true,
  outcome: true,
  payment: { select: { awardId: true, status: true, award: { select: { bid: { select: { id: true, groupName: true, language: true, parentOrgName: true } } } } } },
} as const;

/** The file, rebuilt from the rows it was made from; refused if it would not be the same bytes. */
export async function batchFile(batchId: string, staff: Actor): Promise<Result<{ text: string; processingDay: string; batchId: string }>> {
  if (!can(staff, "payment:request")) return refused(FUNDERS_ONLY);
  return db().$transaction(async (tx) => {
    const batch = await tx.paymentBatch.findUnique({ where: { id: batchId }, include: { items: { select: batchItemsSelect } } });
    if (!batch) return refused("There is no bulk-payment file at this address.");
    const rows = await openPayeeRows(tx, batch.items.map((i) => i.payeeDetailsId));
    const items = [...batch.items].sort(byReference);
    const lost = items.find((i) => !rows.get(i.payeeDetailsId)?.details);
    if (lost) return refused(`The file cannot be made again: the bank details for ${lost.reference} were erased or can no longer be decrypted.`);
    const processingDay = batch.processingDate.toISOString().slice(0, 10);
    const file = bacsFile({
      origin: { name: batch.originName, sortCode: batch.originSortCode, accountNumber: batch.originAccountNumber },
      processingDay,
      payments: items.map((i) => {
        const d = rows.get(i.payeeDetailsId)!.details!;
        return { sortCode: d.sortCode!, accountNumber: d.accountNumber!, name: d.accountName!, amountPence: i.amountPence, reference: i.reference };
      }),
    });
    if (sha256(file.text) !== batch.fileSha256) return refused("The file cannot be made again exactly as it was (its checksum differs), so it is not given out.");
    await auditBulkFileLook(tx, staff, items.map((i) => ({ bidId: i.payment.award.bid.id, awardId: i.payment.awardId, fingerprint: i.fingerprint })));
    await appendAudit(tx, { actor: { type: "user", id: staff.id }, action: "payment.batch_downloaded", subject: { type: "payment_batch", id: batchId }, payload: { batchId, fileSha256: batch.fileSha256 } });
    return { ok: true as const, text: file.text, processingDay, batchId };
  });
}

async function lockBatch(tx: Tx, batchId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "PaymentBatch" WHERE id = ${batchId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.paymentBatch.findUniqueOrThrow({ where: { id: batchId }, include: { items: { select: batchItemsSelect } } });
}

export const SKIPPED = {
  PAYEE_CHANGED: "Not paid: the bank details changed after the file was made. Check the new details with the group, then pay it again.",
  NOT_APPROVED: "Not paid: it was no longer an approved payment when the file was confirmed (its approval was withdrawn, or it was cancelled or paid another way).",
} as const;

export async function confirmBatch(batchId: string, input: { paidOn: string }, staff: Actor): Promise<Result<{ paid: string[]; skipped: string[] }>> {
  if (!can(staff, "payment:request")) return refused(FUNDERS_ONLY);
  return db().$transaction(async (tx) => {
    const batch = await lockBatch(tx, batchId);
    if (!batch) return refused("There is no bulk-payment file at this address.");
    if (batch.cancelledAt) return refused("This file was cancelled, so it cannot be confirmed.");
    if (batch.confirmedAt) return { ok: true as const, paid: batch.items.filter((i) => i.outcome === "PAID").map((i) => i.paymentId), skipped: batch.items.filter((i) => i.outcome !== "PAID").map((i) => i.paymentId) };
    const actor: AuditActor = { type: "user", id: staff.id };
    const paidOn = new Date(`${input.paidOn}T00:00:00Z`);
    const ids = batch.items.map((i) => i.paymentId).sort();
    await tx.$queryRaw`SELECT id FROM "Payment" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
    const fingerprints = await currentFingerprints(tx, batch.items.map((i) => i.payment.award.bid.id));
    const paid: string[] = [];
    const skipped: string[] = [];
    for (const item of batch.items) {
      const payment = await tx.payment.findUniqueOrThrow({ where: { id: item.paymentId }, select: { ...manualPaidSelect, status: true } });
      const outcome = fingerprints.get(item.payment.award.bid.id) !== item.fingerprint ? "PAYEE_CHANGED" : payment.status !== "APPROVED" ? "NOT_APPROVED" : "PAID";
      if (outcome === "PAID") {
        await markManualPaymentPaid(tx, payment, { reference: item.reference, paidOn }, actor);
        paid.push(item.paymentId);
      } else skipped.push(item.paymentId);
      await tx.paymentBatchItem.update({ where: { batchId_paymentId: { batchId, paymentId: item.paymentId } }, data: { outcome } });
    }
    await tx.paymentBatch.update({ where: { id: batchId }, data: { confirmedAt: new Date(), confirmedById: staff.id, paidOn } });
    await appendAudit(tx, { actor, action: "payment.batch_confirmed", subject: { type: "payment_batch", id: batchId }, payload: { batchId, paidPaymentIds: paid, skippedPaymentIds: skipped, paidOn: input.paidOn } });
    return { ok: true as const, paid, skipped };
  }, MONEY_TX);
}

export async function cancelBatch(batchId: string, input: { reason: string }, staff: Actor): Promise<Result<object>> {
  if (!can(staff, "payment:request")) return refused(FUNDERS_ONLY);
  return db().$transaction(async (tx) => {
    const batch = await lockBatch(tx, batchId);
    if (!batch) return refused("There is no bulk-payment file at this address.");
    if (batch.confirmedAt) return refused("This file was confirmed as paid, so it cannot be cancelled.");
    if (batch.cancelledAt) return { ok: true as const };
    await tx.paymentBatch.update({ where: { id: batchId }, data: { cancelledAt: new Date(), cancelledById: staff.id, cancelReason: input.reason } });
    await appendAudit(tx, {
      actor: { type: "user", id: staff.id },
      action: "payment.batch_cancelled",
      subject: { type: "payment_batch", id: batchId },
      payload: { batchId, paymentIds: batch.items.map((i) => i.paymentId), reason: input.reason },
    });
    return { ok: true as const };
  }, MONEY_TX);
}

export function listBatches() {
  return db().paymentBatch.findMany({
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, createdAt: true, createdById: true, totalPence: true, processingDate: true, confirmedAt: true, cancelledAt: true, _count: { select: { items: true } } },
  });
}

/** A file and its payments: who each is paid to, and (while open) whose details changed since. */
export async function getBatch(batchId: string) {
  return db().$transaction(async (tx) => {
    const batch = await tx.paymentBatch.findUnique({ where: { id: batchId }, include: { items: { select: batchItemsSelect } } });
    if (!batch) return null;
    const bids = batch.items.map((i) => i.payment.award.bid);
    const [parties, fingerprints, names] = await Promise.all([
      tx.payeeDetails.findMany({ where: { id: { in: batch.items.map((i) => i.payeeDetailsId) } }, select: { id: true, party: true } }),
      currentFingerprints(tx, bids.map((b) => b.id)),
      tx.user.findMany({ where: { id: { in: [batch.createdById, batch.confirmedById, batch.cancelledById].filter((id): id is string => Boolean(id)) } }, select: { id: true, name: true } }),
    ]);
    const party = new Map(parties.map((p) => [p.id, p.party]));
    const items = [...batch.items].sort(byReference).map((item) => ({
      ...item,
      payeeName: payeeNameFor(party.get(item.payeeDetailsId) ?? "GROUP", item.payment.award.bid),
      changedSince: fingerprints.get(item.payment.award.bid.id) !== item.fingerprint,
    }));
    return { ...batch, items, names: Object.fromEntries(names.map((u) => [u.id, u.name])) };
  });
}

export type BatchRecord = NonNullable<Awaited<ReturnType<typeof getBatch>>>;
