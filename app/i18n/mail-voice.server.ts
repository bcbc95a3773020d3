import type { MailVoice } from "~/domain/mail/mail";
import { translate } from "./catalogue.server";
import { BILINGUAL_ORDER, isLang, type Lang } from "./lang";
import { zonedDay, zonedWhen } from "./zoned-dates";

// The voice of a group's emails and letters (see domain/mail/mail.ts): the bid's language, or
// Welsh then English when its round is bilingual, in the catalogue's words.

export function groupLangs(bidLanguage: string, roundBilingual: boolean): readonly Lang[] {
  if (roundBilingual) return BILINGUAL_ORDER;
  return [isLang(bidLanguage) ? bidLanguage : "en"];
}

export function mailVoice(bidLanguage: string, roundBilingual: boolean): MailVoice {
  return { langs: groupLangs(bidLanguage, roundBilingual), t: translate, when: zonedWhen, day: zonedDay };
}
