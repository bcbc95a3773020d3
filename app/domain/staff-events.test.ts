import { comingEvents, type EventListing } from "./staff-events";

const NOW = new Date("2027-03-01T22:30:00Z");

function listing(id: string, startsAt: string, over: Partial<EventListing> = {}): EventListing {
  return { id, title: `Event ${id}`, startsAt: new Date(startsAt), venue: "Town Hall", state: "READY", timeZone: "Europe/London", ...over };
}

describe("the events on the staff home page", () => {
  it("lists today's and later events by start, saying which is today in the fund's time zone", () => {
    const shown = comingEvents(
      [listing("later", "2027-04-02T18:00:00Z"), listing("today", "2027-03-01T19:00:00Z"), listing("yesterday", "2027-02-28T19:00:00Z")],
      NOW,
    );
    expect(shown.map((e) => [e.id, e.when])).toEqual([
      ["today", "Today at 19:00"],
      ["later", "2 April 2027 at 19:00"],
    ]);
  });

  it("keeps a live event at the top past midnight, and drops decided ones", () => {
    const shown = comingEvents(
      [
        listing("next", "2027-03-05T18:00:00Z"),
        listing("running-late", "2027-02-28T19:00:00Z", { state: "LIVE" }),
        listing("decided", "2027-03-01T19:00:00Z", { state: "DECIDED" }),
      ],
      NOW,
    );
    expect(shown.map((e) => e.id)).toEqual(["running-late", "next"]);
  });

  it("counts the day where the fund is, not on the server", () => {
    // 22:30 in London on 1 March is already 11:30 on 2 March in Auckland.
    const shown = comingEvents([listing("nz", "2027-03-01T20:00:00Z", { timeZone: "Pacific/Auckland" })], NOW);
    expect(shown.map((e) => e.when)).toEqual(["Today at 09:00"]);
  });
});
