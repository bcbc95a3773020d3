import type { DateArg } from "~/domain/message";
import { formatDayIn, formatInstantIn } from "./dates";
import type { Lang } from "./lang";
import type { DatesSaid } from "./message-args";

// A page's data with its date facts said in the person's language, on the server, so the
// browser gets words and never needs date-fns (see message-args.ts).

function isDateArg(value: object): value is DateArg {
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === "day") return typeof (value as { day: unknown }).day === "string";
  return keys.length === 2 && "at" in value && "timeZone" in value && typeof value.at === "string" && typeof value.timeZone === "string";
}

export function sayDate(lang: Lang, arg: DateArg): string {
  return "day" in arg ? formatDayIn(lang, arg.day) : formatInstantIn(lang, arg.at, arg.timeZone);
}

/** Every date fact in `data` (arrays and plain objects, however deep) said as words. */
export function sayDates<T>(lang: Lang, data: T): DatesSaid<T> {
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== "object") return value;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    if (isDateArg(value)) return sayDate(lang, value);
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
  };
  return walk(data) as DatesSaid<T>;
}
