import { instalmentProgress, nextToPay, paidOf, scheduleOf, type Instalment, type InstalmentState } from "~/domain/instalments";
import { money, type Message, type MessageArg } from "~/domain/message";
import { dayOf } from "~/domain/message-day";
import { sumPence } from "~/domain/money";
import type { AwardStatus, PaymentMethod, PaymentStatus } from "~/domain/payment";

// The award as the group sees it on its own page: the amount, the conditions and whether
// they are accepted, where the payment is, and what to do next about the account it is paid
// into. Internal details stay out (who decided, an override's reason, Stripe's refusals, ids).
// Sentences are catalogue keys with their facts, said in the page's language.

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

export interface GroupScheduleRow {
  position: number;
  /** null: on acceptance. */
  planned: MessageArg | null;
  amount: MessageArg;
  state: InstalmentState;
  paid: MessageArg | null;
}

export interface GroupAwardView {
  amount: MessageArg;
  status: AwardStatus;
  statusTag: string;
  conditions: string;
  accepted: Message | null;
  canAccept: boolean;
  payment: Message;
  /** Some money has been paid (the end-of-grant report opens). */
  paid: boolean;
  /** The instalments, when the award is paid in more than one. */
  schedule: { rows: GroupScheduleRow[]; paid: MessageArg; toCome: MessageArg } | null;
  setup: PayoutSetup;
  letter: boolean;
}

const TAG: Record<AwardStatus, string> = { OFFERED: "tag tag--yellow", ACCEPTED: "tag tag--green", PAID: "tag tag--green", CANCELLED: "tag tag--grey" };
export function groupAwardView(award: AwardForGroup, context: { currency: string; timeZone: string; stripe: boolean }): GroupAwardView {
  const cash = (pence: number) => money(pence, context.currency);
  const paid = award.payments.find((p) => p.status === "PAID");
  const open = award.payments.find((p) => p.status !== "FAILED" && p.status !== "PAID");
  const live = award.status === "OFFERED" || award.status === "ACCEPTED";
  // why: a paid-on date is a calendar day stored at midnight UTC.
  const paidDay = (p: NonNullable<typeof paid>) => (p.paidOn ? dayOf(p.paidOn, "UTC") : dayOf(p.updatedAt, context.timeZone));

  const facts = award.payments.map((p, index) => ({ ...p, id: p.id ?? `payment-${index}`, instalmentId: p.instalmentId ?? null }));
  const progress = instalmentProgress(scheduleOf(award.amountPence, award.instalments ?? []), facts);
  const split = progress.length > 1;
  let payment: Message;
  if (split && award.status !== "CANCELLED") {
    payment = splitPayment(progress, award.amountPence, cash);
  } else if (paid) {
    payment = {
      key: `bid.payment.paid.${paid.method}`,
      values: { amount: cash(award.amountPence), reference: paid.reference ?? "", hasReference: paid.reference ? "yes" : "no", day: paidDay(paid) },
    };
  } else if (award.status === "CANCELLED") {
    payment = { key: "bid.payment.cancelled" };
  } else if (open?.status === "PENDING") {
    payment = { key: "bid.payment.onItsWay" };
  } else if (open) {
    payment = { key: "bid.payment.arranging" };
  } else if (award.status === "OFFERED") {
    payment = { key: "bid.payment.afterAcceptance" };
  } else {
    payment = { key: "bid.payment.willArrange" };
  }

  // why: no Stripe prompt once the money has gone, or while a cheque or transfer is on its way.
  const manualUnderway = open !== undefined && open.method !== "STRIPE";
  let setup: PayoutSetup = null;
  const more = split ? progress.some((i) => i.state !== "paid") : !paid;
  if (context.stripe && live && more && !manualUnderway) {
    const r = award.recipient;
    setup = !r ? "start" : r.payoutsEnabled ? "ready" : r.detailsSubmitted ? "checking" : "continue";
  }

  const paidSoFar = paidOf(progress);
  return {
    amount: cash(award.amountPence),
    status: award.status,
    statusTag: TAG[award.status],
    conditions: award.conditions,
    accepted: award.acceptedAt
      ? { key: award.acceptedBy ? "bid.award.acceptedBy" : "bid.award.acceptedBySomeone", values: { name: award.acceptedBy ?? "", day: dayOf(award.acceptedAt, context.timeZone) } }
      : null,
    canAccept: award.status === "OFFERED",
    payment,
    paid: Boolean(paid),
    schedule: split
      ? {
          rows: progress.map((i) => ({
            position: i.position,
            planned: i.plannedOn ? dayOf(i.plannedOn, "UTC") : null,
            amount: cash(i.amountPence),
            state: i.state,
            paid: i.paidDay ? dayOf(i.paidDay, "UTC") : null,
          })),
          paid: cash(paidSoFar),
          toCome: cash(sumPence(progress.map((i) => i.amountPence)) - paidSoFar),
        }
      : null,
    setup,
    letter: award.status !== "CANCELLED",
  };
}

/** Where an award paid in instalments stands, in one sentence for the group. */
function splitPayment(progress: ReturnType<typeof instalmentProgress>, totalPence: number, cash: (pence: number) => MessageArg): Message {
  const next = nextToPay(progress);
  const underway = progress.find((i) => i.state === "in_progress");
  const head = { total: cash(totalPence), count: progress.length, paid: cash(paidOf(progress)) };
  if (underway) return { key: "bid.payment.split.underway", values: { ...head, position: underway.position, amount: cash(underway.amountPence) } };
  if (next) {
    const values = { ...head, position: next.position, amount: cash(next.amountPence) };
    return next.plannedOn
      ? { key: "bid.payment.split.nextPlanned", values: { ...values, day: dayOf(next.plannedOn, "UTC") } }
      : { key: "bid.payment.split.nextOnAcceptance", values };
  }
  return { key: "bid.payment.split.done", values: { total: head.total, count: head.count } };
}
