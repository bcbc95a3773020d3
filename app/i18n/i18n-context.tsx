import { createContext, useContext, useMemo } from "react";
import { formatMessage, type CompiledMessage, type MessageValues } from "./format";
import { DEFAULT_LANG, isLang, type Lang } from "./lang";

// The page's language and the messages the root loader sent for it (see catalogue.server.ts).
// useT() formats one message in the page's language; bilingual.ts says one in Welsh and English
// both, for the big screen.

export type PageMessages = Partial<Record<Lang, Record<string, CompiledMessage>>>;

export interface I18nValue {
  lang: Lang;
  messages: PageMessages;
}

export const I18nContext = createContext<I18nValue>({ lang: DEFAULT_LANG, messages: {} });

export function I18nProvider({ lang, messages, children }: I18nValue & { children: React.ReactNode }) {
  const value = useMemo(() => ({ lang, messages }), [lang, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function lookUp(context: I18nValue, lang: Lang, key: string, values?: MessageValues): string {
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

/**
 * A page's <title> in its language, for a route's meta function (which cannot use hooks): the
 * language and messages come from the root loader's data among the matches.
 */
export function pageTitle(matches: ReadonlyArray<{ id: string; data?: unknown }>, key: string, values?: MessageValues): string {
  const root = matches.find((match) => match.id === "root")?.data as Partial<I18nValue> | undefined;
  const lang = isLang(root?.lang) ? root.lang : DEFAULT_LANG;
  return lookUp({ lang, messages: root?.messages ?? {} }, lang, key, values);
}
