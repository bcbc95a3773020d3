import { TEXT_FIELDS } from "~/domain/bid";

const ORDER = new Map<string, number>(TEXT_FIELDS.map((name, index) => [name, index]));

/** Messages in the order the fields appear on the page (budget lines sit after the amount). */
export function inPageOrder<T>(errors: Record<string, T>): Record<string, T> {
  const rank = (key: string) => {
    const budget = /^budget(?:\.(\d+))?/.exec(key);
    if (budget) return (ORDER.get("amountRequested") ?? 0) + 0.5 + (budget[1] ? Number(budget[1]) / 1000 : 0.4999);
    return ORDER.get(key) ?? 999;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}
