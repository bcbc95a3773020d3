import type { Outcome } from "~/domain/allocation";
import type { VerifyResult } from "~/domain/audit-chain";
import type { RuleBreach } from "~/domain/decision-rules";
import type { CheckpointVerdict } from "~/domain/checkpoint";
import type { EventState, SlotState } from "~/domain/event-machine";
import { describeRule } from "~/domain/fund";
import { formatMoney, type Pence } from "~/domain/money";
import type { AwardStatus, PaymentMethod, PaymentStatus } from "~/domain/payment";
import { can, type Actor } from "~/domain/permissions";
import type { Ranking } from "~/domain/scoring";
import { formatDate } from "~/domain/zoned-time";
import { DEFAULT_REPORT_DUE_MONTHS, disbursedPence, GRANT_STATE_LABELS, grantState, type GrantState, type ReportStatus } from "~/domain/grant-state";
import { describeSchedule, instalmentProgress, plannedPeriod, scheduleOf, type Instalment, type InstalmentProgress, type PlannedPeriod } from "~/domain/instalments";

// The decision report: everything about one event that an auditor asks for months later, in
// one place. Who was on the panel and what they declared, every score sheet in every version,
// the ranking and why, the proposal and where the funder departed from it, the awards, who
// asked for each payment and who approved it, and whether the audit log still verifies.
// The model gathers the facts (app/models/decision-report.server.ts); this file holds their
// shape and what happened to each award's money; decision-report-findings.ts says what they mean
// and decision-report-view.ts how they read, for the page, the PDF and the CSVs alike.
//
// No contact details of groups are part of it. Panellists and staff are named: they act in a
// public role, and "who decided" is the question the report exists to answer.

export type BidStatus = "DRAFT" | "SUBMITTED" | "WITHDRAWN" | "SHORTLISTED" | "DECLINED" | "FUNDED" | "NOT_FUNDED";

/** Who can read the report: auditors and administrators (audit:read), and funders, whose decisions it records. */
export function canReadDecisionReport(actor: Actor | null | undefined): boolean {
  return can(actor, "audit:read") || can(actor, "decision:make");
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  FUNDED: "Funded in full",
  PART_FUNDED: "Part-funded",
  NOT_FUNDED: "Not funded",
};

export const AWARD_STATUS_LABELS: Record<AwardStatus, string> = {
  OFFERED: "Offered, not yet accepted",
  ACCEPTED: "Accepted",
  PAID: "Paid",
  CANCELLED: "Cancelled",
};

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, string> = {
  REQUESTED: "Waiting for a second funder",
  APPROVED: "Approved, not yet paid",
  PENDING: "Being sent",
  PAID: "Paid",
  FAILED: "Failed or cancelled",
};

export const PANELLIST_STATUS_LABELS = { INVITED: "Invited, never joined", JOINED: "Joined", REVOKED: "Removed" } as const;

/** A staff member as the report names them (null id: the account no longer exists). */
export interface Person {
  id: string | null;
  name: string;
}

/** One audit entry about a decision, award or payment, to cross-check against the log. */
export interface TrailEntry {
  seq: number;
  action: string;
  at: Date;
  by: string;
}

export interface DecisionReport {
  generatedAt: Date;
  event: { id: string; title: string; startsAt: Date; venue: string; state: EventState; resultsRevealedAt: Date | null };
  fund: { id: string; name: string; funderName: string; currency: string; timeZone: string; potPence: Pence; reportDueMonths?: number };
  /** What the whole fund has committed (awards not cancelled, and funded decisions still waiting for theirs). */
  fundCommittedPence: Pence;
  round: {
    id: string;
    title: string;
    slug: string;
    rule: Parameters<typeof describeRule>[0];
    criteria: { id: string; name: string; guidance: string; weight: number; scaleMin: number; scaleMax: number }[];
  };
  /** The running order. */
  pitches: {
    bidId: string;
    reference: string;
    groupName: string;
    projectTitle: string;
    /** The language the group wrote in ("cy" or "en"). */
    language?: string;
    amountRequestedPence: Pence | null;
    status: BidStatus;
    position: number;
    slotState: SlotState;
    lockedAt: Date | null;
  }[];
  panel: { id: string; name: string; status: keyof typeof PANELLIST_STATUS_LABELS; invitedAt: Date; joinedAt: Date | null; revokedAt: Date | null }[];
  conflicts: { panellistId: string; bidId: string; reason: string; declaredAt: Date }[];
  /** Every version of every sheet, oldest first per panellist and pitch. */
  sheets: {
    id: string;
    panellistId: string;
    bidId: string;
    version: number;
    current: boolean;
    submittedAt: Date;
    comment: string;
    items: { criterionId: string; value: number }[];
  }[];
  /** rankBids() over the current sheets, recusals and audience; null when nothing can be ranked. */
  ranking: Ranking | null;
  audience: { bidId: string; votes: number; points: number; paper: number; total: number }[];
  decisions: {
    id: string;
    bidId: string;
    proposedOutcome: Outcome;
    proposedAmountPence: Pence;
    proposalReason: string;
    outcome: Outcome;
    amountPence: Pence;
    overrideReason: string | null;
    feedback: string;
    decidedBy: Person;
    decidedAt: Date;
    /** The round's declared rules this decision breaks (decision-rules.ts), recorded as an exception. */
    ruleBreaches: RuleBreach[];
    ruleExceptionReason: string | null;
    exceptionApprovedBy: Person | null;
    exceptionApprovedAt: Date | null;
    trail: TrailEntry[];
  }[];
  awards: {
    id: string;
    bidId: string;
    amountPence: Pence;
    status: AwardStatus;
    conditions: string;
    createdBy: Person;
    createdAt: Date;
    acceptedAt: Date | null;
    /** "the group, through its private link" or the staff member who recorded it. */
    acceptedVia: string | null;
    /** The payment schedule (none stored: one instalment on acceptance) and the end-of-grant report. */
    instalments?: Instalment[];
    report?: { status: ReportStatus; returnedPence: Pence } | null;
    trail: TrailEntry[];
  }[];
  payments: {
    id: string;
    awardId: string;
    instalmentId?: string | null;
    bidId: string;
    method: PaymentMethod;
    amountPence: Pence;
    status: PaymentStatus;
    idempotencyKey: string;
    providerId: string | null;
    reference: string | null;
    paidOn: Date | null;
    /** When it last changed: the day a Stripe payment was paid. */
    updatedAt?: Date;
    failureReason: string | null;
    requestedBy: Person;
    requestedAt: Date;
    approvedBy: Person | null;
    approvedAt: Date | null;
    /** Who made the funding decision the payment rests on (four eyes: not the approver). */
    decidedById: string;
    trail: TrailEntry[];
  }[];
  audit: {
    chain: VerifyResult;
    checkpoint: { seq: number; hash: string; createdAt: Date; verdict: CheckpointVerdict } | null;
    /** Entries that name this event (as their subject or in their payload). */
    eventEntries: number;
  };
}

// ---------- The months after the award ----------

export interface AwardAfter {
  progress: InstalmentProgress[];
  planned: PlannedPeriod;
  disbursedPence: Pence;
  state: GrantState;
  reportAccepted: boolean;
  returnedPence: Pence;
  currency: string;
}

/** Where one award's money went: its instalments, the planned period, what was kept and the grant's state. */
export function awardAfter(report: Pick<DecisionReport, "fund" | "payments" | "generatedAt">, award: DecisionReport["awards"][number]): AwardAfter {
  const payments = report.payments.filter((p) => p.awardId === award.id);
  const facts = payments.map((p) => ({ ...p, instalmentId: p.instalmentId ?? null, updatedAt: p.updatedAt ?? p.approvedAt ?? p.requestedAt }));
  const progress = instalmentProgress(scheduleOf(award.amountPence, award.instalments ?? []), facts);
  const reportDueMonths = report.fund.reportDueMonths ?? DEFAULT_REPORT_DUE_MONTHS;
  const paidDays = progress.filter((i) => i.paidDay).map((i) => ({ status: "PAID", amountPence: i.amountPence, paidOn: i.paidDay, updatedAt: i.paidDay! }));
  const grant = { awardStatus: award.status, awardPence: award.amountPence, payments: paidDays, report: award.report ?? null, reportDueMonths };
  return {
    progress,
    planned: plannedPeriod(progress, { awardedOn: award.createdAt, reportDueMonths }),
    disbursedPence: disbursedPence(grant),
    state: grantState(grant, report.generatedAt),
    reportAccepted: award.report?.status === "ACCEPTED",
    returnedPence: award.report?.returnedPence ?? 0,
    currency: report.fund.currency,
  };
}

export function describeAfterAward(after: AwardAfter) {
  const money = (pence: Pence) => formatMoney(pence, after.currency);
  const { planned } = after;
  const outcome = [
    GRANT_STATE_LABELS[after.state],
    after.reportAccepted ? "end-of-grant report accepted" : null,
    after.returnedPence > 0 ? `${money(after.returnedPence)} returned` : null,
  ].filter(Boolean);
  return {
    schedule: describeSchedule(after.progress, after.currency),
    planned: `${formatDate(new Date(planned.startDate), "UTC")} to ${formatDate(new Date(planned.endDate), "UTC")} (${planned.duration} months)`,
    disbursed: money(after.disbursedPence),
    outcome: outcome.join("; "),
  };
}

export function reportFileName(report: Pick<DecisionReport, "event">, suffix: string) {
  const slug = report.event.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "event";
  return `decision-report-${slug}-${suffix}`;
}
