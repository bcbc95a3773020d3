import { describeRoundRule, describeRule, type RoundRuleInput } from "~/domain/rule-summary";

const round: RoundRuleInput = {
  panelWeightPercent: 70,
  audienceWeightPercent: 30,
  normaliseScores: false,
  quorum: 3,
  partFundingAllowed: true,
  partFundingMinPercent: 50,
  tieBreak: "HIGHER_PANEL_SCORE",
  audienceMode: "OPEN",
  audienceVotesPerPerson: 3,
  criteria: [
    { name: "Need", weight: 3, scaleMin: 1, scaleMax: 5 },
    { name: "Value for money", weight: 2, scaleMin: 1, scaleMax: 5 },
    { name: "Deliverability", weight: 1, scaleMin: 1, scaleMax: 5 },
  ],
  fund: { minAwardPence: 50_000, maxAwardPence: 500_000, currency: "GBP" },
};

describe("describeRoundRule", () => {
  it("states the whole rule in order: criteria, split, vote, normalisation, quorum, ties, part-funding, limits", () => {
    expect(describeRoundRule(round)).toEqual([
      "Each panellist scores every pitch, from 1 to 5, on 3 criteria: Need (weight 3), Value for money (weight 2) and Deliverability (weight 1). A criterion with a higher weight counts for more: weight 2 counts twice as much as weight 1.",
      "Bids are ranked on the panel's scores (70%) and the audience vote (30%).",
      "The audience votes with the event's join code; each person has 3 votes.",
      "Panellists' scores are used as given.",
      "A pitch needs scores from at least 3 panellists for its result to count; one with fewer is ranked below the rest and only the funder, in person, can fund it.",
      "If two pitches finish level, the one with the higher panel score goes first; if they are still level, the lower bid reference does.",
      "A bid that does not fit in what is left may be offered part of its request, in whole pounds, but no less than 50% of it.",
      "Money goes to bids in ranked order while the pot lasts. No award is less than £500 or more than £5,000.",
    ]);
  });

  it("says when the criteria count the same, use different scales, or are not set yet", () => {
    const same = describeRoundRule({
      ...round,
      criteria: [
        { name: "Need", weight: 2, scaleMin: 0, scaleMax: 10 },
        { name: "Reach", weight: 2, scaleMin: 1, scaleMax: 5 },
      ],
    })[0];
    expect(same).toBe("Each panellist scores every pitch on 2 criteria: Need (weight 2) and Reach (weight 2). They all count the same.");
    expect(describeRoundRule({ ...round, criteria: [round.criteria[0]] })[0]).toContain("on 1 criterion: Need (weight 3).");
    expect(describeRoundRule({ ...round, criteria: [] })[0]).toBe("The criteria the panel scores against have not been set yet.");
  });
});

describe("describeRule", () => {
  it("names a panel-only ranking and no audience vote", () => {
    const lines = describeRule({ ...round, panelWeightPercent: 100, audienceWeightPercent: 0, audienceMode: "NONE" });
    expect(lines[0]).toBe("Bids are ranked on the panel's scores alone.");
    expect(lines.join(" ")).not.toContain("audience votes");
  });

  it("says how ticket holders vote and counts a single vote as one", () => {
    expect(describeRule({ ...round, audienceMode: "TICKETS", audienceVotesPerPerson: 1 })).toContain(
      "The audience votes with a printed ticket code; each person has 1 vote.",
    );
  });

  it("explains normalisation when it is on", () => {
    expect(describeRule({ ...round, normaliseScores: true })).toContain(
      "Each panellist's scores are evened out against their own average, so generous and strict scorers count the same.",
    );
  });

  it("writes a quorum of one in the singular", () => {
    expect(describeRule({ ...round, quorum: 1 }).join(" ")).toContain("at least 1 panellist for its result to count");
  });

  it("names each tie-break", () => {
    expect(describeRule({ ...round, tieBreak: "LOWER_AMOUNT" }).join(" ")).toContain("the one with the lower amount requested goes first");
    expect(describeRule({ ...round, tieBreak: "EARLIER_SUBMISSION" }).join(" ")).toContain("the one with the earlier submission goes first");
  });

  it("says bids are funded in full or not at all when part-funding is off", () => {
    expect(describeRule({ ...round, partFundingAllowed: false })).toContain(
      "Bids are funded in full or not at all: a bid that does not fit in what is left is passed over for the next one that does.",
    );
  });
});
