import { roundBidRows, roundEventRows, roundNotice } from "./round-page";

describe("the organiser's round page", () => {
  it("says what the last save did, and nothing for an unknown notice", () => {
    expect(roundNotice(new URLSearchParams("notice=created"))).toBe("Round created. Groups can apply from its opening time.");
    expect(roundNotice(new URLSearchParams("notice=unchanged"))).toBe("Nothing was changed.");
    expect(roundNotice(new URLSearchParams("notice=bogus"))).toBeNull();
    expect(roundNotice(new URLSearchParams())).toBeNull();
  });

  it("counts bids in the order an organiser works, drafts last, linking each status to its own tab", () => {
    const rows = roundBidRows({ SUBMITTED: 4, DRAFT: 2, FUNDED: 1 });
    expect(rows.map((r) => r.status)).toEqual(["SUBMITTED", "SHORTLISTED", "DECLINED", "WITHDRAWN", "FUNDED", "NOT_FUNDED", "DRAFT"]);
    expect(rows[0]).toEqual({ status: "SUBMITTED", label: expect.any(String), count: 4, filter: "submitted" });
    expect(rows.find((r) => r.status === "SHORTLISTED")).toMatchObject({ count: 0, filter: "shortlisted" });
    expect(rows.at(-1)).toMatchObject({ status: "DRAFT", count: 2, filter: "draft" });
    // Funded and not funded share the "Decided" tab, so neither links to a tab of its own.
    expect(rows.find((r) => r.status === "FUNDED")).toMatchObject({ count: 1, filter: null });
    expect(rows.find((r) => r.status === "NOT_FUNDED")).toMatchObject({ count: 0, filter: null });
  });

  it("puts events in words in the fund's zone, and marks those with a chair and a screen to open", () => {
    const events = [
      { id: "e1", title: "Spring pitches", state: "LIVE", startsAt: new Date("2027-05-14T17:00:00Z") },
      { id: "e2", title: "Autumn pitches", state: "DRAFT", startsAt: new Date("2027-10-14T17:00:00Z") },
      { id: "e3", title: "Winter pitches", state: "DECIDED", startsAt: new Date("2027-01-14T18:00:00Z") },
    ];
    const rows = roundEventRows(events, "Europe/London");
    expect(rows.map((r) => [r.state, r.running])).toEqual([
      ["Live", true],
      ["Being set up", false],
      ["Decided", false],
    ]);
    expect(rows[0].starts).toMatch(/18:00/);
    expect(rows[2].starts).toMatch(/18:00/);
  });
});
