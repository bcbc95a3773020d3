import { formatCalendarDate, formatWeekdayDateTime } from "~/domain/bid-dates";

describe("dates for groups", () => {
  it("show a closing time in London, in winter and in summer time", () => {
    expect(formatWeekdayDateTime(new Date("2027-02-12T17:00:00Z"), "Europe/London")).toBe("Friday 12 February 2027 at 5pm");
    expect(formatWeekdayDateTime(new Date("2027-07-01T16:30:00Z"), "Europe/London")).toBe("Thursday 1 July 2027 at 5:30pm");
  });

  it("show a calendar date whatever the server's own time zone", () => {
    expect(formatCalendarDate("2027-03-01")).toBe("1 March 2027");
    expect(formatCalendarDate(new Date("2027-03-01T00:00:00Z"))).toBe("1 March 2027");
  });
});
