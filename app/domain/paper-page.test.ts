import { paperEntryText, paperPosted, paperRowActions, paperSummaryErrors } from "./paper-page";

const mine = { count: 12, yours: true };
const theirs = { count: 14, yours: false };

describe("the paper votes page", () => {
  it("says who entered each count", () => {
    expect(paperEntryText(mine)).toBe("12 (you)");
    expect(paperEntryText(theirs)).toBe("14 (another organiser)");
    expect(paperEntryText(null)).toBe("Not entered");
  });

  it("lets a first and a second counter enter, and either correct theirs, but not a third", () => {
    expect(paperRowActions({ status: "NONE", first: null, second: null }, true)).toEqual({ mine: false, canEnter: true, canResolve: false });
    expect(paperRowActions({ status: "FIRST_ONLY", first: theirs, second: null }, true).canEnter).toBe(true);
    expect(paperRowActions({ status: "MATCHED", first: theirs, second: { count: 14, yours: false } }, true).canEnter).toBe(false);
    expect(paperRowActions({ status: "MATCHED", first: theirs, second: { count: 14, yours: true } }, true)).toMatchObject({ mine: true, canEnter: true });
  });

  it("offers settling only a difference, nothing once settled, and nothing while the event is not running", () => {
    expect(paperRowActions({ status: "MISMATCH", first: theirs, second: mine }, true).canResolve).toBe(true);
    expect(paperRowActions({ status: "RESOLVED", first: theirs, second: mine }, true)).toMatchObject({ canEnter: false, canResolve: false });
    expect(paperRowActions({ status: "MISMATCH", first: theirs, second: mine }, false)).toMatchObject({ canEnter: false, canResolve: false });
  });

  it("puts a refused count back in its own pitch's form, and names its field in the summary", () => {
    const posted = { bidId: "bid-2", intent: "resolve", errors: { note: "Say how it was settled." }, values: { count: "13", note: "rec" } };
    expect(paperPosted(posted, "bid-2", "resolve")).toEqual({ errors: { note: "Say how it was settled." }, count: "13", note: "rec" });
    expect(paperPosted(posted, "bid-2", "enter")).toEqual({ errors: {}, count: "", note: "rec" });
    expect(paperPosted(posted, "bid-1", "resolve")).toEqual({ errors: {}, count: "", note: "" });
    expect(paperPosted(undefined, "bid-1", "enter")).toEqual({ errors: {}, count: "", note: "" });
    expect(paperSummaryErrors(posted)).toEqual({ "resolve-note-bid-2": "Say how it was settled." });
    expect(paperSummaryErrors(undefined)).toEqual({});
  });
});
