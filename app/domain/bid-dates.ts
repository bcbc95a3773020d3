import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

// Dates as a group reads them, in the fund's time zone (Europe/London by default): "Friday
// 12 February 2027 at 5pm". Staff pages' shorter forms ("1 March 2027 at 09:00") are in
// zoned-time.ts. why apart: only group pages' loaders and emails use these, so no page's
// JavaScript carries them.

/** "Friday 12 February 2027 at 5pm" (minutes only when there are some: "at 5:30pm"). */
export function formatWeekdayDateTime(date: Date, timeZone: string) {
  const local = new TZDate(date, timeZone);
  const time = local.getMinutes() === 0 ? format(local, "haaa") : format(local, "h:mmaaa");
  return `${format(local, "EEEE d MMMM yyyy")} at ${time}`;
}

/** "12 February 2027" for a calendar date (YYYY-MM-DD or a date stored at UTC midnight). */
export function formatCalendarDate(value: Date | string) {
  const iso = typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-").map(Number);
  return format(new Date(y, m - 1, d), "d MMMM yyyy");
}
