import { ownWordsLang } from "~/domain/own-words";
import type { Outcome } from "~/domain/allocation";
import type { VerifyResult } from "~/domain/audit-chain";
import { describeAction } from "~/domain/audit-describe";
import { describeVerdict } from "~/domain/checkpoint";
import { EVENT_STATE_LABELS } from "~/domain/event-machine";
import { describeRule } from "~/domain/fund";
import { formatMoney, sumPence, type Pence } from "~/domain/money";
import { PAYMENT_METHOD_LABELS } from "~/domain/payment";
import { describeBid, describePanellistScore } from "~/domain/scoring";
import { formatDate, formatDateTime } from "~/domain/zoned-time";
import {
  awardAfter,
  AWARD_STATUS_LABELS,
  describeAfterAward,
  OUTCOME_LABELS,
  PANELLIST_STATUS_LABELS,
  PAYMENT_STATUS_LABELS,
  type DecisionReport,
  type TrailEntry,
} from "~/domain/decision-report";
import { approvedByTwoPeople, describeRuleException, plural, reportFindings, sheetStanding, type Finding } from "~/domain/decision-report-findings";

// How the decision report reads, for the page, the PDF and the CSVs alike: every figure and date
// in words, in the fund's time zone. The facts are in app/domain/decision-report.ts, what they
// mean in app/domain/decision-report-findings.ts.

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
  /** `pitchLang`: "cy" when the group wrote in Welsh (its name is in the pitch's label). */
  conflicts: { panellist: string; pitch: string; pitchLang: "cy" | undefined; reason: string; declared: string }[];
  ranking: {
    rank: number;
    reference: string;
    group: string;
    project: string;
    /** "cy" when the group wrote in Welsh: its name and title are marked so. */
    lang: "cy" | undefined;
    requested: string;
    explanation: string;
    panellists: { name: string; text: string }[];
    audience: string;
  }[];
  sheets: {
    pitch: string;
    pitchLang: "cy" | undefined;
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
    lang: "cy" | undefined;
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
    lang: "cy" | undefined;
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
    lang: "cy" | undefined;
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
  const lang = (bidId: string) => ownWordsLang(pitch.get(bidId)?.language);
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
      pitchLang: lang(c.bidId),
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
        lang: lang(b.bidId),
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
        pitchLang: lang(s.bidId),
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
        lang: lang(d.bidId),
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
      lang: lang(a.bidId),
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
      lang: lang(p.bidId),
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

