import { quorumStatus } from "./quorum";

describe("quorum during the live session", () => {
  it("is met once enough panellists have scored, with nothing for the chair to do", () => {
    expect(quorumStatus({ quorum: 3, eligible: 4, recused: 0, scored: 3, locked: false })).toEqual({
      state: "MET",
      required: 3,
      eligible: 4,
      scored: 3,
      warning: null,
    });
    expect(quorumStatus({ quorum: 3, eligible: 4, recused: 0, scored: 4, locked: true }).state).toBe("MET");
  });

  it("is waiting, without a warning, while enough panellists can still score", () => {
    expect(quorumStatus({ quorum: 3, eligible: 3, recused: 1, scored: 0, locked: false })).toMatchObject({
      state: "WAITING",
      warning: null,
    });
  });

  it("warns before the pitch when conflicts leave fewer panellists than the rule needs", () => {
    expect(quorumStatus({ quorum: 3, eligible: 2, recused: 2, scored: 0, locked: false })).toMatchObject({
      state: "SHORT",
      warning: "Only 2 panellists can score this pitch (2 declared a conflict of interest); the rule needs 3.",
    });
    expect(quorumStatus({ quorum: 2, eligible: 1, recused: 0, scored: 0, locked: false }).warning).toBe(
      "Only 1 panellist can score this pitch; the rule needs 2.",
    );
  });

  it("warns when a pitch is locked short of the quorum", () => {
    expect(quorumStatus({ quorum: 3, eligible: 4, recused: 0, scored: 1, locked: true }).warning).toBe(
      "Locked with 1 score; the rule needs 3. This pitch will be ranked after those that met the quorum.",
    );
    expect(quorumStatus({ quorum: 3, eligible: 4, recused: 0, scored: 0, locked: true }).warning).toMatch(/^Locked with 0 scores/);
  });
});
