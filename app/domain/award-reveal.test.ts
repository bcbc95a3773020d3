import {
  awardRevealView,
  decisionsConfirmed,
  nextRevealStep,
  NOT_CONFIRMED,
  outcomeAnnounced,
  revealOrder,
  revealStepCount,
  type FundedAward,
  type RevealInput,
} from "./award-reveal";

const shed: FundedAward = {
  bidId: "b-shed",
  reference: "PD-2026-0003",
  groupName: "Thornbury Men's Shed",
  projectTitle: "Tools for the Shed workshop",
  outcome: "PART_FUNDED",
  amountPence: 200_000,
  requestedPence: 240_000,
  position: 2,
};
const hall: FundedAward = {
  bidId: "b-hall",
  reference: "PD-2026-0001",
  groupName: "Alveston Village Hall Trust",
  projectTitle: "New kitchen",
  outcome: "FUNDED",
  amountPence: 180_000,
  requestedPence: 180_000,
  position: 0,
};
const larder: FundedAward = {
  bidId: "b-larder",
  reference: "PD-2026-0002",
  groupName: "Thornbury Community Larder",
  projectTitle: "Larder fridge",
  outcome: "FUNDED",
  amountPence: 150_000,
  requestedPence: 150_000,
  position: 4,
};

const input = (step: number, over: Partial<RevealInput> = {}): RevealInput => ({
  confirmed: true,
  step,
  awards: [shed, larder, hall],
  potRemainingPence: 70_000,
  currency: "GBP",
  ...over,
});

describe("decisions confirmed", () => {
  it("only once the event is decided and no pitch is still waiting for a decision", () => {
    expect(decisionsConfirmed({ state: "DECIDED", bidStatuses: ["FUNDED", "NOT_FUNDED", "WITHDRAWN"] })).toBe(true);
    expect(decisionsConfirmed({ state: "DECIDED", bidStatuses: ["FUNDED", "SHORTLISTED"] })).toBe(false);
    expect(decisionsConfirmed({ state: "SCORING_CLOSED", bidStatuses: ["SHORTLISTED"] })).toBe(false);
    expect(decisionsConfirmed({ state: "LIVE", bidStatuses: [] })).toBe(false);
  });
});

describe("reveal order", () => {
  it("follows the running order, whatever the amounts", () => {
    expect(revealOrder([shed, larder, hall]).map((a) => a.groupName)).toEqual([
      "Alveston Village Hall Trust",
      "Thornbury Men's Shed",
      "Thornbury Community Larder",
    ]);
  });

  it("has one step per funded group and one for the totals", () => {
    expect(revealStepCount(3)).toBe(4);
    expect(revealStepCount(0)).toBe(1);
  });
});

describe("the chair's next step", () => {
  const plan = { confirmed: true, step: 0, steps: 4 };

  it("is refused, with the reason, before the funder has confirmed the decisions", () => {
    expect(nextRevealStep({ ...plan, confirmed: false }, "next")).toEqual({ ok: false, message: NOT_CONFIRMED });
    expect(nextRevealStep({ ...plan, confirmed: false }, "all")).toEqual({ ok: false, message: NOT_CONFIRMED });
  });

  it("reveals one more, or everything at once", () => {
    expect(nextRevealStep(plan, "next", 0)).toEqual({ ok: true, step: 1 });
    expect(nextRevealStep({ ...plan, step: 2 }, "next", 2)).toEqual({ ok: true, step: 3 });
    expect(nextRevealStep({ ...plan, step: 1 }, "all")).toEqual({ ok: true, step: 4 });
  });

  it("refuses a Reveal next from a page that was behind, so a double tap never skips a group", () => {
    const stale = nextRevealStep({ ...plan, step: 2 }, "next", 1);
    expect(stale).toMatchObject({ ok: false, message: expect.stringMatching(/moved on from another screen/) });
  });

  it("has nothing left once the totals are showing", () => {
    expect(nextRevealStep({ ...plan, step: 4 }, "next", 4)).toMatchObject({ ok: false, message: "Every award and the totals are already showing." });
    expect(nextRevealStep({ ...plan, step: 4 }, "all")).toMatchObject({ ok: false });
    expect(nextRevealStep({ ...plan, step: 7 }, "all")).toMatchObject({ ok: false });
  });

  it("with no funded group, goes straight to the totals", () => {
    expect(nextRevealStep({ confirmed: true, step: 0, steps: 1 }, "next", 0)).toEqual({ ok: true, step: 1 });
  });
});

describe("what is showing", () => {
  it("is nothing before the first step, or before the decisions are confirmed", () => {
    expect(awardRevealView(input(0))).toBeNull();
    expect(awardRevealView(input(2, { confirmed: false }))).toBeNull();
  });

  it("grows one funded group at a time, with no totals until the last step", () => {
    const first = awardRevealView(input(1))!;
    expect(first.rows.map((r) => r.groupName)).toEqual(["Alveston Village Hall Trust"]);
    expect(first).toMatchObject({ step: 1, complete: false, totals: null });
    const three = awardRevealView(input(3))!;
    expect(three.rows).toHaveLength(3);
    expect(three).toMatchObject({ complete: false, totals: null });
  });

  it("marks a part award with what was asked for, and a full award without", () => {
    const rows = awardRevealView(input(3))!.rows;
    expect(rows[1]).toEqual({
      bidId: "b-shed",
      reference: "PD-2026-0003",
      groupName: "Thornbury Men's Shed",
      projectTitle: "Tools for the Shed workshop",
      amountPence: 200_000,
      partFunded: true,
      requestedPence: 240_000,
    });
    expect(rows[0]).toMatchObject({ partFunded: false, requestedPence: null });
  });

  it("ends with the total awarded tonight and what is left in the fund", () => {
    expect(awardRevealView(input(4))).toMatchObject({ complete: true, step: 4, totals: { awardedPence: 530_000, potRemainingPence: 70_000 } });
  });

  it("stays complete when an award cancelled later shortens the list", () => {
    const view = awardRevealView(input(4, { awards: [hall, larder] }))!;
    expect(view).toMatchObject({ step: 3, complete: true, totals: { awardedPence: 330_000 } });
    expect(view.rows.map((r) => r.bidId)).toEqual(["b-hall", "b-larder"]);
  });

  it("with no funded group, shows only the totals", () => {
    expect(awardRevealView(input(1, { awards: [], potRemainingPence: 600_000 }))).toMatchObject({
      rows: [],
      complete: true,
      totals: { awardedPence: 0, potRemainingPence: 600_000 },
    });
  });
});

describe("a group's own outcome", () => {
  it("shows for a funded group once its row is revealed", () => {
    expect(outcomeAnnounced(awardRevealView(input(1)), "b-shed")).toBe(false);
    expect(outcomeAnnounced(awardRevealView(input(2)), "b-shed")).toBe(true);
  });

  it("shows for a group not funded only once the reveal is complete", () => {
    expect(outcomeAnnounced(null, "b-wildlife")).toBe(false);
    expect(outcomeAnnounced(awardRevealView(input(3)), "b-wildlife")).toBe(false);
    expect(outcomeAnnounced(awardRevealView(input(4)), "b-wildlife")).toBe(true);
  });
});
