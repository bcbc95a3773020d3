// The fields of a round's decision rule: how panel and audience count, quorum, part-funding,
// tie-break. The round form groups them; the round model locks them once an event has started.

export const RULE_FIELDS = [
  "panelWeightPercent",
  "audienceWeightPercent",
  "normaliseScores",
  "quorum",
  "partFundingAllowed",
  "partFundingMinPercent",
  "tieBreak",
  "audienceMode",
  "audienceVotesPerPerson",
] as const;
