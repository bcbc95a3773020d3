import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { cy } from "date-fns/locale/cy";
import { formatWeekdayDateTime } from "~/domain/bid-dates";
import type { MailVoice } from "~/domain/mail/mail";
import { formatDate } from "~/domain/zoned-time";
import { translate } from "./catalogue.server";
import { BILINGUAL_ORDER, isLang, type Lang } from "./lang";

// The voice of a group's emails (see domain/mail/mail.ts): the bid's language, or Welsh then
// English when its round is bilingual, in the catalogue's words.

// why no weekday in Welsh: "ar ddydd Mawrth" mutates after most prepositions, and a date that
// starts with a numeral reads right after any of them.
const WELSH_WHEN = "d MMMM yyyy 'am' HH:mm";
const WELSH_DAY = "d MMMM yyyy";

export function mailLangs(bidLanguage: string, roundBilingual: boolean): readonly Lang[] {
  if (roundBilingual) return BILINGUAL_ORDER;
  return [isLang(bidLanguage) ? bidLanguage : "en"];
}

export function mailVoice(bidLanguage: string, roundBilingual: boolean): MailVoice {
  return {
    langs: mailLangs(bidLanguage, roundBilingual),
    t: translate,
    when: (lang, instant, timeZone) => (lang === "cy" ? format(new TZDate(instant, timeZone), WELSH_WHEN, { locale: cy }) : formatWeekdayDateTime(instant, timeZone)),
    day: (lang, instant, timeZone) => (lang === "cy" ? format(new TZDate(instant, timeZone), WELSH_DAY, { locale: cy }) : formatDate(instant, timeZone)),
  };
}

