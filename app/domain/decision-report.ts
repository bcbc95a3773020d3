import type { Outcome } from "~/domain/allocation";
import type { VerifyResult } from "~/domain/audit-chain";
import { describeAction } from "~/domain/audit-describe";
import type { RuleBreach } from "~/domain/decision-rules";
import { describeVerdict, type CheckpointVerdict } from "~/domain/checkpoint";
import { EVENT_STATE_LABELS, type EventState, type SlotState } from "~/domain/event-machine";
import { describeRule } from "~/domain/fund";
import { formatMoney, sumPence, type Pence } from "~/domain/money";
import { PAYMENT_METHOD_LABELS, type AwardStatus, type PaymentMethod, type PaymentStatus } from "~/domain/payment";
import { can, type Actor } from "~/domain/permissions";
import { describeBid, describePanellistScore, type Ranking } from "~/domain/scoring";
import { formatDate, formatDateTime } from "~/domain/zoned-time";
import { DEFAULT_REPORT_DUE_MONTHS, disbursedPence, GRANT_STATE_LABELS, grantState, type GrantState, type ReportStatus } from "~/domain/grant-state";
import { describeSchedule, instalmentProgress, plannedPeriod, scheduleOf, type Instalment, type InstalmentProgress, type PlannedPeriod } from "~/domain/instalments";

// The decision report: everything about one event that an auditor asks for months later, in
// one place. Who was on the panel and what they declared, every score sheet in every version,
// the ranking and why, the proposal and where the funder departed from it, the awards, who
// asked for each payment and who approved it, and whether the audit log still verifies.
// The model gathers the facts (app/models/decision-report.server.ts); this file decides what
// they mean (findings) and how they read (reportView), for the page, the PDF and the CSVs alike.
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

// ---------- Findings: the answers an auditor looks for first ----------

export type FindingTone = "ok" | "attention" | "problem";

export interface Finding {
  tone: FindingTone;
  title: string;
  detail: string;
}

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function list(items: readonly string[]) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** A payment is settled by two people when its approver is neither who asked for it nor who decided the award. */
export function approvedByTwoPeople(payment: Pick<DecisionReport["payments"][number], "approvedBy" | "requestedBy" | "decidedById">): boolean {
  const approver = payment.approvedBy?.id;
  return Boolean(approver) && approver !== payment.requestedBy.id && approver !== payment.decidedById;
}

export function reportFindings(report: DecisionReport): Finding[] {
  const findings: Finding[] = [];
  const ref = referenceOf(report);

  const { chain } = report.audit;
  findings.push(
    chain.ok
      ? {
          tone: "ok",
          title: "The audit log verifies",
          detail: `All ${plural(chain.count, "entry", "entries")} follow from the one before${chain.head ? `, up to #${chain.head.seq}` : ""}; ${plural(report.audit.eventEntries, "entry names", "entries name")} this event.`,
        }
      : {
          tone: "problem",
          title: "The audit log does NOT verify",
          detail: `The chain is broken at entry #${chain.firstBadSeq}: ${chain.reason}. Nothing in this report can be taken on trust until that is explained.`,
        },
  );
  const checkpoint = report.audit.checkpoint;
  if (checkpoint && !checkpoint.verdict.ok) {
    findings.push({ tone: "problem", title: "The log does not match its last checkpoint", detail: describeVerdict(checkpoint.verdict) });
  }

  const moving = report.payments.filter((p) => p.status !== "REQUESTED" && !(p.status === "FAILED" && !p.approvedBy));
  const single = moving.filter((p) => !approvedByTwoPeople(p));
  const waiting = report.payments.filter((p) => p.status === "REQUESTED");
  if (report.payments.length === 0) {
    findings.push({ tone: "ok", title: "No payments yet", detail: "No payment has been asked for on this event's awards." });
  } else if (single.length > 0) {
    findings.push({
      tone: "problem",
      title: "A payment was not approved by a second person",
      detail: `${list(single.map((p) => ref(p.bidId)))}: approved by the person who asked for it or who made the decision.`,
    });
  } else {
    findings.push({
      tone: waiting.length ? "attention" : "ok",
      title: "Every payment was approved by a second funder",
      detail:
        `${plural(moving.length, "payment")} approved by someone other than who asked for it and who made the decision` +
        (waiting.length ? `; ${plural(waiting.length, "payment")} still waiting for approval (${list(waiting.map((p) => ref(p.bidId)))}).` : "."),
    });
  }

  const overrides = report.decisions.filter((d) => d.outcome !== d.proposedOutcome || d.amountPence !== d.proposedAmountPence);
  const unexplained = overrides.filter((d) => !d.overrideReason?.trim());
  if (unexplained.length > 0) {
    findings.push({
      tone: "problem",
      title: "A decision departs from the proposal without a reason",
      detail: list(unexplained.map((d) => ref(d.bidId))),
    });
  } else {
    findings.push({
      tone: overrides.length ? "attention" : "ok",
      title:
        overrides.length === 0
          ? "Every decision follows the proposal"
          : overrides.length === 1
            ? "1 decision departs from the proposal, with a reason"
            : `${overrides.length} decisions depart from the proposal, each with a reason`,
      detail: overrides.length
        ? `${list(overrides.map((d) => ref(d.bidId)))}: the reasons are under Decisions.`
        : `${plural(report.decisions.length, "decision")} recorded as the ranking proposed.`,
    });
  }

  findings.push(...ruleBreachFindings(report));

  const undecided = report.pitches.filter((p) => p.status === "SHORTLISTED" && !report.decisions.some((d) => d.bidId === p.bidId));
  const unconfirmed = report.pitches.filter((p) => p.status === "SHORTLISTED" && report.decisions.some((d) => d.bidId === p.bidId));
  if (undecided.length || unconfirmed.length) {
    findings.push({
      tone: "attention",
      title: "Decisions are not final yet",
      detail: [
        undecided.length ? `no decision yet on ${list(undecided.map((p) => p.reference))}` : "",
        unconfirmed.length ? `not yet confirmed: ${list(unconfirmed.map((p) => p.reference))}` : "",
      ]
        .filter(Boolean)
        .join("; "),
    });
  }

  const sheetsBeforeConflict = report.conflicts.filter((c) => report.sheets.some((s) => s.panellistId === c.panellistId && s.bidId === c.bidId));
  findings.push({
    tone: sheetsBeforeConflict.length ? "attention" : "ok",
    title: report.conflicts.length ? `${plural(report.conflicts.length, "conflict of interest", "conflicts of interest")} declared` : "No conflicts of interest declared",
    detail: report.conflicts.length
      ? `${list(report.conflicts.map((c) => `${panellistName(report, c.panellistId)} on ${ref(c.bidId)}`))}. ` +
        (sheetsBeforeConflict.length
          ? `${plural(sheetsBeforeConflict.length, "sheet")} sent before the conflict was declared ${sheetsBeforeConflict.length === 1 ? "was" : "were"} left out of the counts.`
          : report.conflicts.length === 1
            ? "They did not score that pitch."
            : "They did not score those pitches.")
      : "No panellist declared a conflict with any pitch.",
  });

  const edited = new Set(report.sheets.filter((s) => s.version > 1).map((s) => `${s.panellistId}/${s.bidId}`));
  if (edited.size > 0) {
    findings.push({
      tone: "ok",
      title: `${plural(edited.size, "score was", "scores were")} changed after first being sent`,
      detail: "Every version is kept and listed under Score sheets; only the latest counts.",
    });
  }

  const short = report.ranking?.bids.filter((b) => !b.meetsQuorum) ?? [];
  if (short.length > 0) {
    findings.push({
      tone: "attention",
      title: `${plural(short.length, "pitch", "pitches")} short of quorum`,
      detail: `${list(short.map((b) => b.reference))}: fewer than ${report.round.rule.quorum} panellists' scores counted, so ranked after the rest.`,
    });
  }

  const committed = report.fundCommittedPence;
  if (committed > report.fund.potPence) {
    findings.push({
      tone: "problem",
      title: "The fund is overspent",
      detail: `${formatMoney(committed, report.fund.currency)} committed against a pot of ${formatMoney(report.fund.potPence, report.fund.currency)}.`,
    });
  }
  return findings;
}

/** One finding per decision that breaks a declared rule: which rules, by how much, and who approved it. */
function ruleBreachFindings(report: DecisionReport): Finding[] {
  const ref = referenceOf(report);
  const when = (at: Date) => formatDateTime(at, report.fund.timeZone);
  return report.decisions
    .filter((d) => d.ruleBreaches.length > 0)
    .map((d) => {
      const breaches = d.ruleBreaches.map((b) => `${b.message}.`).join(" ");
      const reason = d.ruleExceptionReason ? ` Reason for the exception: ${d.ruleExceptionReason}` : "";
      const approved = d.exceptionApprovedBy && d.exceptionApprovedAt;
      return {
        tone: approved ? ("attention" as const) : ("problem" as const),
        title: `${ref(d.bidId)}: rule breach (${plural(d.ruleBreaches.length, "rule")} of the round broken)`,
        detail:
          `${breaches}${reason}${reason.endsWith(".") ? "" : reason ? "." : ""} ` +
          (approved
            ? `Approved as an exception by ${d.exceptionApprovedBy!.name}, ${when(d.exceptionApprovedAt!)} (decided by ${d.decidedBy.name}).`
            : `Not approved by a second funder (decided by ${d.decidedBy.name}).`),
      };
    });
}

/** The breaches and the approval in one line, for the decisions section, the CSV and the PDF. */
export function describeRuleException(d: DecisionReport["decisions"][number], timeZone: string): string {
  if (d.ruleBreaches.length === 0) return "";
  const approval =
    d.exceptionApprovedBy && d.exceptionApprovedAt
      ? `approved by ${d.exceptionApprovedBy.name}, ${formatDateTime(d.exceptionApprovedAt, timeZone)}`
      : "not approved by a second funder";
  return `${d.ruleBreaches.map((b) => b.message).join("; ")}. Exception ${approval}. Reason: ${d.ruleExceptionReason ?? "none recorded"}`;
}

function referenceOf(report: DecisionReport) {
  const refs = new Map(report.pitches.map((p) => [p.bidId, p.reference]));
  return (bidId: string) => refs.get(bidId) ?? bidId;
}

function panellistName(report: DecisionReport, panellistId: string) {
  return report.panel.find((p) => p.id === panellistId)?.name ?? "A panellist";
}

/** Why a sheet did or did not count: its panellist's status for that pitch in the ranking. */
export function sheetStanding(report: DecisionReport, sheet: DecisionReport["sheets"][number]): { counted: boolean; text: string } {
  if (!sheet.current) return { counted: false, text: "Replaced by a later version" };
  const conflict = report.conflicts.some((c) => c.panellistId === sheet.panellistId && c.bidId === sheet.bidId);
  if (conflict) return { counted: false, text: "Not counted: the panellist declared a conflict of interest" };
  const score = report.ranking?.bids.find((b) => b.bidId === sheet.bidId)?.panellists.find((p) => p.panellistId === sheet.panellistId);
  if (!score) return { counted: false, text: "Not counted: not part of the ranking" };
  return score.status === "COUNTED" ? { counted: true, text: "Counted" } : { counted: false, text: `Not counted: ${score.exclusionReason}` };
}

// ---------- Reading it: every figure and date in words, in the fund's time zone ----------

export interface ReportView {
  heading: string;
  fundName: string;
  funderName: string;
  roundTitle: string;
  generated: string;
  event: { title: string; when: string; venue: string; state: string; revealed: string | null };
  timeZone: string;
  findings: Finding[];
  rule: string[];
  criteria: { name: string; guidance: string; weight: number; scale: string }[];
  panel: { name: string; status: string; joined: string; removed: string }[];
  conflicts: { panellist: string; pitch: string; reason: string; declared: string }[];
  ranking: {
    rank: number;
    reference: string;
    group: string;
    project: string;
    requested: string;
    explanation: string;
    panellists: { name: string; text: string }[];
    audience: string;
  }[];
  sheets: {
    pitch: string;
    panellist: string;
    version: number;
    sent: string;
    scores: { criterion: string; value: number }[];
    comment: string;
    standing: string;
    counted: boolean;
  }[];
  decisions: {
    reference: string;
    group: string;
    requested: string;
    proposal: string;
    proposalReason: string;
    decision: string;
    departs: boolean;
    overrideReason: string;
    /** The rules it breaks, by how much, and the exception's approval; "" when it keeps them. */
    ruleBreach: string;
    feedback: string;
    decidedBy: string;
    decidedAt: string;
    confirmed: boolean;
    trail: string[];
  }[];
  awards: {
    reference: string;
    group: string;
    amount: string;
    status: string;
    conditions: string;
    issued: string;
    accepted: string;
    /** The instalments, planned and paid; the planned period; what was paid less returned; the outcome. */
    schedule: string;
    planned: string;
    disbursed: string;
    outcome: string;
    trail: string[];
  }[];
  payments: {
    reference: string;
    group: string;
    method: string;
    amount: string;
    status: string;
    requested: string;
    approved: string;
    twoPeople: boolean | null;
    providerId: string;
    /** "Cheque number" or "Bank reference", for the manual reference beside it. */
    manualReferenceLabel: string;
    manualReference: string;
    paidOn: string;
    idempotencyKey: string;
    failureReason: string;
    trail: string[];
  }[];
  money: { pot: string; decided: string; awarded: string; paid: string; fundRemaining: string };
  audit: { ok: boolean; chain: string; checkpoint: string; eventEntries: string };
}

export function describeDecision(outcome: Outcome, amountPence: Pence, currency: string): string {
  return outcome === "NOT_FUNDED" ? OUTCOME_LABELS.NOT_FUNDED : `${OUTCOME_LABELS[outcome]}: ${formatMoney(amountPence, currency)}`;
}

function describeChain(chain: VerifyResult): string {
  if (!chain.ok) return `BROKEN at entry #${chain.firstBadSeq}: ${chain.reason}.`;
  if (!chain.head) return "The log is empty.";
  return `Verified: ${plural(chain.count, "entry", "entries")}, each following from the one before, up to #${chain.head.seq} (${chain.head.hash.slice(0, 16)}…).`;
}

export function reportView(report: DecisionReport): ReportView {
  const { currency, timeZone } = report.fund;
  const money = (pence: Pence) => formatMoney(pence, currency);
  const when = (at: Date) => formatDateTime(at, timeZone);
  const pitch = new Map(report.pitches.map((p) => [p.bidId, p]));
  const label = (bidId: string) => {
    const p = pitch.get(bidId);
    return p ? `${p.reference} ${p.groupName}` : bidId;
  };
  const names = new Map(report.panel.map((p) => [p.id, p.name]));
  const criteria = new Map(report.round.criteria.map((c) => [c.id, c.name]));
  const trail = (entries: readonly TrailEntry[]) => entries.map((e) => `#${e.seq} ${describeAction(e.action)}, ${when(e.at)}, by ${e.by}`);
  const ranking = report.ranking;

  const awarded = report.awards.filter((a) => a.status !== "CANCELLED");
  return {
    heading: `Decision report: ${report.event.title}`,
    fundName: report.fund.name,
    funderName: report.fund.funderName,
    roundTitle: report.round.title,
    generated: when(report.generatedAt),
    timeZone,
    event: {
      title: report.event.title,
      when: when(report.event.startsAt),
      venue: report.event.venue,
      state: EVENT_STATE_LABELS[report.event.state],
      revealed: report.event.resultsRevealedAt ? when(report.event.resultsRevealedAt) : null,
    },
    findings: reportFindings(report),
    rule: describeRule(report.round.rule),
    criteria: report.round.criteria.map((c) => ({ name: c.name, guidance: c.guidance, weight: c.weight, scale: `${c.scaleMin} to ${c.scaleMax}` })),
    panel: report.panel.map((p) => ({
      name: p.name,
      status: PANELLIST_STATUS_LABELS[p.status],
      joined: p.joinedAt ? when(p.joinedAt) : "Never joined",
      removed: p.revokedAt ? when(p.revokedAt) : "",
    })),
    conflicts: report.conflicts.map((c) => ({
      panellist: names.get(c.panellistId) ?? "A panellist",
      pitch: label(c.bidId),
      reason: c.reason,
      declared: when(c.declaredAt),
    })),
    ranking: (ranking?.bids ?? []).map((b) => {
      const p = pitch.get(b.bidId);
      return {
        rank: b.rank,
        reference: b.reference,
        group: p?.groupName ?? "",
        project: p?.projectTitle ?? "",
        requested: b.amountRequestedPence === null ? "Not given" : money(b.amountRequestedPence),
        explanation: describeBid(b, ranking!),
        panellists: b.panellists.map((s) => ({ name: names.get(s.panellistId) ?? "A panellist", text: describePanellistScore(s, ranking!.scale) })),
        audience: b.audience.totalPoints > 0 ? `${b.audience.points} of ${b.audience.totalPoints} audience points` : "No audience points",
      };
    }),
    sheets: report.sheets.map((s) => {
      const standing = sheetStanding(report, s);
      return {
        pitch: label(s.bidId),
        panellist: names.get(s.panellistId) ?? "A panellist",
        version: s.version,
        sent: when(s.submittedAt),
        scores: s.items.map((i) => ({ criterion: criteria.get(i.criterionId) ?? "A criterion", value: i.value })),
        comment: s.comment,
        standing: standing.text,
        counted: standing.counted,
      };
    }),
    decisions: report.decisions.map((d) => {
      const p = pitch.get(d.bidId);
      return {
        reference: p?.reference ?? d.bidId,
        group: p?.groupName ?? "",
        requested: p?.amountRequestedPence == null ? "Not given" : money(p.amountRequestedPence),
        proposal: describeDecision(d.proposedOutcome, d.proposedAmountPence, currency),
        proposalReason: d.proposalReason,
        decision: describeDecision(d.outcome, d.amountPence, currency),
        departs: d.outcome !== d.proposedOutcome || d.amountPence !== d.proposedAmountPence,
        overrideReason: d.overrideReason ?? "",
        ruleBreach: describeRuleException(d, report.fund.timeZone),
        feedback: d.feedback,
        decidedBy: d.decidedBy.name,
        decidedAt: when(d.decidedAt),
        confirmed: p ? p.status !== "SHORTLISTED" : true,
        trail: trail(d.trail),
      };
    }),
    awards: report.awards.map((a) => ({
      ...describeAfterAward(awardAfter(report, a)),
      reference: pitch.get(a.bidId)?.reference ?? a.bidId,
      group: pitch.get(a.bidId)?.groupName ?? "",
      amount: money(a.amountPence),
      status: AWARD_STATUS_LABELS[a.status],
      conditions: a.conditions,
      issued: `${when(a.createdAt)} by ${a.createdBy.name}`,
      accepted: a.acceptedAt ? `${when(a.acceptedAt)}, by ${a.acceptedVia ?? "the group"}` : "Not yet",
      trail: trail(a.trail),
    })),
    payments: report.payments.map((p) => ({
      reference: pitch.get(p.bidId)?.reference ?? p.bidId,
      group: pitch.get(p.bidId)?.groupName ?? "",
      method: PAYMENT_METHOD_LABELS[p.method],
      amount: money(p.amountPence),
      status: PAYMENT_STATUS_LABELS[p.status],
      requested: `${when(p.requestedAt)} by ${p.requestedBy.name}`,
      approved: p.approvedBy && p.approvedAt ? `${when(p.approvedAt)} by ${p.approvedBy.name}` : "Not approved",
      twoPeople: p.approvedBy ? approvedByTwoPeople(p) : null,
      providerId: p.providerId ?? "",
      manualReferenceLabel: p.method === "CHEQUE" ? "Cheque number" : "Bank reference",
      manualReference: p.reference ?? "",
      paidOn: p.paidOn ? formatDate(p.paidOn, "UTC") : "",
      idempotencyKey: p.idempotencyKey,
      failureReason: p.failureReason ?? "",
      trail: trail(p.trail),
    })),
    money: {
      pot: money(report.fund.potPence),
      decided: money(sumPence(report.decisions.map((d) => d.amountPence))),
      awarded: money(sumPence(awarded.map((a) => a.amountPence))),
      paid: money(sumPence(report.payments.filter((p) => p.status === "PAID").map((p) => p.amountPence))),
      fundRemaining: money(report.fund.potPence - report.fundCommittedPence),
    },
    audit: {
      ok: report.audit.chain.ok && (report.audit.checkpoint?.verdict.ok ?? true),
      chain: describeChain(report.audit.chain),
      checkpoint: report.audit.checkpoint
        ? `Newest checkpoint #${report.audit.checkpoint.seq}, taken ${when(report.audit.checkpoint.createdAt)}: ${describeVerdict(report.audit.checkpoint.verdict)}`
        : "No checkpoint has been taken yet.",
      eventEntries: plural(report.audit.eventEntries, "entry names", "entries name") + " this event.",
    },
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
