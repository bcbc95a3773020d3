import { poundsCell, toCsv, type CsvCell } from "~/domain/csv";
import {
  awardAfter,
  AWARD_STATUS_LABELS,
  describeAfterAward,
  OUTCOME_LABELS,
  PAYMENT_STATUS_LABELS,
  type DecisionReport,
} from "~/domain/decision-report";
import { approvedByTwoPeople, describeRuleException, sheetStanding } from "~/domain/decision-report-findings";
import { PAYMENT_METHOD_LABELS } from "~/domain/payment";
import { describeBid } from "~/domain/scoring";
import { formatSortableDateTime } from "~/domain/zoned-time";

// The decision report's tables as spreadsheets, for an auditor who wants to re-add the figures:
// every score sheet version, every decision beside its proposal, every payment with who asked
// and who approved. Amounts are pounds with two decimals (numbers a spreadsheet can sum), times
// are "YYYY-MM-DD HH:MM" in the fund's time zone, named in the header.

export const REPORT_CSV_FILES = ["scores", "decisions", "payments"] as const;
export type ReportCsvFile = (typeof REPORT_CSV_FILES)[number];

export function isReportCsvFile(value: string | undefined): value is ReportCsvFile {
  return (REPORT_CSV_FILES as readonly string[]).includes(value ?? "");
}

const yesNo = (value: boolean) => (value ? "Yes" : "No");

function context(report: DecisionReport) {
  const { timeZone, currency } = report.fund;
  const pitches = new Map(report.pitches.map((p) => [p.bidId, p]));
  const panel = new Map(report.panel.map((p) => [p.id, p.name]));
  const at = (date: Date | null) => (date ? formatSortableDateTime(date, timeZone) : "");
  return { timeZone, currency, pitches, panel, at };
}

export function scoresCsv(report: DecisionReport): string {
  const { timeZone, pitches, panel, at } = context(report);
  const criteria = report.round.criteria;
  const header = [
    "Pitch reference",
    "Group",
    "Panellist",
    "Version",
    "Latest version",
    `Sent at (${timeZone})`,
    ...criteria.map((c) => `${c.name} (${c.scaleMin}-${c.scaleMax}, weight ${c.weight})`),
    "Counted",
    "Comment",
  ];
  const rows: CsvCell[][] = report.sheets.map((sheet) => {
    const values = new Map(sheet.items.map((i) => [i.criterionId, i.value]));
    return [
      pitches.get(sheet.bidId)?.reference ?? sheet.bidId,
      pitches.get(sheet.bidId)?.groupName,
      panel.get(sheet.panellistId),
      sheet.version,
      yesNo(sheet.current),
      at(sheet.submittedAt),
      ...criteria.map((c) => values.get(c.id)),
      sheetStanding(report, sheet).text,
      sheet.comment,
    ];
  });
  return toCsv(header, rows);
}

export function decisionsCsv(report: DecisionReport): string {
  const { timeZone, currency, pitches, at } = context(report);
  const ranking = report.ranking;
  const header = [
    "Rank",
    "Pitch reference",
    "Group",
    "Project",
    `Amount requested (${currency})`,
    "Ranking explanation",
    "Proposed outcome",
    `Proposed amount (${currency})`,
    "Reason for the proposal",
    "Decision",
    `Amount decided (${currency})`,
    "Departs from the proposal",
    "Reason for departing",
    "Feedback to the group",
    "Decided by",
    `Decided at (${timeZone})`,
    "Award status",
    `Award amount (${currency})`,
    "Breaks the round's rules (exception)",
    "Payment schedule",
    "Planned start",
    "Planned end",
    `Amount disbursed (${currency})`,
    "Grant outcome",
  ];
  const order = (bidId: string) => ranking?.bids.find((b) => b.bidId === bidId)?.rank ?? Number.MAX_SAFE_INTEGER;
  const rows: CsvCell[][] = [...report.decisions]
    .sort((a, b) => order(a.bidId) - order(b.bidId))
    .map((d) => {
      const pitch = pitches.get(d.bidId);
      const ranked = ranking?.bids.find((b) => b.bidId === d.bidId);
      const award = report.awards.find((a) => a.bidId === d.bidId);
      const after = award ? awardAfter(report, award) : null;
      return [
        ranked?.rank,
        pitch?.reference ?? d.bidId,
        pitch?.groupName,
        pitch?.projectTitle,
        poundsCell(pitch?.amountRequestedPence),
        ranked && ranking ? describeBid(ranked, ranking) : "",
        OUTCOME_LABELS[d.proposedOutcome],
        poundsCell(d.proposedAmountPence),
        d.proposalReason,
        OUTCOME_LABELS[d.outcome],
        poundsCell(d.amountPence),
        yesNo(d.outcome !== d.proposedOutcome || d.amountPence !== d.proposedAmountPence),
        d.overrideReason ?? "",
        d.feedback,
        d.decidedBy.name,
        at(d.decidedAt),
        award ? AWARD_STATUS_LABELS[award.status] : "",
        poundsCell(award?.amountPence),
        describeRuleException(d, timeZone),
        after ? describeAfterAward(after).schedule : "",
        after?.planned.startDate ?? "",
        after?.planned.endDate ?? "",
        poundsCell(after?.disbursedPence),
        after ? describeAfterAward(after).outcome : "",
      ];
    });
  return toCsv(header, rows);
}

export function paymentsCsv(report: DecisionReport): string {
  const { timeZone, currency, pitches, at } = context(report);
  const header = [
    "Pitch reference",
    "Group",
    "Method",
    `Amount (${currency})`,
    "Status",
    "Requested by",
    `Requested at (${timeZone})`,
    "Approved by",
    `Approved at (${timeZone})`,
    "Approved by a second person",
    "Stripe transfer id",
    "Cheque number or bank reference",
    "Paid on",
    "Idempotency key",
    "Failure or cancellation reason",
    "Instalment",
  ];
  const position = new Map(report.awards.flatMap((a) => (a.instalments ?? []).map((i) => [i.id, i.position] as const)));
  const rows: CsvCell[][] = report.payments.map((p) => [
    pitches.get(p.bidId)?.reference ?? p.bidId,
    pitches.get(p.bidId)?.groupName,
    PAYMENT_METHOD_LABELS[p.method],
    poundsCell(p.amountPence),
    PAYMENT_STATUS_LABELS[p.status],
    p.requestedBy.name,
    at(p.requestedAt),
    p.approvedBy?.name ?? "",
    at(p.approvedAt),
    p.approvedBy ? yesNo(approvedByTwoPeople(p)) : "",
    p.providerId ?? "",
    p.reference ?? "",
    p.paidOn ? p.paidOn.toISOString().slice(0, 10) : "",
    p.idempotencyKey,
    p.failureReason ?? "",
    (p.instalmentId && position.get(p.instalmentId)) ?? "",
  ]);
  return toCsv(header, rows);
}

export function reportCsv(report: DecisionReport, file: ReportCsvFile): string {
  switch (file) {
    case "scores":
      return scoresCsv(report);
    case "decisions":
      return decisionsCsv(report);
    case "payments":
      return paymentsCsv(report);
  }
}
