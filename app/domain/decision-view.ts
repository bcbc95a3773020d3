import type { Proposal } from "~/domain/allocation";
import { formatMoney } from "~/domain/money";
import {
  describeBid,
  describePanellistScore,
  formatPercent,
  formatScore,
  ordinal,
  TIE_BREAK_LABELS,
  type BidRanking,
  type Ranking,
  type ScoringCriterion,
  type ScoringSheet,
} from "~/domain/scoring";
import { formatDateTime } from "~/domain/zoned-time";

// What the funder reads before deciding, in numbers and words: the ranking table's figures
// and, for "Why is this bid ranked here?", every number that went into the place, written as
// the sums that produced it (so a funder can check them by hand, in the room or a year later).
// Pure: the page's loader passes the ranking and the panel's names in.
//
// Interface:
//   rankingRow(bid, ranking)                    -> RankingRow (the compact table)
//   explainRanking(bid, ranking, context)       -> Explanation (every number, as sums)
//   proposalRow(proposal, currency)             -> the allocation step with the pot before and after
//   formatFraction(x)                           three decimals, the precision the sums are shown at

export interface RankingRow {
  rank: number;
  place: string;
  panelRaw: string | null;
  panelNormalised: string | null;
  counted: number;
  recused: number;
  /** "3 counted, 1 recused, 1 did not score" */
  panellists: string;
  audienceShare: string | null;
  combined: string | null;
  meetsQuorum: boolean;
  quorumText: string;
}

export interface ExplanationPanellist {
  name: string;
  /** The criterion scores in the criteria's order; null where there is no sheet. */
  scores: (number | null)[];
  weightedMean: string | null;
  normalised: string | null;
  counted: boolean;
  note: string;
}

export interface Explanation {
  sentence: string;
  criteria: { name: string; weight: number; scale: string }[];
  panellists: ExplanationPanellist[];
  figures: { label: string; value: string }[];
  ties: string[];
}

export interface ExplainContext {
  criteria: readonly ScoringCriterion[];
  /** Current sheets for this bid. */
  sheets: readonly ScoringSheet[];
  /** Panellist id -> name. */
  names: Readonly<Record<string, string>>;
  currency: string;
  timeZone: string;
}

export function formatFraction(value: number): string {
  return value.toFixed(3);
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

function outOf(value: number, ranking: Pick<Ranking, "scale">) {
  return `${formatScore(value)} out of ${ranking.scale.max}`;
}

export function rankingRow(bid: BidRanking, ranking: Pick<Ranking, "rule" | "scale">): RankingRow {
  const parts = [`${bid.counted} counted`];
  if (bid.recused) parts.push(`${bid.recused} recused`);
  if (bid.abstained) parts.push(`${bid.abstained} did not score`);
  if (bid.invalid) parts.push(`${plural(bid.invalid, "sheet", "sheets")} set aside`);
  const audienceOn = ranking.rule.audienceWeightPercent > 0 || bid.audience.totalPoints > 0;
  return {
    rank: bid.rank,
    place: ordinal(bid.rank),
    panelRaw: bid.panel.raw === null ? null : formatScore(bid.panel.raw),
    panelNormalised: ranking.rule.normaliseScores && bid.panel.normalised !== null ? formatScore(bid.panel.normalised) : null,
    counted: bid.counted,
    recused: bid.recused,
    panellists: parts.join(", "),
    audienceShare: audienceOn ? formatPercent(bid.audience.share) : null,
    combined: bid.combined === null ? null : formatFraction(bid.combined),
    meetsQuorum: bid.meetsQuorum,
    quorumText: bid.meetsQuorum ? "Met" : `Short (${bid.counted} of ${bid.quorum})`,
  };
}

export function explainRanking(bid: BidRanking, ranking: Ranking, context: ExplainContext): Explanation {
  const { rule, scale } = ranking;
  const money = (pence: number) => formatMoney(pence, context.currency);
  const sheets = new Map(context.sheets.map((s) => [s.panellistId, s]));
  const panellists: ExplanationPanellist[] = bid.panellists.map((p) => {
    const sheet = sheets.get(p.panellistId);
    const values = new Map(sheet?.items.map((i) => [i.criterionId, i.value]) ?? []);
    return {
      name: context.names[p.panellistId] ?? "A panellist no longer listed",
      scores: context.criteria.map((c) => values.get(c.id) ?? null),
      weightedMean: p.weightedMean === null ? null : formatScore(p.weightedMean),
      normalised: p.normalised === null ? null : formatScore(p.normalised),
      counted: p.status === "COUNTED",
      note: describePanellistScore(p, scale),
    };
  });

  const figures: { label: string; value: string }[] = [];
  const weights = context.criteria.map((c) => `${c.name} ×${c.weight}`).join(", ");
  figures.push({
    label: "Each panellist's score",
    value: `The weighted mean of their criterion scores (${weights}), each taken as a share of its own scale, shown out of ${scale.max}`,
  });
  if (bid.panel.raw === null) {
    figures.push({ label: "Panel score", value: "No panellist's score counted, so the panel part is missing and the bid is ranked last" });
  } else {
    const counted = bid.panellists.filter((p) => p.status === "COUNTED");
    const sum = counted.map((p) => formatScore(p.weightedMean as number)).join(" + ");
    figures.push({
      label: `Panel score (mean of ${plural(bid.counted, "counted panellist", "counted panellists")})`,
      value: counted.length > 1 ? `(${sum}) ÷ ${counted.length} = ${outOf(bid.panel.raw, ranking)}` : outOf(bid.panel.raw, ranking),
    });
  }
  if (rule.normaliseScores) {
    const calibration = ranking.normalisation
      ? `each panellist's scores are turned into z-scores over the pitches they scored, then mapped back with the mean ${formatScore(ranking.normalisation.mean)} and spread ${formatScore(ranking.normalisation.sd)} of all counted scores`
      : "no counted scores to normalise";
    figures.push({ label: "Normalisation", value: `On: ${calibration}` });
    if (bid.panel.normalised !== null) {
      figures.push({ label: "Panel score after normalisation (used for the ranking)", value: outOf(bid.panel.normalised, ranking) });
    }
  }
  if (bid.panel.used !== null && bid.panel.fraction !== null) {
    figures.push({
      label: "Panel score as a share of the scale",
      value: `(${formatScore(bid.panel.used)} − ${scale.min}) ÷ (${scale.max} − ${scale.min}) = ${formatFraction(bid.panel.fraction)}`,
    });
    figures.push({
      label: `Panel part (weight ${rule.panelWeightPercent}%)`,
      value: `${rule.panelWeightPercent}% × ${formatFraction(bid.panel.fraction)} = ${formatFraction(bid.panelComponent as number)}`,
    });
  }
  const { audience } = bid;
  if (audience.totalPoints === 0) {
    figures.push({
      label: `Audience part (weight ${rule.audienceWeightPercent}%)`,
      value: rule.audienceWeightPercent > 0 ? "No audience votes were cast, so the audience part is 0 for every pitch" : "The audience does not count in this round: 0",
    });
  } else {
    const top = bid.audience.fraction > 0 ? Math.round(audience.points / audience.fraction) : null;
    figures.push({
      label: "Audience votes",
      value: `${plural(audience.points, "point", "points")} of ${audience.totalPoints} (${formatPercent(audience.share)} of all points)`,
    });
    figures.push({
      label: "Audience, relative to the most-voted pitch",
      value: top ? `${audience.points} ÷ ${top} = ${formatFraction(audience.fraction)}` : `No points: ${formatFraction(0)}`,
    });
    figures.push({
      label: `Audience part (weight ${rule.audienceWeightPercent}%)`,
      value: `${rule.audienceWeightPercent}% × ${formatFraction(audience.fraction)} = ${formatFraction(bid.audienceComponent)}`,
    });
  }
  if (bid.combined !== null) {
    figures.push({
      label: "Combined score",
      value: `${formatFraction(bid.panelComponent as number)} + ${formatFraction(bid.audienceComponent)} = ${formatFraction(bid.combined)}`,
    });
  }
  figures.push({
    label: "Quorum",
    value: bid.meetsQuorum
      ? `${bid.counted} counted, ${bid.quorum} needed: met`
      : `${bid.counted} counted, ${bid.quorum} needed: short, so ranked after every pitch that met the quorum`,
  });
  figures.push({ label: "Amount asked", value: bid.amountRequestedPence === null ? "Not given" : money(bid.amountRequestedPence) });
  if (rule.tieBreak === "EARLIER_SUBMISSION") {
    figures.push({ label: "Submitted", value: bid.submittedAt ? formatDateTime(new Date(bid.submittedAt), context.timeZone) : "Not recorded" });
  }

  const ties = bid.ties.map((t) => {
    const how = t.decidedBy === "REFERENCE" ? "by reference, as the tie-break rule could not separate them" : `by ${TIE_BREAK_LABELS[t.decidedBy]}`;
    return `Tied with ${t.reference} on the combined score; placed ${t.ahead ? "ahead" : "behind"} ${how}.`;
  });

  return {
    sentence: describeBid(bid, ranking),
    criteria: context.criteria.map((c) => ({ name: c.name, weight: c.weight, scale: `${c.scaleMin}–${c.scaleMax}` })),
    panellists,
    figures,
    ties,
  };
}

export interface ProposalRow {
  bidId: string;
  rank: number;
  place: string;
  reference: string;
  outcome: Proposal["outcome"];
  asked: string;
  proposed: string;
  potBefore: string;
  potAfter: string;
  reason: string;
}

export function proposalRow(proposal: Proposal, currency: string): ProposalRow {
  const money = (pence: number) => formatMoney(pence, currency);
  return {
    bidId: proposal.bidId,
    rank: proposal.rank,
    place: ordinal(proposal.rank),
    reference: proposal.reference,
    outcome: proposal.outcome,
    asked: proposal.requestedPence === null ? "Not given" : money(proposal.requestedPence),
    proposed: proposal.outcome === "NOT_FUNDED" ? "Nothing" : money(proposal.amountPence),
    potBefore: money(proposal.potBeforePence),
    potAfter: money(proposal.potAfterPence),
    reason: proposal.reason,
  };
}
