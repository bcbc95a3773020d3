import { funderWords } from "./bid-status-view";

describe("the group's page, as facts for its language", () => {
  it("keeps only the funder's own words of a decision, not the English sentence stored before them", () => {
    expect(funderWords("FUNDED", "Awarded £900.\n\nLovely idea.\n\nSee you there.")).toBe("Lovely idea.\n\nSee you there.");
    expect(funderWords("FUNDED", "Awarded £900 of the £1,500 asked for.\n\nSyniad cryf.")).toBe("Syniad cryf.");
    expect(funderWords("NOT_FUNDED", "The funder decided not to fund this bid.")).toBeNull();
    expect(funderWords("DECLINED", "Awarded nothing.\n\nThe panel wanted more evidence.")).toBe("Awarded nothing.\n\nThe panel wanted more evidence.");
    expect(funderWords("FUNDED", "Da iawn.")).toBe("Da iawn.");
  });
});
