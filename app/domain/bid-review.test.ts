import {
  allowedDecisions,
  bidListQuerySchema,
  describeBidEvent,
  filterCounts,
  findFilter,
  reviewDecisionSchema,
  snapshotRows,
} from "~/domain/bid-review";
import { parseForm } from "~/utils/forms";

describe("review decision form", () => {
  it("lets an organiser shortlist with or without a reason", () => {
    expect(parseForm(reviewDecisionSchema, { decision: "shortlist" })).toMatchObject({
      ok: true,
      data: { decision: "shortlist", reason: "" },
    });
    expect(parseForm(reviewDecisionSchema, { decision: "shortlist", reason: "  Strong local need  " })).toMatchObject({
      ok: true,
      data: { reason: "Strong local need" },
    });
  });

  it("needs a reason the group will see before declining", () => {
    const result = parseForm(reviewDecisionSchema, { decision: "decline", reason: "   " });
    expect(!result.ok && result.errors.reason).toBe("Enter the reason the group will see for not shortlisting its bid");
  });

  it("needs a reason to undo a decision", () => {
    const result = parseForm(reviewDecisionSchema, { decision: "reset", reason: "" });
    expect(!result.ok && result.errors.reason).toMatch(/why the decision is being undone/);
  });

  it("asks for a choice when none was made and refuses anything else", () => {
    const none = parseForm(reviewDecisionSchema, { reason: "x" });
    expect(!none.ok && none.errors.decision).toBe("Choose whether to shortlist this bid or not");
    const other = parseForm(reviewDecisionSchema, { decision: "fund", reason: "x" });
    expect(!other.ok && other.errors.decision).toBe("Choose whether to shortlist this bid or not");
  });

  it("refuses a reason over 1,000 characters", () => {
    const result = parseForm(reviewDecisionSchema, { decision: "decline", reason: "x".repeat(1_001) });
    expect(!result.ok && result.errors.reason).toBe("The reason must be 1000 characters or fewer");
  });
});

describe("allowedDecisions", () => {
  it("offers shortlisting only for submitted bids, and undoing only for decided ones", () => {
    expect(allowedDecisions("SUBMITTED")).toEqual(["shortlist", "decline"]);
    expect(allowedDecisions("SHORTLISTED")).toEqual(["reset"]);
    expect(allowedDecisions("DECLINED")).toEqual(["reset"]);
    for (const status of ["DRAFT", "WITHDRAWN", "FUNDED", "NOT_FUNDED"]) expect(allowedDecisions(status)).toEqual([]);
  });
});

describe("bid list filters", () => {
  it("counts each tab from the counts per status, leaving drafts out of All", () => {
    const counts = filterCounts({ DRAFT: 2, SUBMITTED: 3, SHORTLISTED: 1, DECLINED: 1, WITHDRAWN: 1 });
    expect(counts).toMatchObject({ all: 6, submitted: 3, shortlisted: 1, declined: 1, withdrawn: 1, draft: 2, decided: 0 });
  });

  it("falls back to All for an unknown tab and trims the search", () => {
    expect(findFilter("nonsense").key).toBe("all");
    expect(bidListQuerySchema.parse({ status: "declined", q: "  scouts " })).toEqual({ status: "declined", q: "scouts" });
    expect(bidListQuerySchema.parse({})).toEqual({ status: "all", q: "" });
  });
});

describe("a bid's history in words", () => {
  it("describes staff and group actions with their reasons and versions", () => {
    expect(describeBidEvent("bid.declined", { reference: "PD-1", reason: "Outside the area" })).toEqual({
      what: "Not shortlisted",
      detail: "Reason: Outside the area",
    });
    expect(describeBidEvent("bid.submitted", { reference: "PD-1", version: 2, amountRequestedPence: 100 })).toEqual({
      what: "Sent by the group",
      detail: "Version 2",
    });
    expect(describeBidEvent("bid.status_reset", { reference: "PD-1", from: "DECLINED", reason: "Misread" })).toEqual({
      what: "Shortlist decision undone",
      detail: "Was not shortlisted. Reason: Misread",
    });
    expect(describeBidEvent("bid.shortlisted", { reference: "PD-1", reason: "" })).toEqual({ what: "Shortlisted", detail: null });
    expect(describeBidEvent("bid.something_new", {})).toEqual({ what: "bid.something_new", detail: null });
  });

  it("shows a stored version with labels, money and budget lines, and keeps unknown fields", () => {
    const money = (p: number) => `£${p / 100}`;
    expect(
      snapshotRows(
        {
          reference: "PD-1",
          version: 1,
          projectTitle: "Tents",
          amountRequestedPence: 120_000,
          budgetLines: [
            { item: "Tents", amountPence: 100_000 },
            { item: "Pegs", amountPence: 20_000 },
          ],
          startDate: null,
          somethingNew: "kept",
        },
        money,
      ),
    ).toEqual([
      { label: "Project title", value: "Tents" },
      { label: "Amount requested", value: "£1200" },
      { label: "Budget", value: "Tents: £1000\nPegs: £200" },
      { label: "Start date", value: "Not given" },
      { label: "somethingNew", value: "kept" },
    ]);
    expect(snapshotRows(null, money)).toEqual([]);
  });
});
