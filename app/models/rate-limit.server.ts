import { createHash } from "node:crypto";
import { db } from "~/db.server";

// Fixed-window counters in the database, so every app instance shares them.

export interface Limit {
  /** What is being limited and for whom, e.g. "login:account:ann@example.org". */
  key: string;
  max: number;
  windowSeconds: number;
}

/** An address for a key: behind a proxy it comes from a header, and a long one must not make a huge key. */
export function shortAddress(address: string) {
  return address.length <= 64 ? address : createHash("sha256").update(address).digest("hex").slice(0, 32);
}

function windowStart(now: Date, windowSeconds: number) {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

/** Counts one attempt and says whether it is still within the limit. */
export async function hit(limit: Limit, now = new Date()) {
  const start = windowStart(now, limit.windowSeconds);
  const row = await db().rateLimit.upsert({
    where: { key_windowStart: { key: limit.key, windowStart: start } },
    create: { key: limit.key, windowStart: start, count: 1 },
    update: { count: { increment: 1 } },
  });
  const retryAfterSeconds = Math.ceil((start.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000);
  return { allowed: row.count <= limit.max, count: row.count, retryAfterSeconds };
}

/** Whether the limit is already used up, without counting an attempt. */
export async function isLimited(limit: Limit, now = new Date()) {
  return (await limitState(limit, now)).limited;
}

/** isLimited, and how long until the window that used it up ends. */
export async function limitState(limit: Limit, now = new Date()) {
  const start = windowStart(now, limit.windowSeconds);
  const row = await db().rateLimit.findUnique({
    where: { key_windowStart: { key: limit.key, windowStart: start } },
  });
  const retryAfterSeconds = Math.ceil((start.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000);
  return { limited: (row?.count ?? 0) >= limit.max, retryAfterSeconds };
}

export async function reset(key: string) {
  await db().rateLimit.deleteMany({ where: { key } });
}

/** Old windows are of no use; called now and then so the table stays small. */
export async function pruneRateLimits(now = new Date(), olderThanSeconds = 86_400) {
  await db().rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } } });
}
