import { parse } from "@formatjs/icu-messageformat-parser";
import { formatMessage, type CompiledMessage } from "./format";
import { BILINGUAL_ORDER, type Lang } from "./lang";
import { CY, EN } from "./messages";
import { namespaceOf, pageNeeds } from "./namespaces";

// The catalogues, parsed once per process: ICU messages become the element trees format.ts
// walks, so the browser never parses ICU. Plain text stays a string (smaller to send).

export type Catalogue = Record<string, CompiledMessage>;
export type PageMessages = Partial<Record<Lang, Catalogue>>;

const SOURCES: Record<Lang, Record<string, string>> = { cy: CY, en: EN };
const compiled = new Map<Lang, Catalogue>();

function compile(lang: Lang): Catalogue {
  let catalogue = compiled.get(lang);
  if (!catalogue) {
    catalogue = {};
    for (const [key, message] of Object.entries(SOURCES[lang])) {
      const elements = parse(message, { ignoreTag: true });
      catalogue[key] = elements.length === 1 && elements[0].type === 0 ? elements[0].value : elements.length === 0 ? "" : elements;
    }
    compiled.set(lang, catalogue);
  }
  return catalogue;
}

/** The messages a page at `pathname` can show: its namespaces, in its language (both on a bilingual page). */
export function messagesForPage(lang: Lang, pathname: string): { messages: PageMessages; bilingual: boolean } {
  const needs = pageNeeds(pathname);
  const wanted = new Set<string>(needs.namespaces);
  const langs = needs.bilingual ? BILINGUAL_ORDER : [lang];
  const messages: PageMessages = {};
  for (const l of langs) {
    messages[l] = Object.fromEntries(Object.entries(compile(l)).filter(([key]) => wanted.has(namespaceOf(key))));
  }
  return { messages, bilingual: needs.bilingual };
}

/** One message in a language, on the server (response texts, page titles). */
export function translate(lang: Lang, key: string, values?: Record<string, string | number>): string {
  const message = compile(lang)[key];
  if (message === undefined) throw new Error(`No message "${key}" in the ${lang} catalogue`);
  return formatMessage(message, lang, values);
}
