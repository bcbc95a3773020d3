import { createHash, randomBytes } from "node:crypto";
import { db } from "~/db.server";
import { SIGN_IN_RULES, afterFailure, signInKeys, waitSeconds, type ThrottleKey } from "~/domain/sign-in-throttle";
import { shortAddress } from "~/models/rate-limit.server";

// Sign-in throttling and trusted devices in the shared database, so every app instance counts
// together. The policy (which keys, how long to wait) is app/domain/sign-in-throttle.ts.
//
// Interface:
//   claimSignInAttempt({ email, address, deviceToken }, now)  -> { allowed: true, claim } | { allowed: false, retryAfterSeconds }
//   settleSignIn(claim, userId, now)                          the password was right: forget the claim's
//                                                             failures, trust this browser; -> device token
//   forgetSignInFailures(email)                               after a password reset by email link
//   pruneSignInThrottles(now)                                 drop keys quiet for long enough
//
// An attempt is counted as a failure BEFORE the password is checked, under a row lock, so a
// burst of parallel guesses cannot all slip past a check that only sees finished attempts; a
// right password then takes its failure back.

export const DEVICE_DAYS = 90;

const digest = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 32);

// why: the throttle table outlives accounts and never needs to hold an email address.
const accountDigest = (email: string) => digest(`account:${email.trim().toLowerCase()}`);

export interface SignInClaim {
  keys: ThrottleKey[];
  /** The browser's device token when it is trusted for this account (kept on success). */
  deviceToken: string | null;
}

export type SignInAttempt = { allowed: true; claim: SignInClaim } | { allowed: false; retryAfterSeconds: number };

/** Whether the browser's device token was issued to this account by a right password, and is unexpired. */
async function trustedDevice(email: string, token: string | null, now: Date) {
  if (!token) return false;
  const device = await db().trustedDevice.findFirst({
    where: { tokenHash: digest(token), expiresAt: { gt: now }, user: { email: email.trim().toLowerCase(), disabledAt: null } },
    select: { id: true },
  });
  return device !== null;
}

export async function claimSignInAttempt(
  input: { email: string; address: string; deviceToken: string | null },
  now: Date,
): Promise<SignInAttempt> {
  const trusted = await trustedDevice(input.email, input.deviceToken, now);
  const account = accountDigest(input.email);
  const keys = signInKeys({ account, address: shortAddress(input.address), device: trusted ? digest(`${input.deviceToken}:${account}`) : null });
  // why: every transaction locks its rows in one order, so two attempts never wait on each other in a circle.
  const ordered = [...keys].sort((a, b) => a.key.localeCompare(b.key));
  const names = ordered.map((k) => k.key);
  return db().$transaction(async (tx) => {
    await tx.signInThrottle.createMany({ data: names.map((key) => ({ key, failures: 0, lastFailureAt: now })), skipDuplicates: true });
    const rows = await tx.$queryRaw<{ key: string; failures: number; lastFailureAt: Date }[]>`
      SELECT key, failures, "lastFailureAt" FROM "SignInThrottle" WHERE key = ANY(${names}::text[]) ORDER BY key FOR UPDATE`;
    const state = new Map(rows.map((r) => [r.key, r]));
    const wait = Math.max(...ordered.map((k) => waitSeconds(SIGN_IN_RULES[k.kind], state.get(k.key) ?? null, now)));
    if (wait > 0) return { allowed: false as const, retryAfterSeconds: wait };
    for (const k of ordered) {
      const next = afterFailure(SIGN_IN_RULES[k.kind], state.get(k.key) ?? null, now);
      await tx.signInThrottle.update({ where: { key: k.key }, data: next });
    }
    return { allowed: true as const, claim: { keys: ordered, deviceToken: trusted ? input.deviceToken : null } };
  });
}

/**
 * The password was right. Failures for this account from this address (or this device) are
 * forgotten; the address and the account across addresses only get this attempt back, since
 * others may be guessing there. Returns the device token this browser should keep.
 */
export async function settleSignIn(claim: SignInClaim, userId: string, now: Date): Promise<string> {
  const reset = claim.keys.filter((k) => k.kind === "pair" || k.kind === "device").map((k) => k.key);
  const giveBack = claim.keys.filter((k) => k.kind === "address" || k.kind === "account").map((k) => k.key);
  const token = claim.deviceToken ?? randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + DEVICE_DAYS * 86_400_000);
  await db().$transaction([
    db().signInThrottle.deleteMany({ where: { key: { in: reset } } }),
    db().signInThrottle.updateMany({ where: { key: { in: giveBack }, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } }),
    db().trustedDevice.upsert({
      where: { tokenHash_userId: { tokenHash: digest(token), userId } },
      create: { tokenHash: digest(token), userId, expiresAt, createdAt: now, lastUsedAt: now },
      update: { expiresAt, lastUsedAt: now },
    }),
  ]);
  return token;
}

/** The person proved they hold the account's email (a reset link): its failures no longer count. */
export async function forgetSignInFailures(email: string) {
  const account = accountDigest(email);
  await db().signInThrottle.deleteMany({ where: { OR: [{ key: `account:${account}` }, { key: { startsWith: `pair:${account}:` } }] } });
}

/** Keys with nothing left to remember, and expired devices; called now and then. */
export async function pruneSignInThrottles(now: Date) {
  const forgetMs = Math.max(...Object.values(SIGN_IN_RULES).map((r) => r.forgetAfterSeconds)) * 1000;
  await db().signInThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now.getTime() - forgetMs) } } });
  await db().trustedDevice.deleteMany({ where: { expiresAt: { lt: now } } });
}
