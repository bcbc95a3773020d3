import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { cy } from "date-fns/locale/cy";
import { formatWeekdayDateTime } from "~/domain/bid-dates";
import { formatDate, formatDateTime } from "~/domain/zoned-time";
import type { Lang } from "./lang";

// Moments and days in a fund's time zone, in Welsh or English, for what the server writes
// (emails, letters, /results). English keeps the words the app always used.

// why no weekday in Welsh: "ar ddydd Mawrth" mutates after most prepositions, and a date that
// starts with a numeral reads right after any of them.
const WELSH_WHEN = "d MMMM yyyy 'am' HH:mm";
const DAY = "d MMMM yyyy";

/** "Tuesday 14 October 2026 at 5pm" / "14 Hydref 2026 am 17:00". */
export function zonedWhen(lang: Lang, instant: Date, timeZone: string): string {
  return lang === "cy" ? format(new TZDate(instant, timeZone), WELSH_WHEN, { locale: cy }) : formatWeekdayDateTime(instant, timeZone);
}

/** "14 October 2026" / "14 Hydref 2026". */
export function zonedDay(lang: Lang, instant: Date, timeZone: string): string {
  return lang === "cy" ? format(new TZDate(instant, timeZone), DAY, { locale: cy }) : formatDate(instant, timeZone);
}

/** "14 October 2026 at 17:00" / "14 Hydref 2026 am 17:00". */
export function zonedDateTime(lang: Lang, instant: Date, timeZone: string): string {
  return lang === "cy" ? format(new TZDate(instant, timeZone), WELSH_WHEN, { locale: cy }) : formatDateTime(instant, timeZone);
}
