import { useContext, useMemo } from "react";
import type { MessageValues } from "./format";
import { I18nContext, lookUp } from "./i18n-context";
import { BILINGUAL_ORDER, htmlLang, type Lang } from "./lang";

// A message in Welsh and English at once, for the big screen (whose page is sent both
// catalogues). Apart from i18n-context.tsx so the phones' pages do not carry it.

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
