// The languages Pitchday speaks, and how a request's language is chosen: the person's own
// choice (the language cookie) first, then the browser's Accept-Language as a first guess.

export const LANGS = ["cy", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "en";

/** The bilingual order of Welsh signage: Welsh first. */
export const BILINGUAL_ORDER: readonly Lang[] = ["cy", "en"];

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** The `lang` attribute for a language (British English, as the site was written in). */
export function htmlLang(lang: Lang): string {
  return lang === "cy" ? "cy" : "en-GB";
}

/** The locale handed to Intl (numbers, plural rules, money). */
export function intlLocale(lang: Lang): string {
  return lang === "cy" ? "cy-GB" : "en-GB";
}

/**
 * The best of our languages for an Accept-Language header ("cy-GB,cy;q=0.9,en;q=0.8"):
 * highest q first, ties in the header's order; a range we do not speak is skipped, "*" means
 * the default. Null when nothing in it matches.
 */
export function fromAcceptLanguage(header: string | null | undefined): Lang | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [range, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([01](\.\d{0,3})?)\s*$/.exec(p)).find(Boolean);
      return { tag: range.trim().toLowerCase(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === "*") return DEFAULT_LANG;
    const primary = tag.split("-")[0];
    if (isLang(primary)) return primary;
  }
  return null;
}

/** The language for a request: the cookie's choice, else the browser's guess, else English. */
export function chooseLang(cookieValue: unknown, acceptLanguage: string | null | undefined): Lang {
  if (isLang(cookieValue)) return cookieValue;
  return fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANG;
}
