import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { formatCalendarDate, formatWeekdayDateTime } from "~/domain/bid-dates";
import { formatDateIn } from "./dates";
import type { Lang } from "./lang";

// The dates a group reads (domain/bid-dates.ts) in either language. Welsh gives the time on the
// 24-hour clock ("dydd Gwener 12 Chwefror 2027 am 17:00"), as Welsh public bodies write it.
// For loaders: no page's JavaScript carries date-fns's locales for these.

export function formatWeekdayDateTimeIn(lang: Lang, date: Date, timeZone: string): string {
  if (lang === "en") return formatWeekdayDateTime(date, timeZone);
  const local = new TZDate(date, timeZone);
  return `${formatDateIn("cy", local, "EEEE d MMMM yyyy")} am ${format(local, "HH:mm")}`;
}

export function formatCalendarDateIn(lang: Lang, value: Date | string): string {
  if (lang === "en") return formatCalendarDate(value);
  const iso = typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-").map(Number);
  return formatDateIn("cy", new Date(y, m - 1, d), "d MMMM yyyy");
}
