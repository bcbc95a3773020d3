import type { Said } from "~/domain/said";
import { translate } from "./catalogue.server";
import type { Lang } from "./lang";

// What the domain said (a catalogue key and its values), in the person's language, for the
// texts a server answer carries: a refusal, or the field errors of a shared zod schema whose
// messages are keys.

export function say(lang: Lang, said: Said): string {
  return translate(lang, said.key, said.values);
}

export function sayErrors(lang: Lang, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, translate(lang, key)]));
}
