import {
  formatDate,
  formatDateTime,
  formatSortableDateTime,
  isValidTimeZone,
  utcToLocalInput,
  zonedToUtc,
} from "~/domain/zoned-time";
import { todayIn } from "~/domain/calendar-day";

describe("zonedToUtc", () => {
  it("reads a winter time in London as UTC and a summer time as UTC+1", () => {
    expect(zonedToUtc("2027-01-15T09:00", "Europe/London")?.toISOString()).toBe("2027-01-15T09:00:00.000Z");
    expect(zonedToUtc("2027-07-15T09:00", "Europe/London")?.toISOString()).toBe("2027-07-15T08:00:00.000Z");
  });

  it("uses the zone it is given, not the server's", () => {
    expect(zonedToUtc("2027-07-15T09:00", "America/New_York")?.toISOString()).toBe("2027-07-15T13:00:00.000Z");
    expect(zonedToUtc("2027-07-15T09:00", "Asia/Kolkata")?.toISOString()).toBe("2027-07-15T03:30:00.000Z");
  });

  it("gets the hours either side of the clocks changing right", () => {
    // 28 March 2027: London jumps from 01:00 GMT to 02:00 BST.
    expect(zonedToUtc("2027-03-28T00:59", "Europe/London")?.toISOString()).toBe("2027-03-28T00:59:00.000Z");
    expect(zonedToUtc("2027-03-28T02:00", "Europe/London")?.toISOString()).toBe("2027-03-28T01:00:00.000Z");
  });

  it("refuses a time that never happens because the clocks went forward", () => {
    expect(zonedToUtc("2027-03-28T01:30", "Europe/London")).toBeNull();
  });

  it.each(["", "tomorrow", "2027-02-30T09:00x", "2027-13-01T09:00", "2027-01-01T24:00", "2027-01-01"])(
    "refuses %p",
    (text) => {
      expect(zonedToUtc(text, "Europe/London")).toBeNull();
    },
  );

  it("accepts a space instead of the T, as typed into a plain text box", () => {
    expect(zonedToUtc("2027-01-15 09:00", "Europe/London")?.toISOString()).toBe("2027-01-15T09:00:00.000Z");
  });

  it("refuses 30 February rather than rolling over into March", () => {
    expect(zonedToUtc("2027-02-30T09:00", "Europe/London")).toBeNull();
  });
});

describe("utcToLocalInput", () => {
  it("round-trips with zonedToUtc in summer and winter", () => {
    for (const local of ["2027-01-15T09:00", "2027-07-15T18:45", "2026-10-25T00:30"]) {
      expect(utcToLocalInput(zonedToUtc(local, "Europe/London")!, "Europe/London")).toBe(local);
    }
  });
});

describe("display", () => {
  it("shows dates the way people in the UK write them, in the fund's zone", () => {
    const instant = new Date("2027-07-15T08:00:00Z");
    expect(formatDateTime(instant, "Europe/London")).toBe("15 July 2027 at 09:00");
    expect(formatDate(new Date("2027-07-14T23:30:00Z"), "Europe/London")).toBe("15 July 2027");
    expect(formatSortableDateTime(instant, "Europe/London")).toBe("2027-07-15 09:00");
  });
});

describe("isValidTimeZone", () => {
  it("knows real zones and refuses made-up ones", () => {
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Europe/Thornbury")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("today where the fund is", () => {
  it("is the fund's calendar day, not the server's", () => {
    expect(todayIn(new Date("2027-05-31T23:30:00Z"), "Europe/London")).toBe("2027-06-01");
    expect(todayIn(new Date("2027-01-31T23:30:00Z"), "Europe/London")).toBe("2027-01-31");
    expect(todayIn(new Date("2027-01-31T23:30:00Z"), "Pacific/Auckland")).toBe("2027-02-01");
  });
});
