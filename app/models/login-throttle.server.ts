import { createHash } from "node:crypto";
import { db } from "~/db.server";
import { hit, type Limit } from "~/models/rate-limit.server";

// Fixed-window allowances for password checks other than signing in (changing your own
// password, asking for a reset link), in the shared database so every app instance counts
// together. Signing in itself is slowed down, never locked: sign-in-throttle.server.ts.
//
// An attempt is counted BEFORE the password is checked, so a burst of parallel guesses cannot
// all slip past a check that only sees finished attempts; a successful sign-in then gives its
// attempt back, so only failures use up the allowance.

export const ACCOUNT_LIMIT = { max: 5, windowSeconds: 15 * 60 };

// why: the counter table outlives the account; it never needs to hold an email address.
export function accountLimit(email: string): Limit {
  const digest = createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
  return { key: `login:account:${digest}`, ...ACCOUNT_LIMIT };
}

export type Attempt =
  | { allowed: true; limits: Limit[] }
  | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt against each limit in turn; stops (and gives back) at the first one used up. */
export async function takeAttempt(limits: Limit[], now: Date): Promise<Attempt> {
  const taken: Limit[] = [];
  for (const limit of limits) {
    const result = await hit(limit, now);
    if (!result.allowed) {
      // why: a refused attempt stays counted on the exhausted limit (it was refused anyway)
      // but must not use up the others, or hammering one locked account locks the office.
      await giveBack(taken, now);
      return { allowed: false, retryAfterSeconds: result.retryAfterSeconds };
    }
    taken.push(limit);
  }
  return { allowed: true, limits: taken };
}

/** Returns attempts that turned out fine (a correct password) so they do not count. */
export async function giveBack(limits: Limit[], now: Date) {
  for (const limit of limits) {
    // The window that counted the attempt is the one containing `now` (fixed windows).
    await db().rateLimit.updateMany({
      where: {
        key: limit.key,
        windowStart: { lte: now, gt: new Date(now.getTime() - limit.windowSeconds * 1000) },
        count: { gt: 0 },
      },
      data: { count: { decrement: 1 } },
    });
  }
}
