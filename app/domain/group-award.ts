import { formatMoney } from "~/domain/money";
import type { AwardStatus, PaymentMethod, PaymentStatus } from "~/domain/payment";
import { formatDate } from "~/domain/zoned-time";

// The award as the group sees it on its own page: the amount, the conditions and whether
// they are accepted, where the payment is, and what to do next about the account it is paid
// into. Internal details stay out (who decided, an override's reason, Stripe's refusals, ids).

export interface AwardForGroup {
  amountPence: number;
  status: AwardStatus;
  conditions: string;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  payments: { method: PaymentMethod; status: PaymentStatus; reference: string | null; paidOn: Date | null; updatedAt: Date }[];
  recipient: { payoutsEnabled: boolean; detailsSubmitted: boolean } | null;
}

/** start / continue: a "Set up payment" button; checking / ready: words only. */
export type PayoutSetup = "start" | "continue" | "checking" | "ready" | null;

export interface GroupAwardView {
  amount: string;
  status: AwardStatus;
  statusLabel: string;
  statusTag: string;
  conditions: string;
  accepted: string | null;
  canAccept: boolean;
  payment: string;
  paid: boolean;
  setup: PayoutSetup;
  letter: boolean;
}

const STATUS: Record<AwardStatus, { label: string; tag: string }> = {
  OFFERED: { label: "Offered: accept the conditions", tag: "tag tag--yellow" },
  ACCEPTED: { label: "Conditions accepted", tag: "tag tag--green" },
  PAID: { label: "Paid", tag: "tag tag--green" },
  CANCELLED: { label: "Cancelled", tag: "tag tag--grey" },
};

export function groupAwardView(award: AwardForGroup, context: { currency: string; timeZone: string; stripe: boolean }): GroupAwardView {
  const money = formatMoney(award.amountPence, context.currency);
  const paid = award.payments.find((p) => p.status === "PAID");
  const open = award.payments.find((p) => p.status !== "FAILED" && p.status !== "PAID");
  const live = award.status === "OFFERED" || award.status === "ACCEPTED";
  // why: a paid-on date is a calendar day stored at midnight UTC.
  const paidDay = (p: NonNullable<typeof paid>) => (p.paidOn ? formatDate(p.paidOn, "UTC") : formatDate(p.updatedAt, context.timeZone));

  let payment: string;
  if (paid) {
    payment =
      paid.method === "STRIPE"
        ? `${money} was paid into your Stripe account on ${paidDay(paid)}. Stripe passes it on to your bank account on its usual schedule.`
        : paid.method === "CHEQUE"
          ? `${money} was paid by cheque${paid.reference ? ` (number ${paid.reference})` : ""} on ${paidDay(paid)}.`
          : `${money} was paid by bank transfer${paid.reference ? ` (reference ${paid.reference})` : ""} on ${paidDay(paid)}.`;
  } else if (award.status === "CANCELLED") {
    payment = "The award was cancelled, so it will not be paid.";
  } else if (open?.status === "PENDING") {
    payment = "The payment is on its way to your account.";
  } else if (open) {
    payment = "The funder is arranging the payment. A second person at the funder approves every payment before it is made.";
  } else if (award.status === "OFFERED") {
    payment = "The award is paid once someone who can sign for your group has accepted its conditions.";
  } else {
    payment = "The funder will now arrange the payment. We will email you when it has been made.";
  }

  // why: no Stripe prompt once the money has gone, or while a cheque or transfer is on its way.
  const manualUnderway = open !== undefined && open.method !== "STRIPE";
  let setup: PayoutSetup = null;
  if (context.stripe && live && !paid && !manualUnderway) {
    const r = award.recipient;
    setup = !r ? "start" : r.payoutsEnabled ? "ready" : r.detailsSubmitted ? "checking" : "continue";
  }

  return {
    amount: money,
    status: award.status,
    statusLabel: STATUS[award.status].label,
    statusTag: STATUS[award.status].tag,
    conditions: award.conditions,
    accepted: award.acceptedAt ? `${award.acceptedBy ?? "Someone from your group"} accepted the conditions on ${formatDate(award.acceptedAt, context.timeZone)}.` : null,
    canAccept: award.status === "OFFERED",
    payment,
    paid: Boolean(paid),
    setup,
    letter: award.status !== "CANCELLED",
  };
}
