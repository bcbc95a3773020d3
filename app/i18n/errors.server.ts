import type { MessageErrors, PlainMessage } from "~/domain/message";
import { translate } from "./catalogue.server";
import type { Lang } from "./lang";
import { errorTexts, messageText } from "./message-text";

// A form's errors said on the server (a staff page that stays English, a response's text): a
// catalogue key becomes its sentence; a message that is not a key is kept as it is.

export function sayIn(lang: Lang, message: string, values?: Record<string, string | number>): string {
  try {
    return translate(lang, message, values);
  } catch {
    return message;
  }
}

export function errorsIn(lang: Lang, errors: Record<string, string>, values?: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([name, message]) => [name, sayIn(lang, message, values)]));
}

/** The domain's messages by field (keys with facts), said in the person's language. */
export function messageErrorsIn(lang: Lang, errors: MessageErrors, currency?: string): Record<string, string> {
  return errorTexts((key, values) => translate(lang, key, values), lang, errors, currency);
}

/** One domain message (a refusal: a key with facts), said in the person's language. */
export function messageIn(lang: Lang, said: PlainMessage, currency?: string): string {
  return messageText((key, values) => translate(lang, key, values), lang, said, currency);
}
