import { translate } from "./catalogue.server";
import type { Lang } from "./lang";

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
