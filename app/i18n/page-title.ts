import { formatMessage, type MessageValues } from "./format";
import type { PageMessages } from "./i18n-context";
import { DEFAULT_LANG, isLang } from "./lang";

// A page's <title> in its language, for a route's meta function (which cannot use hooks): the
// language and messages come from the root loader's data among the matches.

interface RootData {
  lang?: unknown;
  messages?: PageMessages;
}

export function pageTitle(matches: ReadonlyArray<{ id: string; data?: unknown }>, key: string, values?: MessageValues): string {
  const root = matches.find((match) => match.id === "root")?.data as RootData | undefined;
  const lang = isLang(root?.lang) ? root.lang : DEFAULT_LANG;
  const message = root?.messages?.[lang]?.[key];
  return message === undefined ? key : formatMessage(message, lang, values);
}
