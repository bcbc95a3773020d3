import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { intlLocale, type Lang } from "./lang";

// Formats a message the server has already parsed (ICU MessageFormat, parsed by FormatJS's
// parser in catalogue.server.ts). Only this small walker ships to the browser: the parser, and
// FormatJS's formatter that imports it, would add 10 KB gzip to every page (esbuild, which
// Remix's classic compiler uses, cannot alias the parser away as FormatJS's docs suggest for
// webpack). A message that is plain text travels as a string.

export type CompiledMessage = string | MessageFormatElement[];
export type MessageValues = Record<string, string | number>;

// why: numeric element types (FormatJS's TYPE enum), so no runtime import of the parser.
const LITERAL = 0, ARGUMENT = 1, NUMBER = 2, SELECT = 5, PLURAL = 6, POUND = 7;

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(locale: string, type: "cardinal" | "ordinal", n: number) {
  const key = `${locale}:${type}`;
  let rules = pluralRules.get(key);
  if (!rules) pluralRules.set(key, (rules = new Intl.PluralRules(locale, { type })));
  return rules.select(n);
}

function formatElements(elements: MessageFormatElement[], lang: Lang, values: MessageValues, pound: number | null): string {
  const locale = intlLocale(lang);
  let out = "";
  for (const el of elements) {
    switch (el.type) {
      case LITERAL:
        out += el.value;
        break;
      case ARGUMENT:
        out += String(values[el.value] ?? "");
        break;
      case NUMBER:
        out += new Intl.NumberFormat(locale).format(Number(values[el.value] ?? 0));
        break;
      case POUND:
        out += pound === null ? "#" : new Intl.NumberFormat(locale).format(pound);
        break;
      case SELECT: {
        const option = el.options[String(values[el.value])] ?? el.options.other;
        out += option ? formatElements(option.value, lang, values, pound) : "";
        break;
      }
      case PLURAL: {
        const n = Number(values[el.value] ?? 0);
        const option = el.options[`=${n}`] ?? el.options[pluralCategory(locale, el.pluralType ?? "cardinal", n - el.offset)] ?? el.options.other;
        out += option ? formatElements(option.value, lang, values, n - el.offset) : "";
        break;
      }
      default:
        // Dates, times and tags are not used in the catalogues: dates are formatted with
        // date-fns before they are passed in (see dates.ts), and messages hold no markup.
        break;
    }
  }
  return out;
}

export function formatMessage(message: CompiledMessage, lang: Lang, values: MessageValues = {}): string {
  return typeof message === "string" ? message : formatElements(message, lang, values, null);
}
