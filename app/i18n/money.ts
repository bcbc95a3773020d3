import { intlLocale, type Lang } from "./lang";

// Money in a language's conventions, for pages in Welsh or English (integer pence in).

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
