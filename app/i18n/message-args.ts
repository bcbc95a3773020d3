import type { Message, MessageArg } from "~/domain/message";
import { formatDayIn, formatInstantIn } from "./dates";
import type { MessageValues } from "./format";
import { useT } from "./i18n-context";
import type { Lang } from "./lang";
import { formatMoneyIn } from "./money";

// The domain's messages (a key and facts: pence, days, instants) said in a page's language.

export function formatArg(lang: Lang, arg: MessageArg): string | number {
  if (typeof arg !== "object") return arg;
  if ("pence" in arg) return formatMoneyIn(lang, arg.pence, arg.currency);
  if ("day" in arg) return formatDayIn(lang, arg.day);
  return formatInstantIn(lang, arg.at, arg.timeZone);
}

export function formatArgs(lang: Lang, values: Record<string, MessageArg> = {}): MessageValues {
  return Object.fromEntries(Object.entries(values).map(([name, arg]) => [name, formatArg(lang, arg)]));
}

/** Says the domain's messages in the page's language, and their facts on their own (`say.arg`). */
export function useSay() {
  const t = useT();
  const say = (message: Message) => t(message.key, formatArgs(t.lang, message.values));
  return Object.assign(say, { arg: (arg: MessageArg) => String(formatArg(t.lang, arg)), t });
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
