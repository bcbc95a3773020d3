import { formatMoney, type Pence } from "~/domain/money";
import { can, type Actor } from "~/domain/permissions";

// Pure rules for awards and payments: idempotency keys, which way a payment's status may move,
// what a Stripe refusal means for the next try, the reconciliation of our records against
// Stripe's transfers, and the small forms after the decision (conditions, acceptance, payment).
//
// Interface:
//   paymentKey(awardId, attempt) / keyAttempt(key)       "award-<id>-payment-<n>" and back
//   nextPaymentKey(awardId, usedKeys)                      the first key never used for the award
//   PAYMENT_STATUS_RANK, mayAdvance(from, to)             webhooks only ever move a payment forward
//   sendLease(now)                                         how long an attempt counts as in flight
//   classifyStripeFailure(error)                          -> { next: SAME_KEY | NEW_KEY | FAILED, code, message }
//   paymentActions(payment, { staff, decidedById, now })  which buttons a funder sees, and why not
//   reconcile(payments, transfers)                         -> Discrepancy[] (missing / extra / mismatch)
//   describeDiscrepancy(d)                                 one line for a person
//   CONDITIONS_MAX, REASON_MAX, ...                      the limits of the forms after the decision (schemas: payment-forms.ts)
//   PAYMENT_STATUS_VIEW, PAYMENT_METHOD_LABELS, AWARD_STATUS_VIEW, MANUAL_METHODS
//   PAYMENTS_NOT_CONFIGURED                                the sentence shown when Stripe is not set up

export const PAYMENT_METHODS = ["STRIPE", "CHEQUE", "BANK_TRANSFER"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const MANUAL_METHODS = ["CHEQUE", "BANK_TRANSFER"] as const satisfies readonly PaymentMethod[];
export type ManualMethod = (typeof MANUAL_METHODS)[number];

export const PAYMENT_STATUSES = ["REQUESTED", "APPROVED", "PENDING", "PAID", "FAILED"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const AWARD_STATUSES = ["OFFERED", "ACCEPTED", "PAID", "CANCELLED"] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  STRIPE: "Stripe transfer to the group's account",
  CHEQUE: "Cheque",
  BANK_TRANSFER: "Bank transfer (made outside Pitchday)",
};

export const PAYMENT_STATUS_VIEW: Record<PaymentStatus, { label: string; tag: string }> = {
  REQUESTED: { label: "Waiting for a second funder's approval", tag: "tag tag--yellow" },
  APPROVED: { label: "Approved", tag: "tag" },
  PENDING: { label: "Being sent", tag: "tag tag--yellow" },
  PAID: { label: "Paid", tag: "tag tag--green" },
  FAILED: { label: "Failed", tag: "tag tag--red" },
};

export const AWARD_STATUS_VIEW: Record<AwardStatus, { label: string; tag: string }> = {
  OFFERED: { label: "Offered: waiting for the group to accept the conditions", tag: "tag tag--yellow" },
  ACCEPTED: { label: "Conditions accepted", tag: "tag tag--green" },
  PAID: { label: "Paid", tag: "tag tag--green" },
  CANCELLED: { label: "Cancelled", tag: "tag tag--grey" },
};

export const PAYMENTS_NOT_CONFIGURED =
  "Stripe is not set up for this Pitchday, so payments are made by cheque or bank transfer and recorded here. " +
  "To pay through Stripe, an administrator sets STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.";

// ---------- Idempotency keys ----------

const KEY = /^award-(.+)-payment-(\d+)$/;

/** The Stripe idempotency key of one attempt to pay an award. */
export function paymentKey(awardId: string, attempt: number): string {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError("A payment attempt is numbered from 1.");
  return `award-${awardId}-payment-${attempt}`;
}

/** The attempt number in a key made by paymentKey, or null for any other string. */
export function keyAttempt(key: string): number | null {
  const match = KEY.exec(key);
  return match ? Number(match[2]) : null;
}

/** The next key for an award: one past the highest attempt any of its payments has used. */
export function nextPaymentKey(awardId: string, usedKeys: readonly string[]): string {
  const highest = usedKeys.reduce((max, key) => Math.max(max, keyAttempt(key) ?? 0), 0);
  return paymentKey(awardId, highest + 1);
}

// ---------- Status order ----------

/**
 * How far along a payment is. Webhooks may arrive late, twice or out of order, so a change
 * from one only ever moves a payment up this order: a paid payment never goes back to
 * pending, and a late "transfer created" cannot undo a reversal already recorded.
 */
export const PAYMENT_STATUS_RANK: Record<PaymentStatus, number> = {
  REQUESTED: 0,
  APPROVED: 1,
  PENDING: 2,
  PAID: 3,
  FAILED: 4,
};

export function mayAdvance(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_STATUS_RANK[to] > PAYMENT_STATUS_RANK[from];
}

/**
 * How long an attempt that has not reported back counts as still in flight. Longer than the
 * Stripe client can take with its retries (20 s timeout, 2 retries), so a second click never
 * overlaps a running call; after it, a retry sends the same key again (a crashed attempt).
 */
export const SEND_LEASE_MS = 2 * 60 * 1000;

export function sendLease(now: Date): Date {
  return new Date(now.getTime() - SEND_LEASE_MS);
}

// ---------- What a funder may do next ----------

export interface PaymentForActions {
  method: PaymentMethod;
  status: PaymentStatus;
  failureReason: string | null;
  requestedById: string;
  updatedAt: Date;
}

export interface PaymentActions {
  approve: boolean;
  /** Why this funder may not approve (four eyes), when approval is what is waiting. */
  approveBlocked: string | null;
  /** Send it again through Stripe (after a refusal, or an attempt that never reported back). */
  retry: boolean;
  /** Record the cheque or bank transfer as made. */
  recordManual: boolean;
  cancel: boolean;
  /** The attempt is on its way to Stripe: show "being sent" and refresh. */
  inFlight: boolean;
}

/** The buttons for one payment; the models check all of this again. */
export function paymentActions(
  payment: PaymentForActions,
  context: { staff: Actor | null; decidedById: string; now: Date },
): PaymentActions {
  const { staff, decidedById, now } = context;
  const funder = can(staff, "payment:request");
  const stripe = payment.method === "STRIPE";
  const inFlight = stripe && payment.status === "PENDING" && !payment.failureReason && payment.updatedAt > sendLease(now);
  const waiting = payment.status === "REQUESTED";
  const approve = waiting && can(staff, "payment:approve", { decidedById, requestedById: payment.requestedById });
  let approveBlocked: string | null = null;
  if (waiting && !approve && staff && can(staff, "payment:approve")) {
    approveBlocked =
      staff.id === decidedById
        ? "You made the funding decision on this award, so another funder must approve its payment."
        : "You asked for this payment, so another funder must approve it.";
  }
  return {
    approve,
    approveBlocked,
    retry: funder && stripe && (payment.status === "APPROVED" || (payment.status === "PENDING" && !inFlight)),
    recordManual: funder && !stripe && payment.status === "APPROVED",
    cancel: funder && (waiting || payment.status === "APPROVED" || (payment.status === "PENDING" && !inFlight)),
    inFlight,
  };
}

// ---------- Stripe refusals ----------

export type NextAttempt =
  /** The outcome is unknown (no answer, a server error): the same key must be sent again. */
  | "SAME_KEY"
  /** Stripe refused and saved that refusal against the key: a retry needs a new key. */
  | "NEW_KEY"
  /** Stripe will never accept this payment as it stands. */
  | "FAILED";

export interface StripeFailureInput {
  /** The SDK's error class name: StripeInvalidRequestError, StripeConnectionError, ... */
  type?: string;
  code?: string | null;
  statusCode?: number | null;
  message?: string;
}

export interface StripeFailure {
  next: NextAttempt;
  code: string;
  message: string;
}

export const BALANCE_TOO_LOW = "Stripe balance too low: top up and retry";

const NOT_CONFIRMED =
  "Stripe did not confirm the transfer, so it may or may not have happened. Retry: the same request is sent again, so the group cannot be paid twice";

export function classifyStripeFailure(error: StripeFailureInput): StripeFailure {
  const code = error.code ?? "";
  const status = error.statusCode ?? 0;
  if (code === "balance_insufficient") {
    return {
      next: "NEW_KEY",
      code,
      message: `${BALANCE_TOO_LOW}. The fund's Stripe account does not have enough available to send this payment.`,
    };
  }
  if (code === "insufficient_capabilities_for_transfer" || code === "account_invalid" || code === "transfers_not_allowed") {
    return {
      next: "NEW_KEY",
      code,
      message:
        "The group's Stripe account cannot receive transfers yet: ask the group to finish setting it up from their private link, then retry",
    };
  }
  if (error.type === "StripeAuthenticationError" || error.type === "StripePermissionError") {
    // why: Stripe does not save a request it refused at the door, so the same key is safe.
    return {
      next: "SAME_KEY",
      code: code || "authentication",
      message: "Stripe refused Pitchday's secret key (STRIPE_SECRET_KEY): an administrator needs to check it, then retry",
    };
  }
  if (
    error.type === "StripeConnectionError" ||
    error.type === "StripeAPIError" ||
    error.type === "StripeRateLimitError" ||
    status === 409 ||
    status === 429 ||
    status >= 500
  ) {
    return { next: "SAME_KEY", code: code || (status ? `http_${status}` : "no_answer"), message: NOT_CONFIRMED };
  }
  if (error.type === "StripeIdempotencyError") {
    return {
      next: "FAILED",
      code: "idempotency_error",
      message:
        "Stripe holds a different request under this payment's key. Check the transfers in the Stripe dashboard before paying this award another way",
    };
  }
  if (error.type === "StripeInvalidRequestError" || error.type === "StripeCardError" || (status >= 400 && status < 500)) {
    return { next: "FAILED", code: code || `http_${status}`, message: `Stripe refused the transfer: ${error.message ?? "no reason given"}` };
  }
  return { next: "SAME_KEY", code: code || "unknown", message: NOT_CONFIRMED };
}

// ---------- Reconciliation ----------

export interface PaymentRecord {
  id: string;
  awardId: string;
  bidReference: string;
  amountPence: Pence;
  currency: string;
  status: PaymentStatus;
  providerId: string | null;
  /** The group's connected account, when it has one. */
  destination: string | null;
}

export interface TransferRecord {
  id: string;
  amount: Pence;
  currency: string;
  amountReversed: Pence;
  reversed: boolean;
  destination: string | null;
  /** metadata.pitchday_payment_id, set on every transfer Pitchday makes. */
  paymentId: string | null;
}

export type Discrepancy =
  | { kind: "MISSING"; payment: PaymentRecord; detail: "NO_TRANSFER" | "NO_PROVIDER_ID" }
  | { kind: "EXTRA"; transfer: TransferRecord }
  | {
      kind: "MISMATCH";
      payment: PaymentRecord;
      transfer: TransferRecord;
      field: "amount" | "destination" | "status";
      ours: string;
      stripe: string;
    };

/**
 * Compares our Stripe payments with Stripe's transfers. A transfer is ours when a payment
 * names it (providerId) or it names a payment (metadata). Payments that never reached Stripe
 * (requested, approved, refused and failed without a transfer) are not expected there.
 */
export function reconcile(payments: readonly PaymentRecord[], transfers: readonly TransferRecord[]): Discrepancy[] {
  const out: Discrepancy[] = [];
  const byProvider = new Map(payments.filter((p) => p.providerId).map((p) => [p.providerId as string, p]));
  const byId = new Map(payments.map((p) => [p.id, p]));
  const matched = new Set<string>();

  for (const transfer of transfers) {
    const payment = byProvider.get(transfer.id) ?? (transfer.paymentId ? byId.get(transfer.paymentId) : undefined);
    if (!payment) {
      out.push({ kind: "EXTRA", transfer });
      continue;
    }
    matched.add(payment.id);
    const fullyReversed = transfer.reversed || transfer.amountReversed >= transfer.amount;
    const stripeSays = fullyReversed ? "reversed" : "transferred";
    const status = (ours: string) =>
      out.push({ kind: "MISMATCH", payment, transfer, field: "status", ours, stripe: stripeSays });
    if (payment.providerId && payment.providerId !== transfer.id) {
      // why: a second transfer for one payment is the double payment this whole design prevents.
      status(`${payment.status} by another transfer, ${payment.providerId}`);
    } else if (!payment.providerId) {
      status(`${payment.status}, no transfer recorded`);
    } else if (payment.status !== (fullyReversed ? "FAILED" : "PAID")) {
      status(payment.status);
    }
    const net = transfer.amount - transfer.amountReversed;
    if (!fullyReversed && net !== payment.amountPence) {
      out.push({ kind: "MISMATCH", payment, transfer, field: "amount", ours: String(payment.amountPence), stripe: String(net) });
    }
    if (transfer.destination !== payment.destination) {
      out.push({
        kind: "MISMATCH",
        payment,
        transfer,
        field: "destination",
        ours: payment.destination ?? "none",
        stripe: transfer.destination ?? "none",
      });
    }
  }

  for (const payment of payments) {
    if (matched.has(payment.id)) continue;
    if (payment.providerId) out.push({ kind: "MISSING", payment, detail: "NO_TRANSFER" });
    else if (payment.status === "PAID") out.push({ kind: "MISSING", payment, detail: "NO_PROVIDER_ID" });
  }
  return out;
}

export function describeDiscrepancy(d: Discrepancy): string {
  const money = (pence: Pence) => formatMoney(pence, ("payment" in d ? d.payment.currency : d.transfer.currency).toUpperCase());
  switch (d.kind) {
    case "MISSING":
      return d.detail === "NO_TRANSFER"
        ? `MISSING  payment ${d.payment.id} (${d.payment.bidReference}, ${money(d.payment.amountPence)}) is ${d.payment.status} as ${d.payment.providerId}, but Stripe has no such transfer`
        : `MISSING  payment ${d.payment.id} (${d.payment.bidReference}, ${money(d.payment.amountPence)}) is PAID by Stripe but names no transfer`;
    case "EXTRA":
      return `EXTRA    transfer ${d.transfer.id} of ${money(d.transfer.amount)} to ${d.transfer.destination ?? "no destination"} matches no payment in Pitchday`;
    case "MISMATCH": {
      const what =
        d.field === "amount"
          ? `amount: ours ${money(Number(d.ours))}, Stripe ${money(Number(d.stripe))}`
          : d.field === "destination"
            ? `destination: ours ${d.ours}, Stripe ${d.stripe}`
            : `status: ours ${d.ours}, Stripe ${d.stripe}`;
      return `MISMATCH payment ${d.payment.id} (${d.payment.bidReference}) and transfer ${d.transfer.id}: ${what}`;
    }
  }
}

// ---------- Forms after the decision ----------

export const CONDITIONS_MIN = 10;
export const CONDITIONS_MAX = 5_000;
export const FEEDBACK_MAX = 2_000;
export const REASON_MIN = 10;
export const REASON_MAX = 1_000;
export const REFERENCE_MAX = 100;
