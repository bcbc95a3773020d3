// Money is integer pence from the form to the database and back; never a float.

export type Pence = number;

const POUNDS = /^£?\s*(\d{1,3}(,\d{3})+|\d+)(\.(\d{1,2}))?$/;

/**
 * Reads what a person typed as an amount in pounds: "1200", "1,200", "£1,200.50", "1200.5".
 * Returns null for anything else (negative numbers, three decimals, letters).
 */
export function parsePounds(input: string): Pence | null {
  const text = input.trim().replace(/\s+/g, "");
  const match = POUNDS.exec(text);
  if (!match) return null;
  const whole = Number(match[1].replace(/,/g, ""));
  const fraction = match[4] ? Number(match[4].padEnd(2, "0")) : 0;
  const pence = whole * 100 + fraction;
  return Number.isSafeInteger(pence) ? pence : null;
}

const formatters = /* @__PURE__ */ new Map<string, Intl.NumberFormat>();

function formatter(currency: string, whole: boolean) {
  const key = `${currency}:${whole}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", {
      style: "currency",
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    });
    formatters.set(key, f);
  }
  return f;
}

/** "£1,200" for whole pounds, "£1,200.50" otherwise. */
export function formatMoney(pence: Pence, currency = "GBP"): string {
  const whole = pence % 100 === 0;
  return formatter(currency, whole).format(pence / 100);
}

/** The value to put back into an amount field: "1200" or "1200.50". */
export function penceToInput(pence: Pence | null | undefined): string {
  if (pence === null || pence === undefined) return "";
  const pounds = Math.trunc(pence / 100);
  const rest = Math.abs(pence % 100);
  return rest === 0 ? String(pounds) : `${pounds}.${String(rest).padStart(2, "0")}`;
}

export function sumPence(values: readonly Pence[]): Pence {
  return values.reduce((total, v) => total + v, 0);
}

/** A whole-pence share of an amount, rounded down so shares never exceed the whole. */
export function percentOf(pence: Pence, percent: number): Pence {
  return Math.floor((pence * percent) / 100);
}
