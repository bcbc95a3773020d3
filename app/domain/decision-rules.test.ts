import type { Outcome } from "~/domain/allocation";
import { breachField, decisionBreaches, type DecisionRulesInput } from "~/domain/decision-rules";

// A round like the issue's: part-funding allowed down to 50 % of the ask, awards £200–£5,000.
function input(overrides: {
  rules?: Partial<DecisionRulesInput["rules"]>;
  bid?: Partial<DecisionRulesInput["bid"]>;
  proposal?: DecisionRulesInput["proposal"];
  decision: DecisionRulesInput["decision"];
  others?: DecisionRulesInput["others"];
}): DecisionRulesInput {
  return {
    rules: {
      currency: "GBP",
      potRemainingPence: 2_000_000,
      minAwardPence: 20_000,
      maxAwardPence: 500_000,
      partFundingAllowed: true,
      partFundingMinPercent: 50,
      ...overrides.rules,
    },
    bid: { bidId: "b2", reference: "PD-2026-0002", requestedPence: 480_000, eligible: true, rank: 2, meetsQuorum: true, counted: 3, quorum: 3, ...overrides.bid },
    proposal: overrides.proposal ?? { outcome: "FUNDED", amountPence: 480_000 },
    decision: overrides.decision,
    others: overrides.others ?? [],
  };
}

const part = (amountPence: number) => ({ outcome: "PART_FUNDED" as Outcome, amountPence });
const funded = (amountPence: number) => ({ outcome: "FUNDED" as Outcome, amountPence });
const declined = { outcome: "NOT_FUNDED" as Outcome, amountPence: 0 };

describe("a decision that keeps every rule", () => {
  it.each([
    ["the proposal itself", funded(480_000)],
    ["a part-award of exactly the minimum share", part(240_000)],
    ["declining", declined],
  ])("has no breaches: %s", (_name, decision) => {
    expect(decisionBreaches(input({ decision }))).toEqual([]);
  });
});

describe("the minimum share when part-funding", () => {
  it("names the share, the round's minimum and the shortfall (the issue's £1,000 of £4,800)", () => {
    expect(decisionBreaches(input({ decision: part(100_000) }))).toEqual([
      {
        rule: "part-funding-minimum-share",
        message: "Part-funded at 21 % of the ask; the round's minimum is 50 % (£1,400 below)",
        by: 140_000,
        unit: "pence",
        exceptionAllowed: true,
      },
    ]);
  });

  it("holds at the boundary: £1 under the share breaks it, the share itself does not", () => {
    expect(decisionBreaches(input({ decision: part(239_900) })).map((b) => [b.rule, b.by])).toEqual([["part-funding-minimum-share", 100]]);
    expect(decisionBreaches(input({ decision: part(240_000) }))).toEqual([]);
  });

  it("rounds the share up to whole pounds, as the proposal does", () => {
    // 50 % of £4,801 is £2,400.50: the smallest whole-pound share is £2,401.
    const breaches = decisionBreaches(input({ bid: { requestedPence: 480_100 }, decision: part(240_000) }));
    expect(breaches.map((b) => [b.rule, b.by])).toEqual([["part-funding-minimum-share", 100]]);
  });
});

describe("part-funding when the round does not allow it", () => {
  it("is a breach whatever the amount", () => {
    const breaches = decisionBreaches(input({ rules: { partFundingAllowed: false }, decision: part(300_000) }));
    expect(breaches).toEqual([
      expect.objectContaining({ rule: "part-funding-not-allowed", message: "Part-funded at 63 % of the ask; the round does not allow part-funding", by: 37, unit: "percent" }),
    ]);
  });
});

describe("the fund's award limits", () => {
  it("names how far above the maximum a full award is", () => {
    const breaches = decisionBreaches(input({ bid: { requestedPence: 600_000 }, proposal: declined, decision: funded(600_000) }));
    expect(breaches).toEqual([
      expect.objectContaining({ rule: "maximum-award", message: "Awards £6,000; the fund's maximum award is £5,000 (£1,000 over)", by: 100_000, exceptionAllowed: true }),
    ]);
  });

  it("allows exactly the maximum and exactly the minimum", () => {
    expect(decisionBreaches(input({ bid: { requestedPence: 500_000 }, decision: funded(500_000) }))).toEqual([]);
    expect(decisionBreaches(input({ bid: { requestedPence: 20_000 }, decision: funded(20_000) }))).toEqual([]);
  });

  it("names how far below the minimum an award is", () => {
    const breaches = decisionBreaches(input({ bid: { requestedPence: 15_000 }, proposal: declined, decision: funded(15_000) }));
    expect(breaches).toEqual([expect.objectContaining({ rule: "minimum-award", message: "Awards £150; the fund's minimum award is £200 (£50 below)", by: 5_000 })]);
  });
});

describe("rules that never bend", () => {
  it("the pot: money it does not hold", () => {
    const breaches = decisionBreaches(input({ rules: { potRemainingPence: 300_000 }, decision: funded(480_000) }));
    expect(breaches).toEqual([
      { rule: "pot", message: "Awards £4,800 with £3,000 left in the pot (£1,800 over)", by: 180_000, unit: "pence", exceptionAllowed: false },
    ]);
  });

  it("eligibility: a bid that is not standing, or asks for nothing", () => {
    expect(decisionBreaches(input({ bid: { eligible: false }, decision: funded(480_000) }))).toEqual([
      expect.objectContaining({ rule: "eligibility", exceptionAllowed: false }),
    ]);
    expect(decisionBreaches(input({ bid: { requestedPence: null }, decision: part(50_000) }))[0]).toMatchObject({
      rule: "eligibility",
      message: "PD-2026-0002 asks for no amount, so it cannot be funded",
    });
  });

  it("declining an ineligible bid breaks nothing", () => {
    expect(decisionBreaches(input({ bid: { eligible: false }, proposal: declined, decision: declined }))).toEqual([]);
  });
});

describe("the quorum", () => {
  it("counts how many panellists short a funded bid is", () => {
    const breaches = decisionBreaches(input({ bid: { meetsQuorum: false, counted: 1, quorum: 3 }, proposal: declined, decision: funded(480_000) }));
    expect(breaches).toEqual([
      expect.objectContaining({ rule: "quorum", message: "Funds a bid short of the quorum: 1 of 3 panellists scored (2 panellists short)", by: 2, unit: "count" }),
    ]);
  });

  it("does not stop the funder declining it", () => {
    expect(decisionBreaches(input({ bid: { meetsQuorum: false, counted: 1 }, proposal: declined, decision: declined }))).toEqual([]);
  });
});

describe("the ranking under the round's weighting", () => {
  const first = { bidId: "b1", reference: "PD-2026-0001", rank: 1, proposedOutcome: "FUNDED" as Outcome };
  const third = { bidId: "b3", reference: "PD-2026-0003", rank: 3, proposedOutcome: "NOT_FUNDED" as Outcome };

  it("funding a bid the rule left out while a bid above it, proposed for funding, is declined", () => {
    const breaches = decisionBreaches(
      input({ bid: { rank: 3, reference: "PD-2026-0003" }, proposal: declined, decision: funded(480_000), others: [{ ...first, outcome: "NOT_FUNDED" }] }),
    );
    expect(breaches).toEqual([
      expect.objectContaining({
        rule: "ranking",
        message:
          "Funds PD-2026-0003 (ranked 3rd) while PD-2026-0001 (ranked 1st), which the round's weighting put ahead and the proposal funded, is not funded (2 places apart)",
        by: 2,
      }),
    ]);
  });

  it("declining a proposed bid while a lower one the rule left out is funded", () => {
    const breaches = decisionBreaches(input({ decision: declined, others: [{ ...third, outcome: "FUNDED" }] }));
    expect(breaches.map((b) => [b.rule, b.by])).toEqual([["ranking", 1]]);
  });

  it("is no breach when the order holds", () => {
    // The bid above was funded, or the lower bid was proposed too, or nobody was passed over.
    expect(decisionBreaches(input({ bid: { rank: 3 }, proposal: declined, decision: funded(480_000), others: [{ ...first, outcome: "FUNDED" }] }))).toEqual([]);
    expect(decisionBreaches(input({ decision: declined, others: [{ ...third, proposedOutcome: "FUNDED", outcome: "FUNDED" }] }))).toEqual([]);
    expect(decisionBreaches(input({ decision: declined, others: [] }))).toEqual([]);
  });
});

describe("several rules at once", () => {
  it("lists every breach, each with its own figure", () => {
    const breaches = decisionBreaches(
      input({
        rules: { potRemainingPence: 10_000 },
        bid: { meetsQuorum: false, counted: 2 },
        proposal: declined,
        decision: part(15_000),
      }),
    );
    expect(breaches.map((b) => [b.rule, b.by])).toEqual([
      ["pot", 5_000],
      ["minimum-award", 5_000],
      ["part-funding-minimum-share", 225_000],
      ["quorum", 1],
    ]);
  });
});

describe("where the error is shown", () => {
  it("puts money rules next to the amount when part-funding, everything else next to the decision", () => {
    const [share] = decisionBreaches(input({ decision: part(100_000) }));
    expect(breachField(share, "PART_FUNDED")).toBe("amount");
    const [max] = decisionBreaches(input({ bid: { requestedPence: 600_000 }, decision: funded(600_000) }));
    expect(breachField(max, "FUNDED")).toBe("outcome");
  });
});
