import { formatCalendarDateIn, formatWeekdayDateTimeIn } from "./group-dates";

describe("a group's dates in its language", () => {
  const friday5pm = new Date("2027-02-12T17:00:00Z");
  it("say a weekday, date and time in Welsh on the 24-hour clock, in the fund's time zone", () => {
    expect(formatWeekdayDateTimeIn("cy", friday5pm, "Europe/London")).toBe("dydd Gwener 12 Chwefror 2027 am 17:00");
    expect(formatWeekdayDateTimeIn("cy", new Date("2027-07-01T08:30:00Z"), "Europe/London")).toBe("dydd Iau 1 Gorffennaf 2027 am 09:30");
  });
  it("keep English as it was", () => {
    expect(formatWeekdayDateTimeIn("en", friday5pm, "Europe/London")).toBe("Friday 12 February 2027 at 5pm");
    expect(formatCalendarDateIn("en", "2027-03-01")).toBe("1 March 2027");
  });
  it("say a calendar date in Welsh", () => {
    expect(formatCalendarDateIn("cy", "2027-03-01")).toBe("1 Mawrth 2027");
  });
});
