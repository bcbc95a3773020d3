import type { DateArg, Message, MessageArg } from "~/domain/message";
import type { MessageValues } from "./format";
import { useT } from "./i18n-context";
import type { Lang } from "./lang";
import { formatMoneyIn } from "./money";

// The domain's messages (a key and facts: pence, days, instants) said in a page's language.
// Dates are said on the server before a page's data is sent (sayDates, dates-said.server.ts):
// date-fns and its Welsh words would add 10 KB gzip to the phone, and Intl's Welsh is not in
// every browser. Types below make a date that was not said there fail to compile.

/** A fact as the browser gets it: a date already in words. */
export type SaidArg = Exclude<MessageArg, DateArg>;

/** `T` with every date fact said in words (what sayDates returns). */
export type DatesSaid<T> = T extends DateArg
  ? string
  : T extends Date
    ? T
    : T extends readonly (infer U)[]
      ? DatesSaid<U>[]
      : T extends object
        ? { [K in keyof T]: DatesSaid<T[K]> }
        : T;

export function formatArg(lang: Lang, arg: SaidArg): string | number {
  if (typeof arg !== "object") return arg;
  return formatMoneyIn(lang, arg.pence, arg.currency);
}

export function formatArgs(lang: Lang, values: Record<string, SaidArg> = {}): MessageValues {
  return Object.fromEntries(Object.entries(values).map(([name, arg]) => [name, formatArg(lang, arg)]));
}

/** Says the domain's messages in the page's language, and their facts on their own (`say.arg`). */
export function useSay() {
  const t = useT();
  const say = (message: DatesSaid<Message>) => t(message.key, formatArgs(t.lang, message.values));
  return Object.assign(say, { arg: (arg: SaidArg) => String(formatArg(t.lang, arg)), t });
}

/**
 * A form's errors in the page's language: each is a catalogue key (from a zod schema in the
 * domain) said with `values`; a message that is not a key (a server's own sentence) as it is.
 */
export function useFieldErrors() {
  const t = useT();
  return (errors: Record<string, string | undefined>, values?: MessageValues): Record<string, string> =>
    Object.fromEntries(Object.entries(errors).flatMap(([name, message]) => (message ? [[name, t(message, values)]] : [])));
}
