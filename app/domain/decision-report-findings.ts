import { describeVerdict } from "~/domain/checkpoint";
import { formatMoney } from "~/domain/money";
import type { DecisionReport } from "~/domain/decision-report";
import { formatDateTime } from "~/domain/zoned-time";

// What the decision report's facts mean: the findings an auditor reads first (each one ok, worth
// attention, or a problem), and whether each score sheet counted. The facts and their types are
// in app/domain/decision-report.ts.

// ---------- Findings: the answers an auditor looks for first ----------

export type FindingTone = "ok" | "attention" | "problem";

export interface Finding {
  tone: FindingTone;
  title: string;
  detail: string;
}

export function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

export function list(items: readonly string[]) {
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

