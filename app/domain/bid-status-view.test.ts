import { funderWords, lockedKey } from "./bid-status-view";

describe("the group's page, as facts for its language", () => {
  it("keeps only the funder's own words of a decision, not the English sentence stored before them", () => {
    expect(funderWords("FUNDED", "Awarded £900.\n\nLovely idea.\n\nSee you there.")).toBe("Lovely idea.\n\nSee you there.");
    expect(funderWords("FUNDED", "Awarded £900 of the £1,500 asked for.\n\nSyniad cryf.")).toBe("Syniad cryf.");
    expect(funderWords("NOT_FUNDED", "The funder decided not to fund this bid.")).toBeNull();
    expect(funderWords("DECLINED", "Awarded nothing.\n\nThe panel wanted more evidence.")).toBe("Awarded nothing.\n\nThe panel wanted more evidence.");
    expect(funderWords("FUNDED", "Da iawn.")).toBe("Da iawn.");
  });

  it("names why a bid can no longer change with a key for each state", () => {
    const locked = { canEdit: false, canSubmit: false, canWithdraw: false, lockedReason: "…" };
    expect(lockedKey("WITHDRAWN", locked, "open")).toBe("bid.locked.withdrawn");
    expect(lockedKey("FUNDED", locked, "closed")).toBe("bid.locked.considered");
    expect(lockedKey("DRAFT", locked, "closed")).toBe("bid.locked.draftClosed");
    expect(lockedKey("SUBMITTED", locked, "closed")).toBe("bid.locked.closed");
    expect(lockedKey("SUBMITTED", { ...locked, canEdit: true, lockedReason: null }, "open")).toBeNull();
  });
});
