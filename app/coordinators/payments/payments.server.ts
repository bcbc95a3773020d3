import Stripe from "stripe";
import { classifyStripeFailure, PAYMENTS_NOT_CONFIGURED, sendLease, type PaymentMethod } from "~/domain/payment";
import { can, type Actor } from "~/domain/permissions";
import { refused, type Result } from "~/domain/result";
import {
  cancellationReason,
  claimPaymentForSending,
  NOT_THIS_AWARD,
  paymentToCancel,
  recordApproval,
  recordCancellation,
  recordPaymentRequest,
  recordSendRefusal,
  recordTransferFound,
  recordTransferMade,
  type PaymentState,
} from "~/models/payment.server";
import { takeOwedCheckpoint } from "~/coordinators/checkpoints.server";
import { createTransfer, listAllTransfers, paymentsConfigured } from "~/services/payments/stripe.server";

// Paying an award through Stripe: the calls to Stripe, around the records payment.server.ts
// keeps. Cheque and bank transfer payments need no call (recordManualPayment, in the model).
//
// Interface (staff: the signed-in user { id, roles }):
//   requestPayment(awardId, { method, instalmentId? }, staff)   the next instalment -> { ok, payment, already } | refusal
//   approvePayment(awardId, paymentId, staff, sendOptions?)      four eyes; a Stripe payment is sent at once
//                                                       -> { ok, payment, already, notSent: why it was not sent | null }
//   sendPayment(awardId, paymentId, staff, { now?, client? })   sends (or retries) an approved Stripe payment
//   cancelPayment(awardId, paymentId, { reason }, staff)         FAILED with the reason; checks Stripe first
// A send that reached Stripe returns { ok: true, payment } whatever Stripe said: payment.status
// and payment.failureReason tell the funder ("Stripe balance too low: top up and retry").
//
// Never paying twice (the model's header says how the key is kept): the attempt is claimed,
// and its idempotency key stored, in one transaction before Stripe is called; the call sends
// exactly that key; Stripe's answer, or its refusal, is recorded afterwards against that key.

const SEND_REFUSED = "Only a funder can send payments.";

export async function requestPayment(
  awardId: string,
  input: { method: PaymentMethod; instalmentId?: string },
  staff: Actor,
): Promise<Result<{ payment: PaymentState; already: boolean }>> {
  if (!can(staff, "payment:request")) return refused("Only a funder can ask for a payment.");
  if (input.method === "STRIPE" && !paymentsConfigured()) return refused(PAYMENTS_NOT_CONFIGURED);
  return recordPaymentRequest(awardId, input, staff);
}

export async function approvePayment(
  awardId: string,
  paymentId: string,
  staff: Actor,
  sendOptions: SendOptions = {},
): Promise<Result<{ payment: PaymentState; already: boolean; notSent: string | null }>> {
  const approved = await recordApproval(awardId, paymentId, staff);
  if (!approved.ok || approved.already || approved.payment.method !== "STRIPE") return approved;
  const sent = await sendPayment(awardId, paymentId, staff, sendOptions);
  return sent.ok
    ? { ok: true, payment: sent.payment, already: false, notSent: null }
    : { ok: true, payment: approved.payment, already: false, notSent: sent.message };
}

export interface SendOptions {
  now?: Date;
  /** A Stripe client to use instead of the configured one (tests). */
  client?: Stripe;
}

export async function sendPayment(awardId: string, paymentId: string, staff: Actor, options: SendOptions = {}): Promise<Result<{ payment: PaymentState }>> {
  if (!can(staff, "payment:request")) return refused(SEND_REFUSED);
  if (!options.client && !paymentsConfigured()) return refused(PAYMENTS_NOT_CONFIGURED);
  const claim = await claimPaymentForSending(awardId, paymentId, staff, options.now ?? new Date());
  if (claim.kind === "refused") return refused(claim.message);
  if (claim.kind === "settled") return { ok: true, payment: claim.payment };

  let transfer: Stripe.Transfer;
  try {
    transfer = await createTransfer(claim.transfer, claim.key, options.client);
  } catch (error) {
    // why: anything that is not Stripe's answer (a bug, the process dying) leaves the attempt
    // in flight: after the lease a retry sends the same key, and Stripe replays what it did.
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    const failure = classifyStripeFailure({ type: error.type, code: error.code, statusCode: error.statusCode, message: error.message });
    return { ok: true, payment: await recordSendRefusal(paymentId, claim.key, failure, staff) };
  }
  const payment = await recordTransferMade(paymentId, transfer);
  await takeOwedCheckpoint();
  return { ok: true, payment };
}

export async function cancelPayment(
  awardId: string,
  paymentId: string,
  input: { reason: string },
  staff: Actor,
  options: { now?: Date } = {},
): Promise<Result<{ payment: PaymentState }>> {
  if (!can(staff, "payment:request")) return refused("Only a funder can cancel a payment.");
  const reason = cancellationReason(input);
  if (!reason.ok) return reason;
  const now = options.now ?? new Date();
  const current = await paymentToCancel(awardId, paymentId);
  if (!current) return refused(NOT_THIS_AWARD);
  if (current.status === "PAID") return refused("This payment has been made, so it cannot be cancelled.");
  if (current.status === "FAILED") return { ok: true, payment: current };

  if (current.method === "STRIPE" && current.status === "PENDING") {
    if (!current.failureReason && current.updatedAt > sendLease(now)) {
      return refused("This payment is being sent now. Wait a minute to see how it went before cancelling it.");
    }
    // why: an attempt whose answer was lost may have moved the money; Stripe's own list of
    // the award's transfers says whether it did, before we call the payment off.
    let transfers: Stripe.Transfer[];
    try {
      transfers = await listAllTransfers({ transferGroup: `award-${current.awardId}` });
    } catch {
      return refused("Stripe could not be reached to check whether this payment went through, so it was not cancelled. Try again in a minute.");
    }
    const made = transfers.find((t) => t.metadata?.pitchday_payment_id === paymentId);
    if (made) {
      await recordTransferFound(made);
      await takeOwedCheckpoint();
      return refused(`Stripe did make this transfer (${made.id}), so the payment has been recorded as made instead of cancelled.`);
    }
  }
  return recordCancellation(current, reason.reason, staff);
}
