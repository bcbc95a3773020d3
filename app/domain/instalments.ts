import { addMonthsToDay } from "~/domain/grant-state";
import { formatMoney, parsePounds, penceToInput, sumPence, type Pence } from "~/domain/money";
import { parseDay } from "~/domain/payment-forms";
import type { Problems } from "~/domain/result";
import { formatDate } from "~/domain/zoned-time";

// An award's payment schedule: instalments with a planned day and an amount, summing exactly to
// the award. One instalment "on acceptance" unless the funder splits it (and awards from before
// schedules existed read as that one instalment). Instalments are paid in order, each through
// its own payment and its own two-person approval; one that is paid, or whose payment is under
// way, is fixed, and the rest can be changed until they are paid.
//
// Interface:
//   INSTALMENTS_MAX, ON_ACCEPTANCE
//   scheduleOf(awardPence, instalments)            the schedule, or the single default one
//   instalmentProgress(schedule, payments)         each instalment: paid / in progress / planned, and its payment
//   nextToPay(progress), fixedCount(progress), paidOf(progress)
//   parseSchedule(values, { awardPence, fixed, today })  the form -> rows to store, or errors by field
//   describePlanned(plannedOn), describeSchedule(progress, currency)
//   plannedPeriod(progress, { awardedOn, reportDueMonths })  the grant's planned start, end and months (360Giving plannedDates)

export const INSTALMENTS_MAX = 12;
export const ON_ACCEPTANCE = "On acceptance";

export interface Instalment {
  /** null: the default instalment of an award whose schedule was never stored. */
  id: string | null;
  position: number;
  /** A calendar day (UTC midnight); null: as soon as the group has accepted. */
  plannedOn: Date | null;
  amountPence: Pence;
}

export interface InstalmentPayment {
  id: string;
  instalmentId: string | null;
  status: string;
  paidOn: Date | null;
  updatedAt: Date;
}

export type InstalmentState = "paid" | "in_progress" | "planned";

export interface InstalmentProgress extends Instalment {
  state: InstalmentState;
  /** The payment that paid it, or the one under way; null while only planned. */
  payment: InstalmentPayment | null;
  /** The day it was paid (UTC midnight), when paid. */
  paidDay: Date | null;
}

export function scheduleOf(awardPence: Pence, instalments: readonly Instalment[]): Instalment[] {
  if (instalments.length === 0) return [{ id: null, position: 1, plannedOn: null, amountPence: awardPence }];
  return [...instalments].sort((a, b) => a.position - b.position);
}

function dayOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * Which instalments are paid, under way or still planned. A payment without an instalment (made
 * before schedules existed) belongs to the first.
 */
export function instalmentProgress(schedule: readonly Instalment[], payments: readonly InstalmentPayment[]): InstalmentProgress[] {
  const first = schedule[0]?.id ?? null;
  const of = (p: InstalmentPayment) => p.instalmentId ?? first;
  return schedule.map((instalment) => {
    const mine = payments.filter((p) => of(p) === instalment.id);
    const paid = mine.find((p) => p.status === "PAID");
    const open = mine.find((p) => p.status !== "PAID" && p.status !== "FAILED");
    const payment = paid ?? open ?? null;
    return {
      ...instalment,
      state: paid ? "paid" : open ? "in_progress" : "planned",
      payment,
      paidDay: paid ? dayOf(paid.paidOn ?? paid.updatedAt) : null,
    };
  });
}

/** The instalment a new payment would pay: the first neither paid nor under way, once nothing is under way. */
export function nextToPay(progress: readonly InstalmentProgress[]): InstalmentProgress | null {
  if (progress.some((i) => i.state === "in_progress")) return null;
  return progress.find((i) => i.state === "planned") ?? null;
}

/** How many instalments, from the first, can no longer change (paid or under way). */
export function fixedCount(progress: readonly InstalmentProgress[]): number {
  const index = progress.findIndex((i) => i.state === "planned");
  return index === -1 ? progress.length : index;
}

export function paidOf(progress: readonly InstalmentProgress[]): Pence {
  return sumPence(progress.filter((i) => i.state === "paid").map((i) => i.amountPence));
}

export function describePlanned(plannedOn: Date | null): string {
  return plannedOn ? formatDate(plannedOn, "UTC") : ON_ACCEPTANCE;
}

/** "£500 on acceptance (paid 3 Jan 2027); £500 on 1 Mar 2027": one line for reports and CSVs. */
export function describeSchedule(progress: readonly InstalmentProgress[], currency: string): string {
  return progress
    .map((i) => {
      const when = i.plannedOn ? `on ${formatDate(i.plannedOn, "UTC")}` : "on acceptance";
      const state = i.paidDay ? ` (paid ${formatDate(i.paidDay, "UTC")})` : i.state === "in_progress" ? " (payment under way)" : "";
      return `${formatMoney(i.amountPence, currency)} ${when}${state}`;
    })
    .join("; ");
}

// ---------- What the pages show ----------

export const INSTALMENT_STATE_VIEW: Record<InstalmentState, { label: string; tag: string }> = {
  paid: { label: "Paid", tag: "tag tag--green" },
  in_progress: { label: "Payment under way", tag: "tag tag--yellow" },
  planned: { label: "Planned", tag: "tag tag--grey" },
};

export interface ScheduleRowView {
  id: string | null;
  position: number;
  planned: string;
  amount: string;
  state: { label: string; tag: string };
  paid: string | null;
  /** Paid or under way: it can no longer change. */
  fixed: boolean;
  /** What the edit form starts from: YYYY-MM-DD ("" on acceptance) and pounds. */
  plannedInput: string;
  amountInput: string;
}

/** The schedule for the award page (funder) and the private page (group). */
export function scheduleView(progress: readonly InstalmentProgress[], currency: string) {
  const money = (pence: Pence) => formatMoney(pence, currency);
  const paid = paidOf(progress);
  const total = sumPence(progress.map((i) => i.amountPence));
  const rows: ScheduleRowView[] = progress.map((i) => ({
    id: i.id,
    position: i.position,
    planned: describePlanned(i.plannedOn),
    amount: money(i.amountPence),
    state: INSTALMENT_STATE_VIEW[i.state],
    paid: i.paidDay ? formatDate(i.paidDay, "UTC") : null,
    fixed: i.state !== "planned",
    plannedInput: i.plannedOn ? iso(i.plannedOn) : "",
    amountInput: penceToInput(i.amountPence),
  }));
  return { rows, paid: money(paid), toCome: money(total - paid), split: progress.length > 1 };
}

export type ScheduleView = ReturnType<typeof scheduleView>;

/** "Instalment 2 of 3: £500, planned for 1 Mar 2027" (or the whole award when not split). */
export function describeNext(next: InstalmentProgress, count: number, currency: string): string {
  const amount = formatMoney(next.amountPence, currency);
  const when = next.plannedOn ? `planned for ${formatDate(next.plannedOn, "UTC")}` : "on acceptance";
  return count > 1 ? `instalment ${next.position} of ${count}: ${amount}, ${when}` : amount;
}

// ---------- The form ----------

export interface ScheduleRow {
  position: number;
  plannedOn: Date | null;
  amountPence: Pence;
}

export interface ScheduleContext {
  awardPence: Pence;
  /** The instalments that can no longer change, in order (paid or under way). */
  fixed: readonly Instalment[];
  /** The fund's calendar day today, YYYY-MM-DD. */
  today: string;
}

export type ScheduleParse = { ok: true; rows: ScheduleRow[] } | { ok: false; message: string; errors: Problems };

const iso = (day: Date) => day.toISOString().slice(0, 10);

/**
 * Reads the schedule form: `plannedOn-<n>` and `amount-<n>` for each position after the fixed
 * instalments (rows left wholly empty are ignored). Amounts are whole pence above nothing and,
 * with the fixed instalments, sum exactly to the award; days are real, not before today, in
 * order; only the very first instalment may be "on acceptance" (an empty day).
 */
export function parseSchedule(values: Record<string, unknown>, context: ScheduleContext): ScheduleParse {
  const { awardPence, fixed, today } = context;
  const errors: Problems = {};
  const rows: ScheduleRow[] = [];
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string).trim() : "");
  const start = fixed.length + 1;
  let last: Date | null = fixed.reduce<Date | null>((latest, i) => (i.plannedOn && (!latest || i.plannedOn > latest) ? i.plannedOn : latest), null);
  for (let n = start; n <= INSTALMENTS_MAX; n++) {
    const day = text(`plannedOn-${n}`);
    const amount = text(`amount-${n}`);
    if (!day && !amount) continue;
    const position = fixed.length + rows.length + 1;
    const pence = parsePounds(amount);
    if (!amount) errors[`amount-${n}`] = "Enter the amount of this instalment";
    else if (pence === null) errors[`amount-${n}`] = "Enter an amount in pounds, like 500 or 250.50";
    else if (pence <= 0) errors[`amount-${n}`] = "An instalment must be more than £0";
    let plannedOn: Date | null = null;
    if (!day) {
      if (position !== 1) errors[`plannedOn-${n}`] = "Enter the day this instalment is planned for (only the first can be paid on acceptance)";
    } else {
      plannedOn = parseDay(day);
      if (!plannedOn) errors[`plannedOn-${n}`] = "Enter a real date, for example 14/05/2027";
      else if (iso(plannedOn) < today) errors[`plannedOn-${n}`] = "A planned day cannot be in the past";
      else if (last && plannedOn < last) errors[`plannedOn-${n}`] = "Put the instalments in date order: this one is before the one above it";
    }
    if (plannedOn) last = plannedOn;
    rows.push({ position, plannedOn, amountPence: pence ?? 0 });
  }
  if (Object.keys(errors).length) return { ok: false, message: "Check the payment schedule.", errors };
  if (rows.length === 0 && fixed.length === 0) {
    return { ok: false, message: "Check the payment schedule.", errors: { [`amount-${start}`]: "Enter at least one instalment" } };
  }
  const total = sumPence([...fixed.map((i) => i.amountPence), ...rows.map((r) => r.amountPence)]);
  if (total !== awardPence) {
    const gap = awardPence - total;
    const by = formatMoney(Math.abs(gap));
    const detail = `The instalments add up to ${formatMoney(total)}, but the award is ${formatMoney(awardPence)}: ${gap > 0 ? `add ${by}` : `take off ${by}`}`;
    return { ok: false, message: "Check the payment schedule.", errors: { schedule: detail } };
  }
  return { ok: true, rows };
}

// ---------- The grant's planned period (360Giving plannedDates) ----------

export interface PlannedPeriod {
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string;
  /** Months, as the standard counts a duration. */
  duration: number;
}

/**
 * When the funded work is planned to run: from the first instalment (the day it was paid, or
 * its planned day; on acceptance and unpaid: the award day) until the end-of-grant report is
 * due, which is `reportDueMonths` after the first payment.
 */
export function plannedPeriod(progress: readonly InstalmentProgress[], context: { awardedOn: Date; reportDueMonths: number }): PlannedPeriod {
  const first = progress[0];
  const start = first?.paidDay ?? first?.plannedOn ?? dayOf(context.awardedOn);
  return { startDate: iso(start), endDate: iso(addMonthsToDay(start, context.reportDueMonths)), duration: context.reportDueMonths };
}
