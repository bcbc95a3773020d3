import type { Said } from "~/domain/said";
import { translate } from "./catalogue.server";
import type { Lang } from "./lang";

// What the domain said (a catalogue key and its values), in the person's language, for the
// texts a server answer carries: a refusal. (Field errors, which may be a key or a sentence of
// the server's own: errorsIn in errors.server.ts.)

export function say(lang: Lang, said: Said): string {
  return translate(lang, said.key, said.values);
}
