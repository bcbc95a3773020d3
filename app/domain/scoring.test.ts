import {
  describeBid,
  describePanellistScore,
  ordinal,
  rankBids,
  type ScoringCriterion,
  type ScoringInput,
  type ScoringRule,
  type ScoringSheet,
} from "~/domain/scoring";

const rule = (overrides: Partial<ScoringRule> = {}): ScoringRule => ({
  panelWeightPercent: 100,
  audienceWeightPercent: 0,
  normaliseScores: false,
  quorum: 1,
  tieBreak: "HIGHER_PANEL_SCORE",
  ...overrides,
});

const ONE_CRITERION: ScoringCriterion[] = [{ id: "c", name: "Impact", weight: 1, scaleMin: 1, scaleMax: 5 }];

function bid(id: string, overrides: Partial<ScoringInput["bids"][number]> = {}) {
  return {
    id,
    reference: `PD-2027-${id}`,
    amountRequestedPence: 100_000,
    submittedAt: new Date("2027-03-01T10:00:00Z"),
    ...overrides,
  };
}

/** One-criterion sheets: { p1: { X: 5 } } means panellist p1 gave bid X a 5. */
function sheets(scores: Record<string, Record<string, number>>, criterionId = "c"): ScoringSheet[] {
  return Object.entries(scores).flatMap(([panellistId, byBid]) =>
    Object.entries(byBid).map(([bidId, value]) => ({ panellistId, bidId, items: [{ criterionId, value }] })),
  );
}

function input(overrides: Partial<ScoringInput>): ScoringInput {
  return {
    rule: rule(),
    criteria: ONE_CRITERION,
    bids: [],
    panellists: [],
    sheets: [],
    recusals: [],
    audience: [],
    ...overrides,
  };
}

const byRef = (ranking: ReturnType<typeof rankBids>, id: string) => {
  const found = ranking.bids.find((b) => b.bidId === id);
  if (!found) throw new Error(`no bid ${id}`);
  return found;
};

describe("panel score", () => {
  const criteria: ScoringCriterion[] = [
    { id: "impact", name: "Impact", weight: 2, scaleMin: 1, scaleMax: 5 },
    { id: "value", name: "Value for money", weight: 1, scaleMin: 1, scaleMax: 5 },
  ];
  const sheet = (panellistId: string, bidId: string, impact: number, value: number) => ({
    panellistId,
    bidId,
    items: [
      { criterionId: "impact", value: impact },
      { criterionId: "value", value },
    ],
  });

  it("takes each panellist's weighted mean, then the mean over those who scored; recused and silent panellists are left out, not counted as zero", () => {
    const ranking = rankBids(
      input({
        criteria,
        bids: [bid("X")],
        panellists: [{ id: "p1" }, { id: "p2" }, { id: "p3" }, { id: "p4" }],
        // p3 recused but a sheet exists anyway: it must not count.
        sheets: [sheet("p1", "X", 5, 2), sheet("p2", "X", 3, 3), sheet("p3", "X", 1, 1)],
        recusals: [{ panellistId: "p3", bidId: "X" }],
      }),
    );
    const x = ranking.bids[0];
    expect(x.panellists.map((p) => [p.panellistId, p.status, p.weightedMean])).toEqual([
      ["p1", "COUNTED", 4], // (2*5 + 1*2) / 3
      ["p2", "COUNTED", 3],
      ["p3", "RECUSED", 1],
      ["p4", "ABSTAINED", null],
    ]);
    expect(x.panellists[2].exclusionReason).toBe("declared a conflict of interest");
    expect(x.panellists[3].exclusionReason).toBe("did not score this pitch");
    expect(x.panel.raw).toBe(3.5);
    expect(x.panel.used).toBe(3.5);
    expect(x.panel.fraction).toBe(0.625);
    expect([x.counted, x.recused, x.abstained, x.invalid]).toEqual([2, 1, 1, 0]);
    expect(x.combined).toBe(0.625);
  });

  it("sets aside incomplete sheets, out-of-range values and sheets from outside the panel, saying why", () => {
    const ranking = rankBids(
      input({
        criteria,
        bids: [bid("X")],
        panellists: [{ id: "p1" }, { id: "p2" }, { id: "p3" }],
        sheets: [
          sheet("p1", "X", 4, 4),
          { panellistId: "p2", bidId: "X", items: [{ criterionId: "impact", value: 5 }] },
          sheet("p3", "X", 6, 1),
          sheet("stranger", "X", 5, 5),
        ],
      }),
    );
    const x = ranking.bids[0];
    expect(x.panellists.map((p) => [p.panellistId, p.status, p.exclusionReason])).toEqual([
      ["p1", "COUNTED", null],
      ["p2", "INCOMPLETE", 'sheet has no score for "Value for money"'],
      ["p3", "OUT_OF_RANGE", 'score 6 for "Impact" is outside 1-5'],
      ["stranger", "NOT_ON_PANEL", "not on this event's panel"],
    ]);
    expect(x.panel.raw).toBe(4);
    expect(x.counted).toBe(1);
    expect(x.invalid).toBe(3);
  });

  it("mixes criteria on different scales by their share of each scale and shows the result out of 100", () => {
    const ranking = rankBids(
      input({
        criteria: [
          { id: "a", name: "A", weight: 1, scaleMin: 1, scaleMax: 5 },
          { id: "b", name: "B", weight: 1, scaleMin: 0, scaleMax: 10 },
        ],
        bids: [bid("X")],
        panellists: [{ id: "p1" }],
        sheets: [{ panellistId: "p1", bidId: "X", items: [{ criterionId: "a", value: 5 }, { criterionId: "b", value: 5 }] }],
      }),
    );
    expect(ranking.scale).toEqual({ min: 0, max: 100 });
    expect(ranking.bids[0].panel.raw).toBe(75); // (100% + 50%) / 2
  });
});

describe("quorum", () => {
  it("ranks pitches short of quorum after every pitch that met it, and flags them", () => {
    const ranking = rankBids(
      input({
        rule: rule({ quorum: 2 }),
        bids: [bid("HIGH"), bid("MID")],
        panellists: [{ id: "p1" }, { id: "p2" }],
        sheets: sheets({ p1: { HIGH: 5, MID: 3 }, p2: { MID: 3 } }),
      }),
    );
    expect(ranking.bids.map((b) => [b.bidId, b.rank, b.meetsQuorum])).toEqual([
      ["MID", 1, true],
      ["HIGH", 2, false],
    ]);
    expect(describeBid(ranking.bids[1], ranking)).toBe(
      "Ranked 2nd, short of quorum (1 scored, 2 needed): panel 5.00/5 from 1 panellist (1 did not score), combined 1.00",
    );
  });

  it("puts a pitch nobody scored last, with no combined score", () => {
    const ranking = rankBids(
      input({ bids: [bid("EMPTY"), bid("X")], panellists: [{ id: "p1" }], sheets: sheets({ p1: { X: 1 } }) }),
    );
    const empty = byRef(ranking, "EMPTY");
    expect(empty.rank).toBe(2);
    expect(empty.combined).toBeNull();
    expect(empty.panel).toEqual({ raw: null, normalised: null, used: null, fraction: null });
    expect(describeBid(empty, ranking)).toBe(
      "Ranked 2nd, short of quorum (0 scored, 1 needed): no panel scores (1 did not score)",
    );
  });
});

describe("normalisation", () => {
  it("corrects for a lenient and a harsh panellist, shown beside the raw figures", () => {
    // p1 is lenient and recused on Y; p2 is harsh and recused on W. Raw means reward whoever
    // happened to be scored by the lenient panellist; z-scores compare like with like.
    const base = input({
      bids: [bid("X"), bid("Y"), bid("W")],
      panellists: [{ id: "p1" }, { id: "p2" }],
      sheets: sheets({ p1: { X: 5, W: 4 }, p2: { X: 2, Y: 3 } }),
      recusals: [
        { panellistId: "p1", bidId: "Y" },
        { panellistId: "p2", bidId: "W" },
      ],
    });
    const raw = rankBids(base);
    expect(raw.bids.map((b) => [b.bidId, b.panel.used])).toEqual([
      ["W", 4],
      ["X", 3.5],
      ["Y", 3],
    ]);
    expect(raw.normalisation).toBeNull();

    const normalised = rankBids({ ...base, rule: rule({ normaliseScores: true }) });
    // All counted scores {5, 4, 2, 3}: mean 3.5, sd sqrt(1.25). Each panellist's z is +1 / -1.
    const sd = Math.sqrt(1.25);
    expect(normalised.normalisation?.mean).toBe(3.5);
    expect(normalised.normalisation?.sd).toBeCloseTo(sd, 12);
    expect(normalised.bids.map((b) => b.bidId)).toEqual(["Y", "X", "W"]);
    const y = byRef(normalised, "Y");
    expect(y.panel.raw).toBe(3);
    expect(y.panel.normalised).toBeCloseTo(3.5 + sd, 12);
    expect(y.panel.used).toBe(y.panel.normalised);
    expect(byRef(normalised, "X").panel.normalised).toBeCloseTo(3.5, 12);
    expect(byRef(normalised, "W").panel.normalised).toBeCloseTo(3.5 - sd, 12);
    const p2OnY = y.panellists.find((p) => p.panellistId === "p2");
    expect(p2OnY).toMatchObject({ weightedMean: 3, normalisation: "Z_SCORE", clamped: false });
    expect(describeBid(y, normalised)).toBe(
      "Ranked 1st: panel 4.62/5 normalised (raw 3.00) from 1 panellist (1 recused), combined 0.90",
    );
  });

  it("gives two panellists with the same preferences but different leniency the same normalised scores", () => {
    const ranking = rankBids(
      input({
        rule: rule({ normaliseScores: true }),
        bids: [bid("X"), bid("Y"), bid("Z")],
        panellists: [{ id: "kind" }, { id: "tough" }],
        sheets: sheets({ kind: { X: 5, Y: 4, Z: 3 }, tough: { X: 3, Y: 2, Z: 1 } }),
      }),
    );
    for (const b of ranking.bids) {
      const [kind, tough] = b.panellists;
      expect(kind.normalised).toBeCloseTo(tough.normalised as number, 12);
    }
    // Overall {5,4,3,3,2,1}: mean 3, sd sqrt(10/6); each panellist's sd is sqrt(2/3).
    expect(byRef(ranking, "X").panel.normalised).toBeCloseTo(3 + Math.sqrt(10 / 6) / Math.sqrt(2 / 3), 12);
  });

  it("uses a single score as given and turns a no-preference panellist's scores into the panel average", () => {
    const ranking = rankBids(
      input({
        rule: rule({ normaliseScores: true }),
        bids: [bid("X"), bid("Y")],
        panellists: [{ id: "once" }, { id: "flat" }, { id: "spread" }],
        sheets: sheets({ once: { X: 5 }, flat: { X: 3, Y: 3 }, spread: { X: 4, Y: 2 } }),
      }),
    );
    // Counted scores {5, 3, 3, 4, 2}: mean 3.4.
    const x = byRef(ranking, "X");
    const once = x.panellists.find((p) => p.panellistId === "once");
    const flat = x.panellists.find((p) => p.panellistId === "flat");
    expect(once).toMatchObject({ normalisation: "SINGLE_SCORE", normalised: 5 });
    expect(flat).toMatchObject({ normalisation: "NO_VARIANCE" });
    expect(flat?.normalised).toBeCloseTo(3.4, 12);
    expect(describePanellistScore(once!, ranking.scale)).toBe(
      "Counted: 5.00/5, used as given (only one pitch scored, so it cannot be normalised)",
    );
    expect(describePanellistScore(flat!, ranking.scale)).toBe(
      "Counted: 3.00/5, normalised to the panel average 3.40 (same score for every pitch)",
    );
  });

  it("keeps normalised scores inside the scale and says so", () => {
    const ranking = rankBids(
      input({
        rule: rule({ normaliseScores: true }),
        bids: [bid("A"), bid("B"), bid("C"), bid("D")],
        panellists: [{ id: "p1" }, { id: "p2" }],
        // Overall mean 3, sd 2; p1's lone 5 has z = sqrt(3), which would map to 6.46.
        sheets: sheets({ p1: { A: 5, B: 1, C: 1, D: 1 }, p2: { A: 5, B: 5, C: 5, D: 1 } }),
      }),
    );
    const a = byRef(ranking, "A").panellists.find((p) => p.panellistId === "p1");
    expect(a).toMatchObject({ normalised: 5, clamped: true });
    const d = byRef(ranking, "D").panellists.find((p) => p.panellistId === "p2");
    expect(d).toMatchObject({ normalised: 1, clamped: true });
    expect(describePanellistScore(a!, ranking.scale)).toBe(
      "Counted: 5.00/5, normalised 5.00 (held at the edge of the scale)",
    );
  });
});

describe("audience", () => {
  it("shows each bid's share of all votes and weighs points against the most-voted pitch", () => {
    const ranking = rankBids(
      input({
        rule: rule({ panelWeightPercent: 70, audienceWeightPercent: 30 }),
        bids: [bid("X"), bid("Y"), bid("Z")],
        panellists: [{ id: "p1" }],
        sheets: sheets({ p1: { X: 5, Y: 3, Z: 3 } }),
        audience: [
          { bidId: "X", points: 10 },
          { bidId: "Y", points: 40 },
        ],
      }),
    );
    const y = byRef(ranking, "Y");
    expect(y.audience).toEqual({ points: 40, totalPoints: 50, share: 0.8, fraction: 1, onScale: 5 });
    expect(y.combined).toBeCloseTo(0.7 * 0.5 + 0.3 * 1, 12);
    const z = byRef(ranking, "Z");
    expect(z.audience).toMatchObject({ points: 0, share: 0, fraction: 0, onScale: 1 });
    expect(ranking.audienceTotalPoints).toBe(50);
    expect(ranking.bids.map((b) => b.bidId)).toEqual(["X", "Y", "Z"]); // 0.775, 0.65, 0.35
    expect(describeBid(y, ranking)).toBe("Ranked 2nd: panel 3.00/5 from 1 panellist, audience 80% of votes, combined 0.65");
  });

  it("leaves the order to the panel when the audience cast no votes, without changing the declared weights", () => {
    const ranking = rankBids(
      input({
        rule: rule({ panelWeightPercent: 80, audienceWeightPercent: 20 }),
        bids: [bid("X"), bid("Y")],
        panellists: [{ id: "p1" }],
        sheets: sheets({ p1: { X: 2, Y: 4 } }),
      }),
    );
    expect(ranking.bids.map((b) => b.bidId)).toEqual(["Y", "X"]);
    expect(ranking.bids[0].combined).toBeCloseTo(0.8 * 0.75, 12);
    expect(describeBid(ranking.bids[0], ranking)).toBe(
      "Ranked 1st: panel 4.00/5 from 1 panellist, no audience votes cast, combined 0.60",
    );
  });
});

describe("ties", () => {
  // X: panel 8/10 and few votes; Y: panel 6/10 and more votes. 50/50 weights give both 0.6,
  // though floating point makes X 0.6000000000000001: that must still be a tie.
  const tied = (overrides: Partial<ScoringRule>, bidOverrides: Record<string, Partial<ReturnType<typeof bid>>> = {}) =>
    rankBids(
      input({
        rule: rule({ panelWeightPercent: 50, audienceWeightPercent: 50, ...overrides }),
        criteria: [{ id: "c", name: "Impact", weight: 1, scaleMin: 0, scaleMax: 10 }],
        bids: [bid("Z"), bid("Y", bidOverrides.Y), bid("X", bidOverrides.X)],
        panellists: [{ id: "p1" }],
        sheets: sheets({ p1: { X: 8, Y: 6, Z: 10 } }),
        audience: [
          { bidId: "X", points: 4 },
          { bidId: "Y", points: 6 },
          { bidId: "Z", points: 10 },
        ],
      }),
    );

  it("breaks a tie by the higher panel score and says so", () => {
    const ranking = tied({ tieBreak: "HIGHER_PANEL_SCORE" });
    expect(ranking.bids.map((b) => b.bidId)).toEqual(["Z", "X", "Y"]);
    const x = byRef(ranking, "X");
    expect(x.ties).toEqual([{ reference: "PD-2027-Y", ahead: true, decidedBy: "HIGHER_PANEL_SCORE" }]);
    expect(byRef(ranking, "Z").ties).toEqual([]);
    expect(describeBid(x, ranking)).toBe(
      "Ranked 2nd: panel 8.00/10 from 1 panellist, audience 20% of votes, combined 0.60; tied on combined score, placed ahead of PD-2027-Y by the higher panel score",
    );
  });

  it("breaks a tie by the lower amount requested", () => {
    const ranking = tied({ tieBreak: "LOWER_AMOUNT" }, { X: { amountRequestedPence: 150_000 }, Y: { amountRequestedPence: 90_000 } });
    expect(ranking.bids.map((b) => b.bidId)).toEqual(["Z", "Y", "X"]);
    expect(describeBid(byRef(ranking, "X"), ranking)).toMatch(
      /placed behind PD-2027-Y by the lower amount requested$/,
    );
  });

  it("breaks a tie by the earlier submission", () => {
    const ranking = tied(
      { tieBreak: "EARLIER_SUBMISSION" },
      { X: { submittedAt: new Date("2027-03-02T09:00:00Z") }, Y: { submittedAt: new Date("2027-03-02T08:59:59Z") } },
    );
    expect(ranking.bids.map((b) => b.bidId)).toEqual(["Z", "Y", "X"]);
    expect(byRef(ranking, "Y").ties).toEqual([{ reference: "PD-2027-X", ahead: true, decidedBy: "EARLIER_SUBMISSION" }]);
  });

  it("falls back to the reference when the rule cannot separate them, whatever order the bids arrive in", () => {
    const ranking = tied({ tieBreak: "LOWER_AMOUNT" });
    expect(ranking.bids.map((b) => b.bidId)).toEqual(["Z", "X", "Y"]);
    expect(byRef(ranking, "Y").ties).toEqual([{ reference: "PD-2027-X", ahead: false, decidedBy: "REFERENCE" }]);
    expect(describeBid(byRef(ranking, "Y"), ranking)).toMatch(
      /placed behind PD-2027-X by reference, as the rule could not separate them$/,
    );
    const reversed = rankBids(tiedInputReversed());
    expect(reversed.bids.map((b) => b.bidId)).toEqual(["Z", "X", "Y"]);
  });

  function tiedInputReversed(): ScoringInput {
    return input({
      rule: rule({ panelWeightPercent: 50, audienceWeightPercent: 50, tieBreak: "LOWER_AMOUNT" }),
      criteria: [{ id: "c", name: "Impact", weight: 1, scaleMin: 0, scaleMax: 10 }],
      bids: [bid("X"), bid("Y"), bid("Z")].reverse(),
      panellists: [{ id: "p1" }],
      sheets: sheets({ p1: { Z: 10, Y: 6, X: 8 } }).reverse(),
      audience: [
        { bidId: "Z", points: 10 },
        { bidId: "Y", points: 6 },
        { bidId: "X", points: 4 },
      ],
    });
  }
});

describe("sentences", () => {
  it("reads like the funder would say it", () => {
    const ranking = rankBids(
      input({
        rule: rule({ panelWeightPercent: 80, audienceWeightPercent: 20, quorum: 3 }),
        criteria: [
          { id: "a", name: "Impact", weight: 3, scaleMin: 1, scaleMax: 5 },
          { id: "b", name: "Deliverability", weight: 1, scaleMin: 1, scaleMax: 5 },
        ],
        bids: [bid("TOP"), bid("X")],
        panellists: [{ id: "p1" }, { id: "p2" }, { id: "p3" }, { id: "p4" }, { id: "p5" }],
        sheets: [
          ...["p1", "p2", "p3", "p4", "p5"].map((p) => ({
            panellistId: p,
            bidId: "TOP",
            items: [
              { criterionId: "a", value: 5 },
              { criterionId: "b", value: 5 },
            ],
          })),
          ...[
            ["p1", 4, 4],
            ["p2", 4, 3],
            ["p3", 4, 4],
            ["p4", 3, 4],
          ].map(([p, a, b]) => ({
            panellistId: p as string,
            bidId: "X",
            items: [
              { criterionId: "a", value: a as number },
              { criterionId: "b", value: b as number },
            ],
          })),
        ],
        recusals: [{ panellistId: "p5", bidId: "X" }],
        audience: [
          { bidId: "TOP", points: 78 },
          { bidId: "X", points: 22 },
        ],
      }),
    );
    const x = byRef(ranking, "X");
    // Weighted means 4, 3.75, 4, 3.25 -> 3.75; fraction 0.6875; audience 22/78.
    expect(x.panel.raw).toBe(3.75);
    expect(x.combined).toBeCloseTo(0.8 * 0.6875 + (0.2 * 22) / 78, 12);
    expect(describeBid(x, ranking)).toBe(
      "Ranked 2nd: panel 3.75/5 from 4 panellists (1 recused), audience 22% of votes, combined 0.61",
    );
  });

  it.each([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [103, "103rd"],
    [111, "111th"],
  ])("writes %p as %p", (n, text) => {
    expect(ordinal(n)).toBe(text);
  });
});

describe("refuses input that cannot be ranked honestly", () => {
  const ok = () => input({ bids: [bid("X")], panellists: [{ id: "p1" }], sheets: sheets({ p1: { X: 3 } }) });

  it.each<[string, (i: ScoringInput) => ScoringInput, RegExp]>([
    ["weights not adding to 100", (i) => ({ ...i, rule: rule({ panelWeightPercent: 60, audienceWeightPercent: 30 }) }), /add up to 100/],
    ["a quorum of none", (i) => ({ ...i, rule: rule({ quorum: 0 }) }), /quorum/],
    ["no criteria", (i) => ({ ...i, criteria: [] }), /at least one criterion/],
    ["all weights zero", (i) => ({ ...i, criteria: [{ ...ONE_CRITERION[0], weight: 0 }] }), /weight above 0/],
    ["an empty scale", (i) => ({ ...i, criteria: [{ ...ONE_CRITERION[0], scaleMax: 1 }] }), /empty scale/],
    ["two current sheets for one panellist and bid", (i) => ({ ...i, sheets: [...i.sheets, ...i.sheets] }), /Duplicate score sheet/],
    ["audience points for a bid not being ranked", (i) => ({ ...i, audience: [{ bidId: "nope", points: 1 }] }), /not being ranked/],
    ["negative audience points", (i) => ({ ...i, audience: [{ bidId: "X", points: -1 }] }), /0 or more/],
    ["a sheet for a bid not being ranked", (i) => ({ ...i, sheets: sheets({ p1: { nope: 3 } }) }), /not being ranked/],
  ])("refuses %s", (_name, change, message) => {
    expect(() => rankBids(change(ok()))).toThrow(message);
  });

  it("returns an empty ranking for no bids", () => {
    expect(rankBids(input({})).bids).toEqual([]);
  });
});
