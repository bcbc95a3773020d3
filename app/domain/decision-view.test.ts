import { proposeAllocation } from "./allocation";
import { explainRanking, proposalRow, rankingRow } from "./decision-view";
import { rankBids, type ScoringInput } from "./scoring";

const criteria = [
  { id: "need", name: "Need", weight: 3, scaleMin: 1, scaleMax: 5 },
  { id: "plan", name: "Plan", weight: 1, scaleMin: 1, scaleMax: 5 },
];

function input(overrides: Partial<ScoringInput> = {}): ScoringInput {
  const sheet = (panellistId: string, bidId: string, need: number, plan: number) => ({
    panellistId,
    bidId,
    items: [
      { criterionId: "need", value: need },
      { criterionId: "plan", value: plan },
    ],
  });
  return {
    rule: { panelWeightPercent: 80, audienceWeightPercent: 20, normaliseScores: false, quorum: 2, tieBreak: "HIGHER_PANEL_SCORE" },
    criteria,
    bids: [
      { id: "a", reference: "PD-2026-0001", amountRequestedPence: 245_000, submittedAt: new Date("2026-09-01T10:00:00Z") },
      { id: "b", reference: "PD-2026-0002", amountRequestedPence: 120_000, submittedAt: new Date("2026-09-02T10:00:00Z") },
    ],
    panellists: [{ id: "p1" }, { id: "p2" }, { id: "p3" }],
    sheets: [sheet("p1", "a", 5, 3), sheet("p2", "a", 4, 4), sheet("p1", "b", 3, 3)],
    recusals: [{ panellistId: "p3", bidId: "a" }],
    audience: [
      { bidId: "a", points: 10 },
      { bidId: "b", points: 30 },
    ],
    ...overrides,
  };
}

const names = { p1: "Priya Shah", p2: "Tom Okafor", p3: "Sam Jones" };

describe("the ranking table", () => {
  it("shows raw panel score, panellists counted and recused, audience share, combined and the quorum flag", () => {
    const ranking = rankBids(input());
    const [first, second] = ranking.bids.map((b) => rankingRow(b, ranking));
    expect(first).toMatchObject({
      place: "1st",
      panelRaw: "4.25",
      panelNormalised: null,
      panellists: "2 counted, 1 recused",
      audienceShare: "25%",
      meetsQuorum: true,
      quorumText: "Met",
    });
    expect(second).toMatchObject({ place: "2nd", panelRaw: "3.00", panellists: "1 counted, 2 did not score", meetsQuorum: false, quorumText: "Short (1 of 2)" });
  });
});

describe("why a bid is ranked where it is", () => {
  it("writes every number as the sum that produced it", () => {
    const ranking = rankBids(input());
    const a = ranking.bids.find((b) => b.bidId === "a")!;
    const explanation = explainRanking(a, ranking, {
      criteria,
      sheets: input().sheets.filter((s) => s.bidId === "a"),
      names,
      currency: "GBP",
      timeZone: "Europe/London",
    });
    const figures = Object.fromEntries(explanation.figures.map((f) => [f.label, f.value]));
    // Priya: (3×5 + 1×3)/4 on a 1-5 scale -> fraction (3×1 + 1×0.5)/4 = 0.875 -> 4.50; Tom: 4.00.
    expect(figures["Panel score (mean of 2 counted panellists)"]).toBe("(4.50 + 4.00) ÷ 2 = 4.25 out of 5");
    expect(figures["Panel score as a share of the scale"]).toBe("(4.25 − 1) ÷ (5 − 1) = 0.813");
    expect(figures["Panel part (weight 80%)"]).toBe("80% × 0.813 = 0.650");
    expect(figures["Audience votes"]).toBe("10 points of 40 (25% of all points)");
    expect(figures["Audience, relative to the most-voted pitch"]).toBe("10 ÷ 30 = 0.333");
    expect(figures["Audience part (weight 20%)"]).toBe("20% × 0.333 = 0.067");
    expect(figures["Combined score"]).toBe("0.650 + 0.067 = 0.717");
    expect(figures.Quorum).toBe("2 counted, 2 needed: met");
    expect(figures["Amount asked"]).toBe("£2,450");
    expect(explanation.sentence).toMatch(/^Ranked 1st: panel 4\.25\/5 from 2 panellists \(1 recused\)/);
    expect(explanation.criteria).toEqual([
      { name: "Need", weight: 3, scale: "1–5" },
      { name: "Plan", weight: 1, scale: "1–5" },
    ]);
    expect(explanation.panellists).toEqual([
      { name: "Priya Shah", scores: [5, 3], weightedMean: "4.50", normalised: null, counted: true, note: "Counted: 4.50/5" },
      { name: "Tom Okafor", scores: [4, 4], weightedMean: "4.00", normalised: null, counted: true, note: "Counted: 4.00/5" },
      { name: "Sam Jones", scores: [null, null], weightedMean: null, normalised: null, counted: false, note: "Not counted: declared a conflict of interest" },
    ]);
  });

  it("explains normalisation, a short quorum and a tie", () => {
    const tied = input({
      rule: { panelWeightPercent: 100, audienceWeightPercent: 0, normaliseScores: true, quorum: 3, tieBreak: "EARLIER_SUBMISSION" },
      sheets: [
        { panellistId: "p1", bidId: "a", items: [{ criterionId: "need", value: 4 }, { criterionId: "plan", value: 4 }] },
        { panellistId: "p1", bidId: "b", items: [{ criterionId: "need", value: 4 }, { criterionId: "plan", value: 4 }] },
      ],
      recusals: [],
      audience: [],
    });
    const ranking = rankBids(tied);
    const a = ranking.bids.find((b) => b.bidId === "a")!;
    const explanation = explainRanking(a, ranking, { criteria, sheets: tied.sheets, names, currency: "GBP", timeZone: "Europe/London" });
    const figures = Object.fromEntries(explanation.figures.map((f) => [f.label, f.value]));
    expect(figures.Normalisation).toMatch(/^On: each panellist's scores are turned into z-scores/);
    expect(figures["Panel score after normalisation (used for the ranking)"]).toBe("4.00 out of 5");
    expect(figures.Quorum).toBe("1 counted, 3 needed: short, so ranked after every pitch that met the quorum");
    expect(figures["Audience part (weight 0%)"]).toBe("The audience does not count in this round: 0");
    expect(figures.Submitted).toBe("1 September 2026 at 11:00");
    expect(explanation.ties).toEqual(["Tied with PD-2026-0002 on the combined score; placed ahead by the earlier submission."]);
    expect(explanation.panellists[0].note).toBe("Counted: 4.00/5, normalised to the panel average 4.00 (same score for every pitch)");
  });
});

describe("the proposed allocation", () => {
  it("shows the pot before and after each step and the reason", () => {
    const ranking = rankBids(input({ rule: { panelWeightPercent: 100, audienceWeightPercent: 0, normaliseScores: false, quorum: 1, tieBreak: "HIGHER_PANEL_SCORE" } }));
    const allocation = proposeAllocation(ranking.bids, {
      potPence: 300_000,
      currency: "GBP",
      minAwardPence: 10_000,
      maxAwardPence: 500_000,
      partFundingAllowed: false,
      partFundingMinPercent: 50,
    });
    expect(allocation.proposals.map((p) => proposalRow(p, "GBP"))).toEqual([
      expect.objectContaining({ place: "1st", asked: "£2,450", proposed: "£2,450", potBefore: "£3,000", potAfter: "£550", reason: "Funded in full: £2,450, £550 left in the pot" }),
      expect.objectContaining({ place: "2nd", asked: "£1,200", proposed: "Nothing", potBefore: "£550", potAfter: "£550", reason: "Not funded: £550 left, £1,200 asked, part-funding not allowed" }),
    ]);
  });
});
