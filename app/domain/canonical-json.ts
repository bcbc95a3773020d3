// Canonical JSON: object keys sorted, no white space, dates as ISO strings. The same value
// always gives the same text, whichever engine stored it (PostgreSQL jsonb reorders keys).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalise(v)));
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("Audit payloads cannot hold NaN or Infinity.");
    return value;
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const key of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = normalise(v);
    }
    return out;
  }
  return value as Json;
}
