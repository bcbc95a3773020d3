import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { cy } from "date-fns/locale/cy";
import { enGB } from "date-fns/locale/en-GB";
import type { Lang } from "./lang";

// Dates in a language's words ("Dydd Mawrth 14 Hydref" / "Tuesday 14 October"), on the server:
// pages get them already said (dates-said.server.ts), so date-fns and its locales stay off phones.

const localeOf = (lang: Lang) => (lang === "cy" ? cy : enGB);

export function formatDateIn(lang: Lang, date: Date | string | number, pattern: string): string {
  return format(new Date(date), pattern, { locale: localeOf(lang) });
}

/** "12 February 2027" / "12 Chwefror 2027" for a calendar day (YYYY-MM-DD). */
export function formatDayIn(lang: Lang, day: string): string {
  const [y, m, d] = day.slice(0, 10).split("-").map(Number);
  return format(new Date(y, m - 1, d), "d MMMM yyyy", { locale: localeOf(lang) });
}

/**
 * "Friday 12 February 2027 at 5pm" / "dydd Gwener 12 Chwefror 2027 am 5yh", in a time zone;
 * minutes only when there are some.
 */
export function formatInstantIn(lang: Lang, iso: string, timeZone: string): string {
  const local = new TZDate(new Date(iso), timeZone);
  const time = local.getMinutes() === 0 ? "haaa" : "h:mmaaa";
  const at = lang === "cy" ? "'am'" : "'at'";
  return format(local, `EEEE d MMMM yyyy ${at} ${time}`, { locale: localeOf(lang) });
}
