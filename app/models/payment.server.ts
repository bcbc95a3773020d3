import type Stripe from "stripe";
import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { clockTime } from "~/domain/event-machine";
import { formatMoney } from "~/domain/money";
import {
  mayAdvance,
  nextPaymentKey,
  PAYMENT_METHOD_LABELS,
  sendLease,
  type PaymentMethod,
  type PaymentRecord,
  type PaymentStatus,
  type StripeFailure,
} from "~/domain/payment";
import { cancelSchema, manualPaymentSchema } from "~/domain/payment-forms";
import { can, type Actor } from "~/domain/permissions";
import { appendAudit, type Tx } from "~/models/audit.server";
import { requestCheckpoint } from "~/models/checkpoint-auto.server";
import { groupMail, mailableBid, mailableRound, MONEY_TX } from "~/models/award.server";
import { refused, type Result } from "~/domain/result";
import { queueMail } from "~/models/mail.server";
import { paymentFields } from "~/models/payment-fields.server";
import { paymentSentMail } from "~/domain/mail/award-messages";
import { nextToPay } from "~/domain/instalments";
import { allInstalmentsPaid, ensureSchedule, progressIn } from "~/models/instalment.server";
import { fieldErrors } from "~/utils/forms";

// Paying an award, the records: asked for by one funder, approved by another (four eyes),
// then sent through Stripe (the calls are in coordinators/payments/payments.server.ts) or made
// by cheque or bank transfer and recorded here.
//
// Interface (staff: the signed-in user { id, roles }; permissions are checked here too):
//   recordPaymentRequest(awardId, { method, instalmentId? }, staff)   the next instalment's payment -> { ok, payment, already } | refusal
//   recordApproval(awardId, paymentId, staff)                    four eyes -> { ok, payment, already, notSent: null }
//   claimPaymentForSending(awardId, paymentId, staff, now)       -> refused | settled | send (the key and the transfer)
//   recordSendRefusal(paymentId, key, failure, staff)   what Stripe's refusal of that key means
//   recordTransferMade(paymentId, transfer)             Stripe's answer to the send
//   recordManualPayment(awardId, paymentId, { reference, paidOn }, staff, today)   cheque / bank transfer paid
//   markManualPaymentPaid(tx, payment, paid, actor)    the same inside another transaction (a confirmed bulk file)
//   paymentToCancel(awardId, paymentId), recordCancellation(...)  FAILED with the reason
//   getPayment(paymentId), paymentsForAward(awardId), paymentsForReconcile()
//   processStripeEvent(event, apply)   once per Stripe event id, in one transaction with its effect
//   applyTransferState(tx, transfer, via) -> effect    what a transfer means for our payment
// Refusals are { ok: false, message } (and errors per field for forms).
//
// Instalments (models/instalment.server.ts): each payment pays one instalment of the award's
// schedule, in order, one at a time, for that instalment's amount, with its own two-person
// approval; the award is PAID once every instalment is.
//
// Never paying twice:
// - The idempotency key (award-<awardId>-payment-<n>) is stored on the Payment (UNIQUE)
//   before Stripe is called, and the call sends exactly that key. Double clicks, retries and
//   a crash between recording and calling therefore reach Stripe under one key, and Stripe
//   answers a repeated key with the first result instead of a second transfer.
// - The attempt is claimed under the payment's row lock: the first click marks it PENDING,
//   and for two minutes (longer than the SDK's timeout and retries) further clicks are told
//   it is on its way instead of calling Stripe again. After that, a retry re-sends the same key.
// - When Stripe's answer is unknown (no answer, a 5xx), the key stays: a retry repeats it.
//   When Stripe refused and saved the refusal against the key (balance too low, account not
//   ready), the next key is stored at once, so the retry after a top-up is a new request.
// - Webhooks and the API answer mark a payment PAID through one guarded function: statuses
//   only move forward (a paid payment never goes back), and a second signal changes nothing.

function userActor(staff: Actor): AuditActor {
  return { type: "user", id: staff.id };
}

async function lockPayment(tx: Tx, paymentId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Payment" WHERE id = ${paymentId} FOR UPDATE`;
  return rows.length === 1;
}

// why the award too: a payment id typed into another award's page must not act on this one.
export const NOT_THIS_AWARD = "That payment is not part of this award. Reload the page and try again.";

async function lockAwardPayment(tx: Tx, awardId: string, paymentId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Payment" WHERE id = ${paymentId} AND "awardId" = ${awardId} FOR UPDATE`;
  return rows.length === 1;
}

const paymentState = { id: true, status: true, failureReason: true, providerId: true, idempotencyKey: true, method: true } as const;

export interface PaymentState {
  id: string;
  status: PaymentStatus;
  failureReason: string | null;
  providerId: string | null;
  idempotencyKey: string;
  method: PaymentMethod;
}

// ---------- Request ----------

export async function recordPaymentRequest(
  awardId: string,
  input: { method: PaymentMethod; instalmentId?: string },
  staff: Actor,
): Promise<Result<{ payment: PaymentState; already: boolean }>> {
  if (!can(staff, "payment:request")) return refused("Only a funder can ask for a payment.");
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Award" WHERE id = ${awardId} FOR UPDATE`;
    if (rows.length === 0) return refused("That award does not exist.");
    const award = await tx.award.findUniqueOrThrow({
      where: { id: awardId },
      select: {
        status: true,
        amountPence: true,
        payments: { select: { ...paymentState, instalmentId: true } },
        bid: { select: { recipient: { select: { id: true } } } },
      },
    });
    if (award.status === "CANCELLED") return refused("This award has been cancelled, so it cannot be paid.");
    if (award.status === "PAID") return refused("This award has already been paid.");
    if (award.status === "OFFERED") {
      return refused("The group has not accepted the award's conditions yet. Payment can be asked for once they have.");
    }
    await ensureSchedule(tx, awardId, award.amountPence);
    const progress = await progressIn(tx, awardId, award.amountPence);
    const asked = input.instalmentId ? progress.find((i) => i.id === input.instalmentId) : undefined;
    if (input.instalmentId && !asked) return refused("That instalment is no longer in the award's schedule. Reload the page and try again.");
    if (asked?.state === "paid") return refused(`Instalment ${asked.position} has already been paid.`);
    const open = award.payments.find((p) => p.status !== "FAILED" && p.status !== "PAID");
    if (open) {
      // why: a second click (or a retry) on the same request finds the first one's payment.
      const same = !asked || open.instalmentId === asked.id;
      if (open.method === input.method && same) return { ok: true as const, payment: open, already: true };
      return refused(
        `A payment by ${PAYMENT_METHOD_LABELS[open.method].toLowerCase()} is already in progress for this award. Cancel it, or let it finish, before asking for another.`,
      );
    }
    const instalment = nextToPay(progress);
    if (!instalment) return refused("Every instalment of this award has been paid.");
    if (asked && asked.id !== instalment.id) return refused(`Instalments are paid in order: instalment ${instalment.position} comes first.`);
    if (input.method === "STRIPE" && !award.bid.recipient) {
      return refused(
        "The group has not set up an account to be paid into through Stripe yet. They can do it from their private link; or pay by cheque or bank transfer.",
      );
    }
    const idempotencyKey = nextPaymentKey(awardId, award.payments.map((p) => p.idempotencyKey));
    const amountPence = instalment.amountPence;
    const payment = await tx.payment.create({
      data: { awardId, instalmentId: instalment.id, method: input.method, amountPence, idempotencyKey, requestedById: staff.id },
      select: paymentState,
    });
    await appendAudit(tx, {
      actor: userActor(staff),
      action: "payment.requested",
      subject: { type: "payment", id: payment.id },
      payload: { awardId, method: input.method, amountPence, idempotencyKey, instalment: instalment.position },
    });
    return { ok: true as const, payment, already: false };
  }, MONEY_TX);
}

// ---------- Approval (four eyes) ----------

function fourEyesRefusal(staff: Actor, subject: { decidedById: string; requestedById: string }) {
  if (subject.decidedById === staff.id) return "You made the funding decision on this award, so another funder must approve its payment.";
  if (subject.requestedById === staff.id) return "You asked for this payment, so another funder must approve it.";
  return "Only a funder can approve payments.";
}

export async function recordApproval(
  awardId: string,
  paymentId: string,
  staff: Actor,
): Promise<Result<{ payment: PaymentState; already: boolean; notSent: string | null }>> {
  if (!can(staff, "payment:approve")) return refused("Only a funder can approve payments.");
  return db().$transaction(async (tx) => {
    if (!(await lockAwardPayment(tx, awardId, paymentId))) return refused(NOT_THIS_AWARD);
    const payment = await tx.payment.findUniqueOrThrow({
      where: { id: paymentId },
      select: { ...paymentState, awardId: true, amountPence: true, requestedById: true, award: { select: { status: true, decision: { select: { decidedById: true } } } } },
    });
    const subject = { decidedById: payment.award.decision.decidedById, requestedById: payment.requestedById };
    // why: the route checks this too; the model is where it cannot be skipped.
    if (!can(staff, "payment:approve", subject)) return refused(fourEyesRefusal(staff, subject));
    if (payment.status === "FAILED") return refused(`This payment failed or was cancelled: ${payment.failureReason ?? "no reason recorded"}`);
    if (payment.status !== "REQUESTED") return { ok: true as const, payment, already: true, notSent: null };
    if (payment.award.status !== "ACCEPTED") return refused("The award is no longer waiting for payment, so this payment cannot be approved.");
    const now = new Date();
    const updated = await tx.payment.update({
      where: { id: paymentId },
      data: { status: "APPROVED", approvedById: staff.id, approvedAt: now },
      select: paymentState,
    });
    await appendAudit(tx, {
      actor: userActor(staff),
      action: "payment.approved",
      subject: { type: "payment", id: paymentId },
      at: now,
      payload: { awardId: payment.awardId, method: payment.method, amountPence: payment.amountPence, ...subject },
    });
    return { ok: true as const, payment: updated, already: false, notSent: null };
  }, MONEY_TX);
}

// ---------- Sending through Stripe ----------

/** What the transfer for a claimed payment says (the adapter's TransferInput has this shape). */
export interface TransferOrder {
  paymentId: string;
  awardId: string;
  reference: string;
  amountPence: number;
  currency: string;
  destination: string;
}

export type SendClaim =
  | { kind: "refused"; message: string }
  | { kind: "settled"; payment: PaymentState }
  | { kind: "send"; key: string; transfer: TransferOrder };

/**
 * Claims an approved Stripe payment for one attempt, under its row lock: marks it PENDING and
 * audits the key that the call must send, before any call is made.
 */
export async function claimPaymentForSending(awardId: string, paymentId: string, staff: Actor, now: Date): Promise<SendClaim> {
  return db().$transaction(async (tx): Promise<SendClaim> => {
    if (!(await lockAwardPayment(tx, awardId, paymentId))) return { kind: "refused", message: NOT_THIS_AWARD };
    const payment = await tx.payment.findUniqueOrThrow({
      where: { id: paymentId },
      select: {
        ...paymentState,
        amountPence: true,
        updatedAt: true,
        award: {
          select: {
            id: true,
            status: true,
            bid: { select: { reference: true, recipient: { select: { stripeAccountId: true } }, round: { select: { fund: { select: { currency: true, timeZone: true } } } } } },
          },
        },
      },
    });
    const { award } = payment;
    if (payment.method !== "STRIPE") return { kind: "refused", message: "Cheque and bank transfer payments are recorded once made, not sent from here." };
    if (payment.status === "PAID" || payment.providerId) return { kind: "settled", payment };
    if (payment.status === "FAILED") {
      return { kind: "refused", message: `This payment failed: ${payment.failureReason ?? "no reason recorded"}. Ask for a new payment for the award.` };
    }
    if (payment.status === "REQUESTED") return { kind: "refused", message: "A second funder must approve this payment before it is sent." };
    if (payment.status === "PENDING" && !payment.failureReason && payment.updatedAt > sendLease(now)) {
      const since = clockTime(payment.updatedAt, award.bid.round.fund.timeZone);
      return {
        kind: "refused",
        message: `This payment is being sent now (started at ${since}). Refresh the page in a minute to see how it went.`,
      };
    }
    if (award.status === "CANCELLED") return { kind: "refused", message: "This award has been cancelled, so it cannot be paid." };
    const destination = award.bid.recipient?.stripeAccountId;
    if (!destination) return { kind: "refused", message: "The group has not set up an account to be paid into through Stripe yet." };

    // Stored before the call: the key below is the one Stripe will see.
    await tx.payment.update({ where: { id: paymentId }, data: { status: "PENDING", failureReason: null, updatedAt: now } });
    await appendAudit(tx, {
      actor: userActor(staff),
      action: "payment.sent",
      subject: { type: "payment", id: paymentId },
      at: now,
      payload: { awardId: award.id, amountPence: payment.amountPence, idempotencyKey: payment.idempotencyKey, destination },
    });
    return {
      kind: "send",
      key: payment.idempotencyKey,
      transfer: {
        paymentId,
        awardId: award.id,
        reference: award.bid.reference,
        amountPence: payment.amountPence,
        currency: award.bid.round.fund.currency,
        destination,
      },
    };
  }, MONEY_TX);
}

/** Stripe's answer to a send: the payment as it stands after the transfer is applied. */
export async function recordTransferMade(paymentId: string, transfer: Stripe.Transfer): Promise<PaymentState> {
  return db().$transaction(async (tx) => {
    await applyTransferState(tx, transfer, "api");
    return tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: paymentState });
  }, MONEY_TX);
}

/** Stripe refused the key: FAILED, the same key kept, or the next key stored for the retry. */
export async function recordSendRefusal(paymentId: string, key: string, failure: StripeFailure, staff: Actor): Promise<PaymentState> {
  return db().$transaction(async (tx) => {
    await lockPayment(tx, paymentId);
    const payment = await tx.payment.findUniqueOrThrow({
      where: { id: paymentId },
      select: { ...paymentState, awardId: true, amountPence: true, award: { select: { payments: { select: { idempotencyKey: true } } } } },
    });
    // why: a webhook (or another attempt after the lease) may have settled it meanwhile.
    if (payment.status !== "PENDING" || payment.idempotencyKey !== key || payment.providerId) return payment;
    const actor = userActor(staff);
    const subject = { type: "payment", id: paymentId };
    if (failure.next === "FAILED") {
      const updated = await tx.payment.update({ where: { id: paymentId }, data: { status: "FAILED", failureReason: failure.message }, select: paymentState });
      await appendAudit(tx, {
        actor,
        action: "payment.failed",
        subject,
        payload: { awardId: payment.awardId, amountPence: payment.amountPence, providerId: null, code: failure.code, reason: failure.message, via: "api" },
      });
      return updated;
    }
    const nextKey = failure.next === "NEW_KEY" ? nextPaymentKey(payment.awardId, payment.award.payments.map((p) => p.idempotencyKey)) : key;
    const updated = await tx.payment.update({
      where: { id: paymentId },
      data: { failureReason: failure.message, idempotencyKey: nextKey },
      select: paymentState,
    });
    await appendAudit(tx, {
      actor,
      action: "payment.send_refused",
      subject,
      payload: { awardId: payment.awardId, idempotencyKey: key, code: failure.code, next: failure.next, nextIdempotencyKey: nextKey },
    });
    return updated;
  }, MONEY_TX);
}

/**
 * What a Stripe transfer means for the payment it belongs to (found by providerId or by the
 * payment id in its metadata). Moves the payment forward only; returns what it did.
 */
export async function applyTransferState(tx: Tx, transfer: Stripe.Transfer, via: "api" | "webhook" | "check"): Promise<string> {
  const byProvider = await tx.payment.findUnique({ where: { providerId: transfer.id }, select: { id: true } });
  const paymentId = byProvider?.id ?? transfer.metadata?.pitchday_payment_id;
  if (!paymentId || !(await lockPayment(tx, paymentId))) return "unknown_transfer";
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    select: {
      ...paymentState,
      awardId: true,
      amountPence: true,
      award: { select: { status: true, bid: { select: { ...mailableBid, round: { select: { ...mailableRound, fund: { select: { currency: true } } } } } } } },
    },
  });
  if (payment.method !== "STRIPE") return "unknown_transfer";
  if (payment.providerId && payment.providerId !== transfer.id) {
    // why: never expected (one key per attempt); left for the reconciliation report to show.
    console.error(`Payment ${payment.id} is settled by ${payment.providerId} but Stripe reports transfer ${transfer.id} for it too.`);
    return "second_transfer";
  }
  const currency = payment.award.bid.round.fund.currency;
  const reversedInFull = transfer.reversed || transfer.amount_reversed >= transfer.amount;

  if (reversedInFull) {
    if (payment.status === "FAILED") return "unchanged";
    const reason = `Stripe transfer ${transfer.id} was reversed: ${formatMoney(transfer.amount_reversed, currency)} went back to the fund's Stripe balance`;
    await tx.payment.update({ where: { id: payment.id }, data: { status: "FAILED", providerId: transfer.id, failureReason: reason } });
    await tx.award.updateMany({ where: { id: payment.awardId, status: "PAID" }, data: { status: "ACCEPTED" } });
    await appendAudit(tx, {
      actor: { type: "system" },
      action: "payment.failed",
      subject: { type: "payment", id: payment.id },
      payload: { awardId: payment.awardId, amountPence: payment.amountPence, providerId: transfer.id, code: "transfer_reversed", reason, via: via === "api" ? "api" : "webhook" },
    });
    return "payment_reversed";
  }
  if (!mayAdvance(payment.status, "PAID")) return payment.status === "PAID" ? "unchanged" : "ignored_older";
  await tx.payment.update({ where: { id: payment.id }, data: { status: "PAID", providerId: transfer.id, failureReason: null } });
  await markAwardPaidWhenComplete(tx, payment.awardId);
  await appendAudit(tx, {
    actor: { type: "system" },
    action: "payment.paid",
    subject: { type: "payment", id: payment.id },
    payload: { awardId: payment.awardId, amountPence: payment.amountPence, providerId: transfer.id, via },
  });
  await requestPaymentCheckpoint(tx, payment, formatMoney(payment.amountPence, currency), "through Stripe");
  const mail = groupMail(payment.award.bid);
  if (mail) {
    await queueMail(tx, paymentSentMail({ ...mail, amount: formatMoney(payment.amountPence, currency), how: { method: "stripe" } }));
  }
  return "payment_paid";
}

/** The award is paid once every instalment of its schedule is (one instalment unless split). */
async function markAwardPaidWhenComplete(tx: Tx, awardId: string) {
  if (await allInstalmentsPaid(tx, awardId)) {
    await tx.award.updateMany({ where: { id: awardId, status: { in: ["OFFERED", "ACCEPTED"] } }, data: { status: "PAID" } });
  }
}

/** A payment made calls for a checkpoint of the log, taken once this transaction commits. */
function requestPaymentCheckpoint(tx: Tx, payment: { id: string; award: { bid: { reference: string } } }, amount: string, how: string) {
  return requestCheckpoint(tx, {
    trigger: "payment_made",
    label: `a payment of ${amount} for ${payment.award.bid.reference} was made ${how}`,
    subject: { type: "payment", id: payment.id },
  });
}

// ---------- Manual payments ----------

export async function recordManualPayment(
  awardId: string,
  paymentId: string,
  input: { reference: string; paidOn: string },
  staff: Actor,
  today: string,
): Promise<Result<{ payment: PaymentState }>> {
  if (!can(staff, "payment:request")) return refused("Only a funder can record a payment.");
  const parsed = manualPaymentSchema(today).safeParse(input);
  if (!parsed.success) return { ok: false, message: "Check the payment details.", errors: fieldErrors(parsed.error) };
  const { reference, paidOn } = parsed.data;
  return db().$transaction(async (tx) => {
    if (!(await lockAwardPayment(tx, awardId, paymentId))) return refused(NOT_THIS_AWARD);
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: manualPaidSelect });
    if (payment.method === "STRIPE") return refused("Stripe payments are recorded by Stripe, not by hand.");
    if (payment.status === "PAID") return { ok: true as const, payment };
    if (payment.status === "REQUESTED") return refused("A second funder must approve this payment before it is recorded as made.");
    if (payment.status !== "APPROVED") return refused(`This payment is ${payment.status.toLowerCase()}, so it cannot be recorded as made.`);
    const inFile = await tx.paymentBatchItem.findFirst({ where: { paymentId, batch: { confirmedAt: null, cancelledAt: null } }, select: { batchId: true } });
    // why: the bank may already be paying it from that file; recording it here too could pay twice.
    if (inFile) return refused("This payment is in a bank bulk-payment file waiting for confirmation. Confirm or cancel that file on the bulk payments page first.");
    const updated = await markManualPaymentPaid(tx, payment, { reference, paidOn }, userActor(staff));
    return { ok: true as const, payment: updated };
  }, MONEY_TX);
}

/** Selects what markManualPaymentPaid needs of a locked payment. */
export const manualPaidSelect = {
  ...paymentState,
  awardId: true,
  amountPence: true,
  award: { select: { bid: { select: { ...mailableBid, round: { select: { ...mailableRound, fund: { select: { currency: true } } } } } } } },
} as const;

type ManualPaid = { id: string; awardId: string; amountPence: number; method: PaymentMethod; award: { bid: MailableBidWithFund } };
type MailableBidWithFund = Parameters<typeof groupMail>[0] & { round: { fund: { currency: string } } };

/**
 * A cheque or bank transfer made: PAID with its reference and day, the award paid, the audit
 * entry and the group's email, in the caller's transaction (which holds the payment's lock).
 */
export async function markManualPaymentPaid(tx: Tx, payment: ManualPaid, paid: { reference: string; paidOn: Date }, actor: AuditActor): Promise<PaymentState> {
  const { reference, paidOn } = paid;
  const updated = await tx.payment.update({ where: { id: payment.id }, data: { status: "PAID", reference, paidOn }, select: paymentState });
  await markAwardPaidWhenComplete(tx, payment.awardId);
  await appendAudit(tx, {
    actor,
    action: "payment.manual_recorded",
    subject: { type: "payment", id: payment.id },
    payload: { awardId: payment.awardId, method: payment.method, amountPence: payment.amountPence, reference, paidOn: paidOn.toISOString().slice(0, 10) },
  });
  const amount = formatMoney(payment.amountPence, payment.award.bid.round.fund.currency);
  await requestPaymentCheckpoint(tx, payment, amount, payment.method === "CHEQUE" ? "by cheque" : "by bank transfer");
  const mail = groupMail(payment.award.bid);
  if (mail) {
    await queueMail(tx, paymentSentMail({ ...mail, amount, how: { method: payment.method === "CHEQUE" ? "cheque" : "transfer", number: reference } }));
  }
  return updated;
}

// ---------- Cancelling ----------

/** The payment as a cancellation first reads it (outside any lock: Stripe may be asked next). */
export function paymentToCancel(awardId: string, paymentId: string) {
  return db().payment.findUnique({ where: { id: paymentId, awardId }, select: { ...paymentState, awardId: true, updatedAt: true } });
}

export type PaymentToCancel = NonNullable<Awaited<ReturnType<typeof paymentToCancel>>>;

/** A transfer Stripe made that we had not recorded (found by a check, not a webhook). */
export async function recordTransferFound(transfer: Stripe.Transfer): Promise<string> {
  return db().$transaction((tx) => applyTransferState(tx, transfer, "check"), MONEY_TX);
}

/** The reason a cancellation was given, checked; or the refusal to show beside the field. */
export function cancellationReason(input: { reason: string }): Result<{ reason: string }> {
  const parsed = cancelSchema.safeParse(input);
  if (!parsed.success) return refused("Check the reason.", fieldErrors(parsed.error));
  return { ok: true, reason: parsed.data.reason };
}

/**
 * Calls the payment off (FAILED, "Cancelled: <reason>"), unless it moved since `current` was
 * read. Whether Stripe made the transfer is checked before, by the coordinator.
 */
export async function recordCancellation(current: PaymentToCancel, reasonGiven: string, staff: Actor): Promise<Result<{ payment: PaymentState }>> {
  if (!can(staff, "payment:request")) return refused("Only a funder can cancel a payment.");
  const paymentId = current.id;
  return db().$transaction(async (tx) => {
    await lockPayment(tx, paymentId);
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { ...paymentState, awardId: true, amountPence: true, updatedAt: true } });
    if (payment.status === "PAID" || payment.providerId) return refused("This payment has been made, so it cannot be cancelled.");
    if (payment.status === "FAILED") return { ok: true as const, payment };
    if (payment.status !== current.status || payment.updatedAt.getTime() !== current.updatedAt.getTime()) {
      return refused("This payment changed while you were cancelling it. Check it again.");
    }
    const reason = `Cancelled: ${reasonGiven}`;
    const updated = await tx.payment.update({ where: { id: paymentId }, data: { status: "FAILED", failureReason: reason }, select: paymentState });
    await appendAudit(tx, {
      actor: userActor(staff),
      action: "payment.failed",
      subject: { type: "payment", id: paymentId },
      payload: { awardId: payment.awardId, amountPence: payment.amountPence, providerId: null, code: "cancelled", reason, via: "staff" },
    });
    return { ok: true as const, payment: updated };
  }, MONEY_TX);
}

// ---------- Stripe events ----------

/**
 * Processes a verified Stripe event exactly once. The event id is inserted first, in the same
 * transaction as its effect: a repeat delivery (Stripe retries, a replay) finds it and changes
 * nothing; a failure rolls both back, so Stripe's next retry processes it again.
 */
export async function processStripeEvent(
  event: { id: string; type: string },
  apply: (tx: Tx) => Promise<string>,
): Promise<{ duplicate: boolean; effect: string }> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.stripeEvent.createMany({ data: [{ id: event.id, type: event.type }], skipDuplicates: true });
    if (count === 0) return { duplicate: true, effect: "duplicate" };
    const effect = await apply(tx);
    await appendAudit(tx, {
      actor: { type: "system" },
      action: "stripe.event_processed",
      subject: { type: "stripe_event", id: event.id },
      payload: { eventId: event.id, type: event.type, effect },
    });
    return { duplicate: false, effect };
  }, MONEY_TX);
}

// ---------- Reading ----------

const paymentView = { ...paymentFields, awardId: true } as const;

export function getPayment(paymentId: string) {
  return db().payment.findUnique({
    where: { id: paymentId },
    select: { ...paymentView, award: { select: { id: true, status: true, bidId: true, decision: { select: { decidedById: true } } } } },
  });
}

export function paymentsForAward(awardId: string) {
  return db().payment.findMany({ where: { awardId }, orderBy: { createdAt: "asc" }, select: paymentView });
}

/** Our Stripe payments as the reconciliation compares them with Stripe's transfers. */
export async function paymentsForReconcile(): Promise<PaymentRecord[]> {
  const rows = await db().payment.findMany({
    where: { method: "STRIPE" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      awardId: true,
      amountPence: true,
      status: true,
      providerId: true,
      award: {
        select: {
          bid: { select: { reference: true, recipient: { select: { stripeAccountId: true } }, round: { select: { fund: { select: { currency: true } } } } } },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    awardId: row.awardId,
    bidReference: row.award.bid.reference,
    amountPence: row.amountPence,
    currency: row.award.bid.round.fund.currency,
    status: row.status,
    providerId: row.providerId,
    destination: row.award.bid.recipient?.stripeAccountId ?? null,
  }));
}
