import { proposeAllocation, type AllocationRules, type RankedBid } from "~/domain/allocation";
import { rankBids } from "~/domain/scoring";

const rules = (overrides: Partial<AllocationRules> = {}): AllocationRules => ({
  potPence: 500_000,
  currency: "GBP",
  minAwardPence: 10_000,
  maxAwardPence: 200_000,
  partFundingAllowed: false,
  partFundingMinPercent: 50,
  ...overrides,
});

let next = 0;
function ranked(amounts: (number | null)[], overrides: Partial<RankedBid>[] = []): RankedBid[] {
  return amounts.map((amount, i) => ({
    bidId: `b${++next}`,
    reference: `PD-2027-000${i + 1}`,
    rank: i + 1,
    amountRequestedPence: amount,
    meetsQuorum: true,
    counted: 3,
    quorum: 3,
    ...overrides[i],
  }));
}

const summary = (a: ReturnType<typeof proposeAllocation>) =>
  a.proposals.map((p) => [p.reference, p.outcome, p.amountPence, p.potAfterPence]);

describe("funding in rank order", () => {
  it("funds in full while the pot lasts and shows the pot after each step", () => {
    const allocation = proposeAllocation(ranked([150_000, 200_000, 100_000]), rules());
    expect(summary(allocation)).toEqual([
      ["PD-2027-0001", "FUNDED", 150_000, 350_000],
      ["PD-2027-0002", "FUNDED", 200_000, 150_000],
      ["PD-2027-0003", "FUNDED", 100_000, 50_000],
    ]);
    expect(allocation.proposals[1]).toMatchObject({
      potBeforePence: 350_000,
      reason: "Funded in full: £2,000, £1,500 left in the pot",
    });
    expect(allocation.totalProposedPence).toBe(450_000);
    expect(allocation.potRemainingPence).toBe(50_000);
  });

  it("without part-funding, skips a bid that does not fit and funds the next one that does", () => {
    const allocation = proposeAllocation(
      ranked([130_000, 150_000, 120_000, 100_000]),
      rules({ potPence: 250_000 }),
    );
    expect(summary(allocation)).toEqual([
      ["PD-2027-0001", "FUNDED", 130_000, 120_000],
      ["PD-2027-0002", "NOT_FUNDED", 0, 120_000],
      ["PD-2027-0003", "FUNDED", 120_000, 0],
      ["PD-2027-0004", "NOT_FUNDED", 0, 0],
    ]);
    expect(allocation.proposals[1]).toMatchObject({
      code: "DOES_NOT_FIT",
      reason: "Not funded: £1,200 left, £1,500 asked, part-funding not allowed",
    });
    expect(allocation.proposals[3].reason).toBe("Not funded: £0 left, £1,000 asked, part-funding not allowed");
  });

  it("takes the bids in rank order even when they arrive out of order", () => {
    const bids = ranked([150_000, 100_000]);
    const allocation = proposeAllocation([...bids].reverse(), rules({ potPence: 150_000 }));
    expect(summary(allocation)).toEqual([
      ["PD-2027-0001", "FUNDED", 150_000, 0],
      ["PD-2027-0002", "NOT_FUNDED", 0, 0],
    ]);
  });

  it("funds a request with pence exactly", () => {
    const allocation = proposeAllocation(ranked([123_456]), rules());
    expect(allocation.proposals[0]).toMatchObject({ outcome: "FUNDED", amountPence: 123_456 });
    expect(allocation.proposals[0].reason).toBe("Funded in full: £1,234.56, £3,765.44 left in the pot");
  });
});

describe("part-funding", () => {
  const partly = (overrides: Partial<AllocationRules> = {}) =>
    rules({ partFundingAllowed: true, partFundingMinPercent: 50, ...overrides });

  it("offers the rest of the pot when it is at least the minimum share", () => {
    const allocation = proposeAllocation(ranked([180_000, 150_000, 100_000]), partly({ potPence: 300_000 }));
    expect(summary(allocation)).toEqual([
      ["PD-2027-0001", "FUNDED", 180_000, 120_000],
      ["PD-2027-0002", "PART_FUNDED", 120_000, 0],
      ["PD-2027-0003", "NOT_FUNDED", 0, 0],
    ]);
    expect(allocation.proposals[1]).toMatchObject({
      code: "PART_FUNDED",
      reason: "Part-funded: £1,200 of £1,500 (80%), the rest of the pot",
    });
  });

  it("offers whole pounds only, leaving the odd pence in the pot", () => {
    const allocation = proposeAllocation(ranked([150_000]), partly({ potPence: 120_099 }));
    expect(allocation.proposals[0]).toMatchObject({
      outcome: "PART_FUNDED",
      amountPence: 120_000,
      potAfterPence: 99,
      reason: "Part-funded: £1,200 of £1,500 (80%), the rest of the pot in whole pounds",
    });
  });

  it("does not part-fund below the declared minimum share, and moves on to a bid that fits", () => {
    const allocation = proposeAllocation(ranked([150_000, 60_000]), partly({ potPence: 60_000 }));
    expect(summary(allocation)).toEqual([
      ["PD-2027-0001", "NOT_FUNDED", 0, 60_000],
      ["PD-2027-0002", "FUNDED", 60_000, 0],
    ]);
    expect(allocation.proposals[0]).toMatchObject({
      code: "PART_AWARD_TOO_SMALL",
      reason: "Not funded: £600 left, £1,500 asked, less than the 50% minimum part-award (£750)",
    });
  });

  it("rounds the minimum share up to whole pounds", () => {
    // 50% of £1,500.50 is £750.25: an offer of £750 is not enough, £751 is.
    expect(proposeAllocation(ranked([150_050]), partly({ potPence: 75_000 })).proposals[0].code).toBe(
      "PART_AWARD_TOO_SMALL",
    );
    expect(proposeAllocation(ranked([150_050]), partly({ potPence: 75_100 })).proposals[0]).toMatchObject({
      outcome: "PART_FUNDED",
      amountPence: 75_100,
    });
  });

  it("never offers less than the fund's minimum award", () => {
    const allocation = proposeAllocation(
      ranked([30_000]),
      partly({ potPence: 20_000, minAwardPence: 25_000, partFundingMinPercent: 10 }),
    );
    expect(allocation.proposals[0]).toMatchObject({
      outcome: "NOT_FUNDED",
      reason: "Not funded: £200 left, £300 asked, less than the fund's minimum award of £250",
    });
  });

  it("caps a request above the fund's maximum award at the maximum", () => {
    const allocation = proposeAllocation(ranked([250_000]), partly({ maxAwardPence: 200_000 }));
    expect(allocation.proposals[0]).toMatchObject({
      outcome: "PART_FUNDED",
      amountPence: 200_000,
      potAfterPence: 300_000,
      reason: "Part-funded: £2,000 of £2,500 (80%), the fund's maximum award",
    });
  });

  it("never offers more than the request", () => {
    for (const pot of [0, 5_000, 99_999, 100_000, 100_001, 1_000_000]) {
      for (const p of proposeAllocation(ranked([100_000, 99_950]), partly({ potPence: pot, partFundingMinPercent: 0 })).proposals) {
        expect(p.amountPence).toBeLessThanOrEqual(p.requestedPence as number);
        expect(p.amountPence).toBeGreaterThanOrEqual(0);
        expect(p.potAfterPence).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe("bids the rules cannot fund", () => {
  it("leaves pitches short of quorum to the funder, without touching the pot", () => {
    const allocation = proposeAllocation(
      ranked([100_000, 100_000], [{}, { meetsQuorum: false, counted: 2 }]),
      rules(),
    );
    expect(allocation.proposals[1]).toMatchObject({
      outcome: "NOT_FUNDED",
      code: "SHORT_OF_QUORUM",
      potBeforePence: 400_000,
      potAfterPence: 400_000,
      reason: "Not funded automatically: short of quorum (2 of 3 panellists scored); the funder can still decide",
    });
  });

  it("refuses a request above the maximum award when part-funding is not allowed", () => {
    expect(proposeAllocation(ranked([250_000]), rules()).proposals[0]).toMatchObject({
      code: "ABOVE_MAXIMUM_AWARD",
      reason: "Not funded: £2,500 asked, above the fund's maximum award of £2,000, part-funding not allowed",
    });
  });

  it("refuses a request below the minimum award and a bid with no amount", () => {
    const allocation = proposeAllocation(ranked([5_000, null]), rules());
    expect(allocation.proposals.map((p) => p.reason)).toEqual([
      "Not funded: £50 asked, below the fund's minimum award of £100",
      "Not funded: no amount requested",
    ]);
    expect(allocation.potRemainingPence).toBe(500_000);
  });
});

it("takes the ranking straight from scoring", () => {
  const ranking = rankBids({
    rule: { panelWeightPercent: 100, audienceWeightPercent: 0, normaliseScores: false, quorum: 1, tieBreak: "LOWER_AMOUNT" },
    criteria: [{ id: "c", name: "Impact", weight: 1, scaleMin: 1, scaleMax: 5 }],
    bids: [
      { id: "a", reference: "PD-2027-0001", amountRequestedPence: 150_000, submittedAt: null },
      { id: "b", reference: "PD-2027-0002", amountRequestedPence: 100_000, submittedAt: null },
    ],
    panellists: [{ id: "p" }],
    sheets: [
      { panellistId: "p", bidId: "a", items: [{ criterionId: "c", value: 4 }] },
      { panellistId: "p", bidId: "b", items: [{ criterionId: "c", value: 5 }] },
    ],
    recusals: [],
    audience: [],
  });
  const allocation = proposeAllocation(ranking.bids, rules({ potPence: 200_000 }));
  expect(summary(allocation)).toEqual([
    ["PD-2027-0002", "FUNDED", 100_000, 100_000],
    ["PD-2027-0001", "NOT_FUNDED", 0, 100_000],
  ]);
});

it.each<[string, Partial<AllocationRules>]>([
  ["a negative pot", { potPence: -1 }],
  ["a pot in fractions of a penny", { potPence: 100.5 }],
  ["a minimum award above the maximum", { minAwardPence: 300_000 }],
  ["a minimum share above 100%", { partFundingMinPercent: 101 }],
])("refuses %s", (_name, overrides) => {
  expect(() => proposeAllocation([], rules(overrides))).toThrow(RangeError);
});
