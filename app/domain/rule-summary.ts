import { formatMoney, type Pence } from "~/domain/money";
import { TIE_BREAK_LABELS, type TieBreak } from "~/domain/scoring";

// A round's decision rule in plain words, so everyone reads before the event exactly what the
// funder will apply on the night. describeRule covers the rule fields (staff pages, the decision
// report, the locked round form); describeRoundRule adds the criteria and the fund's award limits
// for the public round page, where a group decides whether to bid. Pure.
//
// Interface:
//   describeRule(rule)        -> string[]  split, audience vote, normalisation, quorum, ties, part-funding
//   describeRoundRule(round)  -> string[]  criteria and weights, then describeRule, then the award limits

export interface RuleFields {
  panelWeightPercent: number;
  audienceWeightPercent: number;
  normaliseScores: boolean;
  quorum: number;
  partFundingAllowed: boolean;
  partFundingMinPercent: number;
  tieBreak: string;
  audienceMode: string;
  audienceVotesPerPerson: number;
}

export interface RoundRuleInput extends RuleFields {
  criteria: readonly { name: string; weight: number; scaleMin: number; scaleMax: number }[];
  fund: { minAwardPence: Pence; maxAwardPence: Pence; currency: string };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function criteriaSentence(criteria: RoundRuleInput["criteria"]): string {
  if (criteria.length === 0) return "The criteria the panel scores against have not been set yet.";
  const scales = new Set(criteria.map((c) => `${c.scaleMin} to ${c.scaleMax}`));
  const scale = scales.size === 1 ? `, from ${[...scales][0]},` : "";
  const named = list(criteria.map((c) => `${c.name} (weight ${c.weight})`));
  const weights =
    new Set(criteria.map((c) => c.weight)).size === 1
      ? "They all count the same."
      : "A criterion with a higher weight counts for more: weight 2 counts twice as much as weight 1.";
  return `Each panellist scores every pitch${scale} on ${plural(criteria.length, "criterion", "criteria")}: ${named}. ${weights}`;
}

function tieBreakSentence(tieBreak: string): string | null {
  const rule = TIE_BREAK_LABELS[tieBreak as TieBreak];
  if (!rule) return null;
  return `If two pitches finish level, the one with ${rule} goes first; if they are still level, the lower bid reference does.`;
}

export function describeRule(rule: RuleFields): string[] {
  const lines: string[] = [];
  if (rule.audienceMode === "NONE" || rule.audienceWeightPercent === 0) {
    lines.push("Bids are ranked on the panel's scores alone.");
  } else {
    lines.push(
      `Bids are ranked on the panel's scores (${rule.panelWeightPercent}%) and the audience vote (${rule.audienceWeightPercent}%).`,
    );
  }
  if (rule.audienceMode !== "NONE") {
    const how = rule.audienceMode === "TICKETS" ? "with a printed ticket code" : "with the event's join code";
    lines.push(`The audience votes ${how}; each person has ${plural(rule.audienceVotesPerPerson, "vote", "votes")}.`);
  }
  lines.push(
    rule.normaliseScores
      ? "Each panellist's scores are evened out against their own average, so generous and strict scorers count the same."
      : "Panellists' scores are used as given.",
  );
  lines.push(
    `A pitch needs scores from at least ${plural(rule.quorum, "panellist", "panellists")} for its result to count; ` +
      "one with fewer is ranked below the rest and only the funder, in person, can fund it.",
  );
  const tie = tieBreakSentence(rule.tieBreak);
  if (tie) lines.push(tie);
  lines.push(
    rule.partFundingAllowed
      ? `A bid that does not fit in what is left may be offered part of its request, in whole pounds, but no less than ${rule.partFundingMinPercent}% of it.`
      : "Bids are funded in full or not at all: a bid that does not fit in what is left is passed over for the next one that does.",
  );
  return lines;
}

export function describeRoundRule(round: RoundRuleInput): string[] {
  const money = (p: Pence) => formatMoney(p, round.fund.currency);
  return [
    criteriaSentence(round.criteria),
    ...describeRule(round),
    `Money goes to bids in ranked order while the pot lasts. No award is less than ${money(round.fund.minAwardPence)} or more than ${money(round.fund.maxAwardPence)}.`,
  ];
}
