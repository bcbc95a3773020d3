import type { PlainMessage } from "~/domain/message";
import type { RoundRuleInput, RuleFields } from "~/domain/rule-summary";

// The round's decision rule for the public round page, as message keys the page says in its
// language (namespace "round"). The same sentences as describeRoundRule (rule-summary.ts), which
// staff pages read in English; rule-summary-messages.test.ts holds the two to one another. Pure.
//
// Interface:
//   roundRuleMessages(round)  -> PlainMessage[]  criteria and weights, the rule, then the award limits

const R = "round.rule.";
const say = (key: string, values?: PlainMessage["values"], extra: Partial<PlainMessage> = {}): PlainMessage => ({ key: R + key, ...(values ? { values } : {}), ...extra });
const TIE_BREAKS = new Set(["HIGHER_PANEL_SCORE", "LOWER_AMOUNT", "EARLIER_SUBMISSION"]);

function criteria(list: RoundRuleInput["criteria"]): PlainMessage {
  if (list.length === 0) return say("noCriteria");
  const scales = new Set(list.map((c) => `${c.scaleMin}-${c.scaleMax}`));
  const [min, max] = scales.size === 1 ? [list[0].scaleMin, list[0].scaleMax] : [0, 0];
  return say(
    "criteria",
    { count: list.length, scale: scales.size === 1 ? "one" : "mixed", min, max, weights: new Set(list.map((c) => c.weight)).size === 1 ? "same" : "differ" },
    { lists: { named: list.map((c) => say("criterion", { name: c.name, weight: c.weight })) } },
  );
}

export function ruleMessages(rule: RuleFields): PlainMessage[] {
  const lines: PlainMessage[] = [];
  const audience = !(rule.audienceMode === "NONE" || rule.audienceWeightPercent === 0);
  lines.push(audience ? say("split", { panel: rule.panelWeightPercent, audience: rule.audienceWeightPercent }) : say("panelOnly"));
  if (rule.audienceMode !== "NONE") lines.push(say("audienceVote", { how: rule.audienceMode === "TICKETS" ? "tickets" : "code", votes: rule.audienceVotesPerPerson }));
  lines.push(say(rule.normaliseScores ? "normalised" : "asGiven"));
  lines.push(say("quorum", { quorum: rule.quorum }));
  if (TIE_BREAKS.has(rule.tieBreak)) lines.push(say("tieBreak", { tieBreak: rule.tieBreak }));
  lines.push(rule.partFundingAllowed ? say("partFunding", { min: rule.partFundingMinPercent }) : say("fullOnly"));
  return lines;
}

export function roundRuleMessages(round: RoundRuleInput): PlainMessage[] {
  return [
    criteria(round.criteria),
    ...ruleMessages(round),
    say("limits", undefined, { pence: { min: round.fund.minAwardPence, max: round.fund.maxAwardPence } }),
  ];
}
