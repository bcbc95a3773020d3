import { createContext, useContext, useMemo } from "react";
import { formatMessage, type CompiledMessage, type MessageValues } from "./format";
import { BILINGUAL_ORDER, DEFAULT_LANG, htmlLang, intlLocale, type Lang } from "./lang";

// The page's language and the messages the root loader sent for it (see catalogue.server.ts).
// useT() formats one message in the page's language; useBilingual() in Welsh and English both,
// for the big screen.

export type PageMessages = Partial<Record<Lang, Record<string, CompiledMessage>>>;

interface I18nValue {
  lang: Lang;
  messages: PageMessages;
}

const I18nContext = createContext<I18nValue>({ lang: DEFAULT_LANG, messages: {} });

export function I18nProvider({ lang, messages, children }: I18nValue & { children: React.ReactNode }) {
  const value = useMemo(() => ({ lang, messages }), [lang, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function lookUp(context: I18nValue, lang: Lang, key: string, values?: MessageValues): string {
  const message = context.messages[lang]?.[key];
  // why: a key missing from what the page was sent shows as itself, which the catalogue test
  // and the e2e tests catch, rather than throwing and blanking the page.
  return message === undefined ? key : formatMessage(message, lang, values);
}

export type Translate = (key: string, values?: MessageValues) => string;

export function useT(): Translate & { lang: Lang } {
  const context = useContext(I18nContext);
  return useMemo(() => Object.assign((key: string, values?: MessageValues) => lookUp(context, context.lang, key, values), { lang: context.lang }), [context]);
}

export interface BilingualText {
  lang: Lang;
  htmlLang: string;
  text: string;
}

/** A message in both languages, Welsh first, each with its `lang` attribute value. */
export function useBilingual(): (key: string, values?: MessageValues) => BilingualText[] {
  const context = useContext(I18nContext);
  return useMemo(
    () => (key: string, values?: MessageValues) => BILINGUAL_ORDER.map((lang) => ({ lang, htmlLang: htmlLang(lang), text: lookUp(context, lang, key, values) })),
    [context]
  );
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "£1,200" or "£1,200.50" in a language's conventions (GBP unless told). */
export function formatMoneyIn(lang: Lang, pence: number, currency = "GBP"): string {
  const whole = pence % 100 === 0;
  const key = `${lang}:${currency}:${whole}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(lang), { style: "currency", currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: whole ? 0 : 2 });
    moneyFormats.set(key, format);
  }
  return format.format(pence / 100);
}
