import { createHash } from "node:crypto";
import { db } from "~/db.server";
import { passwordResetDoneMail, resetLinkMail } from "~/domain/mail/password-reset-mail";
import { RESET_HOURS, RESET_LIMITS, type ResetLinkStatus } from "~/domain/password-reset";
import { appendAudit, type Tx } from "~/models/audit.server";
import { accountLimit, takeAttempt } from "~/models/login-throttle.server";
import { queueMail } from "~/models/mail.server";
import { pruneRateLimits, reset as resetRateLimit, type Limit } from "~/models/rate-limit.server";
import { endSessions } from "~/models/session.server";
import { forgetSignInFailures } from "~/models/sign-in-throttle.server";
import { appUrl } from "~/utils/http.server";
import { hashPassword } from "~/utils/password.server";
import { hashSecretToken, newSecretToken } from "~/utils/secret-token.server";

// A way back in after a forgotten password. The person (from the sign-in page) or an admin
// asks for a link; the email carries a random token and the table keeps only its sha256. The
// link works once, for RESET_HOURS, only while the account is enabled; a newer link, or a
// reset with any link, withdraws the others. Using it ends every session of the account.

export { RESET_HOURS };

type ResetRow = { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; user: { disabledAt: Date | null } };

function statusOf(reset: ResetRow | null, now: Date): ResetLinkStatus {
  if (!reset) return "unknown";
  if (reset.usedAt) return "used";
  if (reset.revokedAt) return "withdrawn";
  if (reset.expiresAt <= now) return "expired";
  return reset.user.disabledAt ? "disabled" : "valid";
}

// why: the counters outlive any account and never need to hold an email address.
function emailLimit(email: string): Limit {
  const digest = createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
  return { key: `reset:email:${digest}`, ...RESET_LIMITS.email };
}

function addressLimit(address: string): Limit {
  return { key: `reset:address:${address}`, ...RESET_LIMITS.address };
}

async function issueInTx(
  tx: Tx,
  user: { id: string; email: string; name: string },
  by: { type: "self" } | { type: "admin"; id: string; name: string },
  now: Date,
) {
  await tx.passwordReset.updateMany({
    where: { userId: user.id, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const { token, hash: tokenHash } = newSecretToken();
  const reset = await tx.passwordReset.create({
    data: {
      userId: user.id,
      tokenHash,
      expiresAt: new Date(now.getTime() + RESET_HOURS * 3_600_000),
      createdById: by.type === "admin" ? by.id : null,
    },
  });
  await appendAudit(tx, {
    // why: a request from the sign-in page proves nothing about who typed the address.
    actor: by.type === "admin" ? { type: "user", id: by.id } : { type: "system" },
    action: "user.password_reset_requested",
    subject: { type: "user", id: user.id },
    payload: { by: by.type },
    at: now,
  });
  // why: queued in this transaction, so a link never exists without its email, nor the reverse.
  await queueMail(tx, {
    to: user.email,
    ...resetLinkMail({
      name: user.name,
      link: appUrl(`/password/reset/${token}`),
      expiresAt: reset.expiresAt,
      sentBy: by.type === "admin" ? by.name : null,
    }),
  });
}

export type ResetRequestResult = { ok: true } | { ok: false; reason: "limited"; retryAfterSeconds: number };

/**
 * The "Forgotten your password?" form. The answer is the same whether or not an account
 * exists, or is disabled (which gets no link); only the rate limits can say no, and they
 * count every address asked about, known or not.
 */
export async function requestPasswordReset(
  input: { email: string; address: string },
  now = new Date(),
): Promise<ResetRequestResult> {
  const email = input.email.trim().toLowerCase();
  const attempt = await takeAttempt([emailLimit(email), addressLimit(input.address)], now);
  if (!attempt.allowed) return { ok: false, reason: "limited", retryAfterSeconds: attempt.retryAfterSeconds };
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, disabledAt: true } });
  if (user && !user.disabledAt) {
    await db().$transaction(async (tx) => {
      // why: the account may have been disabled between the look-up and now.
      const still = await tx.user.findFirst({ where: { id: user.id, disabledAt: null }, select: { id: true } });
      if (still) await issueInTx(tx, user, { type: "self" }, now);
    });
  }
  await pruneRateLimits(now);
  return { ok: true };
}

export type AdminResetResult = { ok: true } | { ok: false; message: string };

/** An admin sends the person a link. Null when there is no such account. */
export async function sendPasswordReset(
  userId: string,
  by: { id: string; name: string },
  now = new Date(),
): Promise<AdminResetResult | null> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, disabledAt: true } });
    if (!user) return null;
    if (user.disabledAt) {
      return { ok: false as const, message: "This account is disabled. Enable it before sending a password reset link." };
    }
    await issueInTx(tx, user, { type: "admin", id: by.id, name: by.name }, now);
    return { ok: true as const };
  });
}

export type FoundReset =
  | { status: Exclude<ResetLinkStatus, "valid"> }
  | { status: "valid"; reset: { id: string; expiresAt: Date; user: { id: string; email: string; name: string } } };

/** What the reset page needs to know about a link, without using it. */
export async function findPasswordReset(token: string, now = new Date()): Promise<FoundReset> {
  const reset = await db().passwordReset.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: {
      id: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true, disabledAt: true } },
    },
  });
  const status = statusOf(reset, now);
  if (status !== "valid" || !reset) return { status: status as Exclude<ResetLinkStatus, "valid"> };
  const { id, email, name } = reset.user;
  return { status, reset: { id: reset.id, expiresAt: reset.expiresAt, user: { id, email, name } } };
}

export type ResetResult =
  | { ok: true; user: { id: string }; sessionsEnded: number }
  | { ok: false; status: Exclude<ResetLinkStatus, "valid"> };

/**
 * Uses the link once: sets the new password, ends every session of the account (the caller
 * then signs this device in), withdraws the account's other links and tells the person by email.
 */
export async function resetPassword(token: string, input: { password: string }, now = new Date()): Promise<ResetResult> {
  const tokenHash = hashSecretToken(token);
  const passwordHash = await hashPassword(input.password);
  const result = await db().$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash },
      include: { user: { select: { id: true, email: true, name: true, disabledAt: true } } },
    });
    const status = statusOf(reset, now);
    if (status !== "valid" || !reset) return { ok: false as const, status: status as Exclude<ResetLinkStatus, "valid"> };
    // why: two tabs submitting the same link at once; only the one that sets usedAt wins.
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false as const, status: "used" as const };
    const { count: enabled } = await tx.user.updateMany({
      where: { id: reset.userId, disabledAt: null },
      data: { passwordHash },
    });
    if (enabled !== 1) throw new DisabledMeanwhile();
    await tx.passwordReset.updateMany({
      where: { userId: reset.userId, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const sessionsEnded = await endSessions(tx, reset.userId);
    await appendAudit(tx, {
      actor: { type: "user", id: reset.userId },
      action: "user.password_reset",
      subject: { type: "user", id: reset.userId },
      payload: { sessionsEnded },
      at: now,
    });
    await queueMail(tx, { to: reset.user.email, ...passwordResetDoneMail({ name: reset.user.name, at: now }) });
    return { ok: true as const, user: { id: reset.userId, email: reset.user.email }, sessionsEnded };
  }).catch((error: unknown) => {
    if (error instanceof DisabledMeanwhile) return { ok: false as const, status: "disabled" as const };
    throw error;
  });
  if (!result.ok) return result;
  // why: the person has just proved they hold the account's email; failed guesses at the old
  // password should not keep them (or their other devices) locked out of the new one.
  await resetRateLimit(accountLimit(result.user.email).key);
  await forgetSignInFailures(result.user.email);
  return { ok: true, user: { id: result.user.id }, sessionsEnded: result.sessionsEnded };
}

// Thrown to roll back the claimed link when the account was disabled mid-way.
class DisabledMeanwhile extends Error {}
