import type { PlainMessage, MessageErrors } from "~/domain/message";
import type { MessageValues } from "./format";
import type { Lang } from "./lang";
import { formatMoneyIn } from "./money";

// A domain's message (a key and values) in a language: the page's translate function says it,
// with money in that language's conventions. Works with useT() in the browser and with
// translate(lang, ...) on the server alike.

export type Say = (key: string, values?: MessageValues) => string;

/** "A, B and C" / "A, B ac C" ("a" before a consonant, "ac" before a vowel, as Welsh writes it). */
export function listIn(lang: Lang, items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  const last = items[items.length - 1];
  const and = lang === "cy" ? (/^[aeiouwyâêîôûŵŷ]/i.test(last) ? "ac" : "a") : "and";
  return `${items.slice(0, -1).join(", ")} ${and} ${last}`;
}

export function messageText(say: Say, lang: Lang, problem: PlainMessage, currency = "GBP"): string {
  const money = Object.fromEntries(Object.entries(problem.pence ?? {}).map(([name, pence]) => [name, formatMoneyIn(lang, pence, currency)]));
  const lists = Object.fromEntries(
    Object.entries(problem.lists ?? {}).map(([name, items]) => [name, listIn(lang, items.map((item) => messageText(say, lang, item, currency)))]),
  );
  return say(problem.key, { ...problem.values, ...money, ...lists });
}

/** Each field's message said, for the error summary and the messages beside the boxes. */
export function errorTexts(say: Say, lang: Lang, errors: MessageErrors, currency = "GBP"): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, problem]) => [field, messageText(say, lang, problem, currency)]));
}
