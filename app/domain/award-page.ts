import { ownWordsLang } from "~/domain/own-words";
import type { Outcome } from "~/domain/allocation";
import { todayIn } from "~/domain/calendar-day";
import { describeDecision, OUTCOME_VIEW, paymentMethodsOffered } from "~/domain/funder-forms";
import { formatMoney } from "~/domain/money";
import {
  AWARD_STATUS_VIEW,
  PAYMENT_METHOD_LABELS,
  PAYMENT_STATUS_VIEW,
  paymentActions,
  type AwardStatus,
  type PaymentActions,
  type PaymentForActions,
  type PaymentStatus,
} from "~/domain/payment";
import { describeNext, instalmentProgress, nextToPay, scheduleOf, scheduleView, type Instalment } from "~/domain/instalments";
import { can, type Actor } from "~/domain/permissions";
import { formatDate, formatDateTime } from "~/domain/zoned-time";

// What the staff page of one award shows, built from the award as the model reads it: the
// decision and why, the acceptance, the group's Stripe account and the payments with the
// buttons this person may press. Pure: the loader passes who is looking and `now`.

export const AWARD_NOTICES: Record<string, string> = {
  offered: "Award offered. The group has been emailed the conditions and can accept them through its private link, or here on this device.",
  accepted: "Acceptance recorded. A funder can now ask for the payment.",
  requested: "Payment asked for. Another funder must approve it before it is made.",
  approved: "Payment approved. Once it has been made, record the cheque number or the transfer’s reference below.",
  "approved-paid": "Payment approved and sent: Stripe has made the transfer to the group’s account.",
  "approved-sent": "Payment approved and sent to Stripe. How it went is below.",
  sent: "Payment sent to Stripe. Its status is below.",
  paid: "Payment recorded as made. The group has been emailed.",
  "payment-cancelled": "Payment cancelled. You can ask for a new one.",
  "award-cancelled": "Award cancelled. Its money is back in the pot and the group has been emailed the reason.",
  schedule: "Payment schedule saved. Each instalment is asked for and approved on its own.",
  "schedule-unchanged": "The payment schedule is as it was: nothing changed.",
  checked: "Checked with Stripe: the group’s account status below is up to date.",
};

/** Organisers record acceptances and show the set-up QR code at the event; funders do everything. */
export function mayActForGroup(user: Actor) {
  return can(user, "award:issue") || can(user, "event:run");
}

export interface AwardPaymentSource extends PaymentForActions {
  id: string;
  instalmentId: string | null;
  amountPence: number;
  createdAt: Date;
  approvedById: string | null;
  approvedAt: Date | null;
  paidOn: Date | null;
  reference: string | null;
  providerId: string | null;
}

/** The award as awardPage reads it (only what this page uses). */
export interface AwardSource {
  id: string;
  status: string;
  amountPence: number;
  conditions: string;
  createdById: string;
  createdAt: Date;
  acceptedAt: Date | null;
  acceptedBy: string | null;
  payments: AwardPaymentSource[];
  instalments: Instalment[];
  bid: {
    reference: string;
    groupName: string;
    projectTitle: string;
    /** The language the group wrote in: its name and title are marked so on this English page. */
    language?: string;
    amountRequestedPence: number | null;
    recipient: { payoutsEnabled: boolean; detailsSubmitted: boolean; updatedAt: Date } | null;
    round: { title: string; fund: { name: string; currency: string; timeZone: string } };
  };
  decision: {
    eventId: string | null;
    outcome: Outcome;
    amountPence: number;
    proposalReason: string;
    overrideReason: string | null;
    feedback: string;
    decidedById: string;
    decidedAt: Date;
  };
}

export interface PaymentView {
  id: string;
  /** "Instalment 2 of 3", when the award is paid in more than one. */
  instalment: string | null;
  method: string;
  manual: boolean;
  cheque: boolean;
  amount: string;
  statusKey: PaymentStatus;
  status: { label: string; tag: string };
  requested: string;
  approved: string | null;
  paid: string | null;
  reference: string | null;
  providerId: string | null;
  failureReason: string | null;
  actions: PaymentActions;
}

export function awardPageView(
  award: AwardSource,
  names: Record<string, string>,
  context: { user: Actor; now: Date; stripe: boolean; notice: string | null },
) {
  const { user, now, stripe } = context;
  const { bid, decision } = award;
  const { fund } = bid.round;
  const money = (pence: number) => formatMoney(pence, fund.currency);
  const when = (at: Date) => formatDateTime(at, fund.timeZone);
  const who = (id: string) => names[id] ?? "a staff member no longer listed";
  const status = award.status as AwardStatus;
  const live = status === "OFFERED" || status === "ACCEPTED";
  const open = award.payments.find((p) => p.status !== "FAILED" && p.status !== "PAID");
  const anyPayment = award.payments.some((p) => p.status !== "FAILED");
  const schedule = instalmentProgress(scheduleOf(award.amountPence, award.instalments), award.payments);
  const next = nextToPay(schedule);
  const payments = paymentViews(award, schedule, { money, when, who, user, now });

  const recipient = bid.recipient;
  return {
    notice: AWARD_NOTICES[context.notice ?? ""] ?? null,
    award: {
      id: award.id,
      reference: bid.reference,
      groupName: bid.groupName,
      projectTitle: bid.projectTitle,
      lang: ownWordsLang(bid.language),
      amount: money(award.amountPence),
      asked: bid.amountRequestedPence === null ? null : money(bid.amountRequestedPence),
      status,
      statusView: AWARD_STATUS_VIEW[status],
      conditions: award.conditions,
      offered: `${who(award.createdById)}, ${when(award.createdAt)}`,
      accepted: award.acceptedAt ? { by: award.acceptedBy ?? "", at: when(award.acceptedAt) } : null,
      fund: fund.name,
      round: bid.round.title,
      eventId: decision.eventId,
    },
    decision: {
      text: describeDecision(decision.outcome, decision.amountPence, fund.currency),
      tag: OUTCOME_VIEW[decision.outcome].tag,
      proposal: `${decision.proposalReason}.`,
      override: decision.overrideReason,
      feedback: decision.feedback,
      by: `${who(decision.decidedById)}, ${when(decision.decidedAt)}`,
      decider: who(decision.decidedById),
    },
    stripe,
    recipient: recipient
      ? {
          ready: recipient.payoutsEnabled,
          submitted: recipient.detailsSubmitted,
          checked: when(recipient.updatedAt),
        }
      : null,
    payments,
    schedule: scheduleView(schedule, fund.currency),
    nextInstalment: next ? { id: next.id, text: describeNext(next, schedule.length, fund.currency) } : null,
    today: todayIn(now, fund.timeZone).split("-").reverse().join("/"),
    can: {
      accept: status === "OFFERED" && mayActForGroup(user),
      onboard: stripe && live && !recipient?.payoutsEnabled && mayActForGroup(user),
      check: stripe && live && Boolean(recipient) && mayActForGroup(user),
      request: status === "ACCEPTED" && !open && Boolean(next) && can(user, "payment:request"),
      schedule: live && schedule.some((i) => i.state === "planned") && can(user, "payment:request"),
      cancelAward: live && can(user, "award:issue") && !anyPayment,
    },
    methods: paymentMethodsOffered(stripe).map((m) => ({ value: m, label: PAYMENT_METHOD_LABELS[m] })),
    // why: the page follows what happens elsewhere (Stripe, the group's phone, another funder).
    // (not while a cheque or transfer waits to be recorded: only this page changes that)
    watch: award.payments.some((p) => p.status === "PENDING" || p.status === "REQUESTED") || (live && Boolean(recipient) && !recipient?.payoutsEnabled),
  };
}

export type AwardPageView = ReturnType<typeof awardPageView>;

/** One form's answer from the award page's action: whose form it was, its errors and what was typed. */
export interface AwardFormResult {
  form: string;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  problem?: string;
  info?: string;
  onboarding?: { url: string; qr: string; until: string };
}

/** The form an answer belongs to: the intent, and the payment's id for a payment's own buttons. */
export function awardFormKey(values: Record<string, string | string[]>) {
  const intent = String(values.intent ?? "");
  return values.paymentId ? `${intent}:${String(values.paymentId)}` : intent;
}

interface PaymentViewContext {
  money(pence: number): string;
  when(at: Date): string;
  who(id: string): string;
  user: Actor;
  now: Date;
}

function paymentViews(award: AwardSource, schedule: ReturnType<typeof instalmentProgress>, context: PaymentViewContext): PaymentView[] {
  const { money, when, who, user, now } = context;
  const positionOf = new Map(schedule.map((i) => [i.id, i.position]));
  const instalmentOf = (p: AwardPaymentSource) => {
    if (schedule.length < 2) return null;
    const position = positionOf.get(p.instalmentId ?? schedule[0].id);
    return position ? `Instalment ${position} of ${schedule.length}` : null;
  };
  return award.payments.map((p) => ({
    id: p.id,
    instalment: instalmentOf(p),
    method: PAYMENT_METHOD_LABELS[p.method],
    manual: p.method !== "STRIPE",
    cheque: p.method === "CHEQUE",
    amount: money(p.amountPence),
    statusKey: p.status,
    status: PAYMENT_STATUS_VIEW[p.status],
    requested: `${who(p.requestedById)}, ${when(p.createdAt)}`,
    approved: p.approvedById && p.approvedAt ? `${who(p.approvedById)}, ${when(p.approvedAt)}` : null,
    // why: a paid-on date is a calendar day (stored at midnight UTC), not an instant in London.
    paid: p.status === "PAID" ? (p.paidOn ? formatDate(p.paidOn, "UTC") : when(p.updatedAt)) : null,
    reference: p.reference,
    providerId: p.providerId,
    failureReason: p.failureReason,
    actions: paymentActions(p, { staff: user, decidedById: award.decision.decidedById, now }),
  }));
}
