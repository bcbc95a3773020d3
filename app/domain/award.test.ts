import { checkDecision, type DecisionLimits } from "~/domain/award";

const limits = (overrides: Partial<DecisionLimits> = {}): DecisionLimits => ({
  proposal: { outcome: "FUNDED", amountPence: 150_000 },
  requestedPence: 150_000,
  potRemainingPence: 400_000,
  currency: "GBP",
  ...overrides,
});

describe("accepting the proposal", () => {
  it("needs no reason and is not an override", () => {
    expect(checkDecision({ outcome: "FUNDED", amountPence: 0, overrideReason: "" }, limits())).toEqual({
      ok: true,
      decision: { outcome: "FUNDED", amountPence: 150_000, overrideReason: null, isOverride: false },
    });
  });

  it("takes the amount of a full award from the request, whatever the amount field said", () => {
    const check = checkDecision({ outcome: "FUNDED", amountPence: 999, overrideReason: "" }, limits());
    expect(check).toMatchObject({ ok: true, decision: { amountPence: 150_000 } });
  });

  it("records not funded as nothing awarded", () => {
    const check = checkDecision(
      { outcome: "NOT_FUNDED", amountPence: 50_000, overrideReason: "" },
      limits({ proposal: { outcome: "NOT_FUNDED", amountPence: 0 } }),
    );
    expect(check).toMatchObject({ ok: true, decision: { amountPence: 0, isOverride: false } });
  });
});

describe("departing from the proposal", () => {
  it("asks why, quoting the proposal", () => {
    const check = checkDecision({ outcome: "NOT_FUNDED", amountPence: 0, overrideReason: "no" }, limits());
    expect(check).toEqual({
      ok: false,
      errors: {
        overrideReason: "Explain why this differs from the proposal (fund in full, £1,500), in at least 10 characters",
      },
    });
  });

  it("accepts a part-award below the proposal with a reason, and keeps the reason", () => {
    const check = checkDecision(
      { outcome: "PART_FUNDED", amountPence: 100_000, overrideReason: "  Equipment line is covered by another grant.  " },
      limits(),
    );
    expect(check).toEqual({
      ok: true,
      decision: {
        outcome: "PART_FUNDED",
        amountPence: 100_000,
        overrideReason: "Equipment line is covered by another grant.",
        isOverride: true,
      },
    });
  });

  it("lets the funder fund a pitch short of quorum, with a reason", () => {
    const check = checkDecision(
      { outcome: "FUNDED", amountPence: 0, overrideReason: "Two panellists were ill; the chair heard the pitch twice." },
      limits({ proposal: { outcome: "NOT_FUNDED", amountPence: 0 } }),
    );
    expect(check).toMatchObject({ ok: true, decision: { outcome: "FUNDED", isOverride: true } });
  });
});

describe("limits no reason can move", () => {
  const reason = "A reason long enough to count.";

  it.each<[string, number, Partial<DecisionLimits>, string]>([
    ["more than the pot has left", 90_000, { potRemainingPence: 80_000 }, "Enter an amount no more than the £800 left in the pot"],
    ["all of the request", 150_000, {}, "A part-award must be less than the £1,500 asked for; to award all of it, choose funded"],
    ["pence", 100_050, {}, "Enter a part-award in whole pounds"],
    ["nothing", 0, {}, "Enter the amount to award"],
  ])("refuses a part-award of %s", (_name, amountPence, overrides, message) => {
    const check = checkDecision({ outcome: "PART_FUNDED", amountPence, overrideReason: reason }, limits(overrides));
    expect(check).toEqual({ ok: false, errors: { amount: message } });
  });

  it("refuses to fund in full when the pot cannot take it", () => {
    expect(
      checkDecision({ outcome: "FUNDED", amountPence: 0, overrideReason: "" }, limits({ potRemainingPence: 100_000 })),
    ).toEqual({
      ok: false,
      errors: {
        outcome: "Only £1,000 is left in the pot, less than the £1,500 asked for: choose part-funded or not funded",
      },
    });
  });

  it("reports every problem at once so the form can show them together", () => {
    const check = checkDecision({ outcome: "PART_FUNDED", amountPence: 100_050, overrideReason: "" }, limits());
    expect(check).toEqual({
      ok: false,
      errors: {
        amount: "Enter a part-award in whole pounds",
        overrideReason: "Explain why this differs from the proposal (fund in full, £1,500), in at least 10 characters",
      },
    });
  });
});
