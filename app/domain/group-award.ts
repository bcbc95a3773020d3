import { describePlanned, instalmentProgress, nextToPay, paidOf, scheduleOf, scheduleView, type Instalment, type ScheduleView } from "~/domain/instalments";
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
  payments: { id?: string; instalmentId?: string | null; method: PaymentMethod; status: PaymentStatus; reference: string | null; paidOn: Date | null; updatedAt: Date }[];
  /** The payment schedule; none stored reads as one instalment on acceptance. */
  instalments?: Instalment[];
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
  /** Some money has been paid (the end-of-grant report opens). */
  paid: boolean;
  /** The instalments, when the award is paid in more than one. */
  schedule: ScheduleView | null;
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

  const facts = award.payments.map((p, index) => ({ ...p, id: p.id ?? `payment-${index}`, instalmentId: p.instalmentId ?? null }));
  const progress = instalmentProgress(scheduleOf(award.amountPence, award.instalments ?? []), facts);
  const split = progress.length > 1;
  let payment: string;
  if (split && award.status !== "CANCELLED") {
    payment = splitPayment(progress, money, context.currency);
  } else if (paid) {
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
  const more = split ? progress.some((i) => i.state !== "paid") : !paid;
  if (context.stripe && live && more && !manualUnderway) {
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
    schedule: split ? scheduleView(progress, context.currency) : null,
    setup,
    letter: award.status !== "CANCELLED",
  };
}

/** Where an award paid in instalments stands, in one sentence for the group. */
function splitPayment(progress: ReturnType<typeof instalmentProgress>, total: string, currency: string): string {
  const paidSoFar = paidOf(progress);
  const next = nextToPay(progress);
  const underway = progress.find((i) => i.state === "in_progress");
  const head = `${total} is paid in ${progress.length} instalments. ${formatMoney(paidSoFar, currency)} has been paid so far.`;
  if (underway) return `${head} Instalment ${underway.position} (${formatMoney(underway.amountPence, currency)}) is being arranged: a second person at the funder approves every payment.`;
  if (next) {
    const when = next.plannedOn ? `planned for ${describePlanned(next.plannedOn)}` : "paid once you have accepted the conditions";
    return `${head} The next, instalment ${next.position} of ${formatMoney(next.amountPence, currency)}, is ${when}.`;
  }
  return `${total} has been paid in full, in ${progress.length} instalments.`;
}
