import type { Pence } from "~/domain/money";

// Where a grant is in the months after the award, from its award, payments and report and the
// time now: the funder's list filters on it, reminders and the 360Giving export read it.

export const GRANT_STATES = ["awaiting_payment", "part_paid", "paid", "report_due", "overdue", "report_in", "closed", "cancelled"] as const;
export type GrantState = (typeof GRANT_STATES)[number];

export const GRANT_STATE_LABELS: Record<GrantState, string> = {
  awaiting_payment: "Awaiting payment",
  part_paid: "Part paid",
  paid: "Paid",
  report_due: "Report due",
  overdue: "Report overdue",
  report_in: "Report in",
  closed: "Closed",
  cancelled: "Cancelled",
};

/** How long before its due date a report counts as "due" on the funder's list. */
export const REPORT_DUE_WINDOW_DAYS = 30;
export const DEFAULT_REPORT_DUE_MONTHS = 12;

export type ReportStatus = "DRAFT" | "SUBMITTED" | "ACCEPTED" | "MORE_REQUESTED";

export interface GrantPayment {
  status: string;
  amountPence: Pence;
  /** The day a manual payment was made; null for Stripe, whose day is when it was marked paid. */
  paidOn: Date | null;
  updatedAt: Date;
}

export interface GrantFacts {
  awardStatus: string;
  /** The award: a grant paid less than this (instalments still to come) is "part paid". */
  awardPence: Pence;
  payments: readonly GrantPayment[];
  report: { status: ReportStatus; returnedPence: Pence } | null;
  reportDueMonths: number;
}

const DAY_MS = 86_400_000;

function paidDay(payment: GrantPayment): Date {
  const at = payment.paidOn ?? payment.updatedAt;
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** The day of the first paid payment (UTC midnight), or null before any money went out. */
export function firstPaidDay(payments: readonly GrantPayment[]): Date | null {
  const days = payments.filter((p) => p.status === "PAID").map(paidDay);
  if (days.length === 0) return null;
  return new Date(Math.min(...days.map((d) => d.getTime())));
}

/** `months` calendar months after `day`; the 31st becomes the month's last day, never the next month's 1st. */
export function addMonthsToDay(day: Date, months: number): Date {
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day.getUTCDate(), lastDay)));
}

/** The day the end-of-grant report is due (UTC midnight), or null while nothing is paid. */
export function reportDueDay(facts: Pick<GrantFacts, "payments" | "reportDueMonths">): Date | null {
  const first = firstPaidDay(facts.payments);
  return first ? addMonthsToDay(first, facts.reportDueMonths) : null;
}

export function paidPence(payments: readonly GrantPayment[]): Pence {
  return payments.filter((p) => p.status === "PAID").reduce((sum, p) => sum + p.amountPence, 0);
}

/** 360Giving's amountDisbursed: what was paid, less what the group sent back. */
export function disbursedPence(facts: Pick<GrantFacts, "payments" | "report">): Pence {
  return Math.max(0, paidPence(facts.payments) - (facts.report?.returnedPence ?? 0));
}

export function grantState(facts: GrantFacts, now: Date): GrantState {
  if (facts.awardStatus === "CANCELLED") return "cancelled";
  if (facts.report?.status === "ACCEPTED") return "closed";
  const due = reportDueDay(facts);
  if (!due) return "awaiting_payment";
  if (facts.report?.status === "SUBMITTED") return "report_in";
  // why the end of the due day: a report sent on its due date is on time.
  if (now.getTime() >= due.getTime() + DAY_MS) return "overdue";
  if (facts.report?.status === "MORE_REQUESTED") return "report_due";
  if (now.getTime() >= due.getTime() - REPORT_DUE_WINDOW_DAYS * DAY_MS) return "report_due";
  return paidPence(facts.payments) < facts.awardPence ? "part_paid" : "paid";
}

/** The group may still change its report: not while the funder has it, nor once accepted. */
export function reportIsEditable(status: string | undefined) {
  return status !== "SUBMITTED" && status !== "ACCEPTED";
}
