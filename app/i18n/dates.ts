import { format } from "date-fns";
import { cy } from "date-fns/locale/cy";
import { enGB } from "date-fns/locale/en-GB";
import type { Lang } from "./lang";

// Dates in a language's words ("Dydd Mawrth 14 Hydref" / "Tuesday 14 October"). A separate
// file from the rest of app/i18n so only pages that show dates carry date-fns's locales.

export function formatDateIn(lang: Lang, date: Date | string | number, pattern: string): string {
  return format(new Date(date), pattern, { locale: lang === "cy" ? cy : enGB });
}
