import { randomBytes } from "node:crypto";
import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import type { Role } from "~/domain/permissions";
import { tooManyAttemptsMessage } from "~/domain/staff";
import { appendAudit, type Tx } from "~/models/audit.server";
import { accountLimit, giveBack, takeAttempt } from "~/models/login-throttle.server";
import { pruneRateLimits } from "~/models/rate-limit.server";
import { claimSignInAttempt, pruneSignInThrottles, settleSignIn } from "~/models/sign-in-throttle.server";
import { endSessions, pruneExpiredSessions } from "~/models/session.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";

export async function createUser(
  input: { email: string; name: string; password: string; roles: Role[] },
  by: { actor: AuditActor; via: "cli" | "admin" | "invite" | "seed" },
) {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email.trim().toLowerCase(), name: input.name.trim(), passwordHash, roles: input.roles },
    });
    await appendAudit(tx, {
      actor: by.actor,
      action: "user.created",
      subject: { type: "user", id: user.id },
      payload: { roles: input.roles, via: by.via },
    });
    return user;
  });
}

export function findUserByEmail(email: string) {
  return db().user.findUnique({ where: { email: email.trim().toLowerCase() } });
}

export function countUsers() {
  return db().user.count();
}

// ---------- Signing in ----------

export type SignInResult =
  | { ok: true; user: { id: string; name: string; roles: Role[] }; deviceToken: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "limited"; retryAfterSeconds: number };

let dummyHash: Promise<string> | undefined;
// why: checking a password takes ~50 ms; answering "no such account" faster would tell an
// attacker which email addresses have accounts.
function hashToWasteTimeOn() {
  return (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));
}

/**
 * Checks an email and password. A wrong password, an unknown email and a disabled account all
 * look the same from outside. While failures make a key wait (app/domain/sign-in-throttle.ts)
 * the password is not checked. `deviceToken` is the browser's device cookie; on success the
 * token to keep is returned (the same one, or a new one for a browser not yet trusted).
 */
export async function authenticate(
  input: { email: string; password: string; address: string; deviceToken?: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const attempt = await claimSignInAttempt({ email: input.email, address: input.address, deviceToken: input.deviceToken ?? null }, now);
  if (!attempt.allowed) return { ok: false, reason: "limited", retryAfterSeconds: attempt.retryAfterSeconds };
  const user = await findUserByEmail(input.email);
  const matches = await verifyPassword(user?.passwordHash ?? (await hashToWasteTimeOn()), input.password);
  if (!user || !user.passwordHash || !matches || user.disabledAt) return { ok: false, reason: "invalid" };
  const deviceToken = await settleSignIn(attempt.claim, user.id, now);
  await pruneExpiredSessions(now, user.id);
  await pruneSignInThrottles(now);
  await pruneRateLimits(now);
  return { ok: true, user: { id: user.id, name: user.name, roles: user.roles }, deviceToken };
}

// ---------- Looking at accounts ----------

/** Every staff account for the admin list: active first, then by name. */
export async function listUsers(now = new Date()) {
  const users = await db().user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      disabledAt: true,
      createdAt: true,
      sessions: { where: { expiresAt: { gt: now } }, select: { lastSeenAt: true }, orderBy: { lastSeenAt: "desc" }, take: 1 },
    },
  });
  return users.map(({ sessions, ...user }) => ({ ...user, lastSeenAt: sessions[0]?.lastSeenAt ?? null }));
}

export async function getAccount(id: string, now = new Date()) {
  const user = await db().user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      disabledAt: true,
      createdAt: true,
      sessions: { where: { expiresAt: { gt: now } }, select: { lastSeenAt: true }, orderBy: { lastSeenAt: "desc" } },
    },
  });
  if (!user) return null;
  const { sessions, ...rest } = user;
  return { ...rest, activeSessions: sessions.length, lastSeenAt: sessions[0]?.lastSeenAt ?? null };
}

/** Names of staff, for showing who did what (audit entries hold ids only). */
export async function userNames(ids: string[]) {
  const users = await db().user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return Object.fromEntries(users.map((u) => [u.id, u.name]));
}

// ---------- Changing accounts ----------

export type ChangeResult = { ok: true; changed: boolean } | { ok: false; message: string };

// why: two admins demoting each other at the same moment must not leave nobody in charge;
// every change that can remove an admin takes this lock before counting the admins left.
const STAFF_LOCK = 4_242_002;

async function lockStaff(tx: Tx) {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${STAFF_LOCK})`;
}

async function isLastActiveAdmin(tx: Tx, user: { id: string; roles: Role[]; disabledAt: Date | null }) {
  if (user.disabledAt || !user.roles.includes("ADMIN")) return false;
  const others = await tx.user.count({ where: { id: { not: user.id }, disabledAt: null, roles: { has: "ADMIN" } } });
  return others === 0;
}

export async function changeRoles(userId: string, roles: Role[], actor: { id: string }): Promise<ChangeResult | null> {
  return db().$transaction(async (tx) => {
    await lockStaff(tx);
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) return null;
    const from = user.roles;
    if (from.length === roles.length && from.every((role) => roles.includes(role))) return { ok: true, changed: false };
    if (!roles.includes("ADMIN") && (await isLastActiveAdmin(tx, user))) {
      return {
        ok: false,
        message:
          user.id === actor.id
            ? "You are the only active administrator, so you cannot remove your own administrator role. Make someone else an administrator first."
            : "This is the only active administrator. Make someone else an administrator first.",
      };
    }
    await tx.user.update({ where: { id: userId }, data: { roles } });
    await appendAudit(tx, {
      actor: { type: "user", id: actor.id },
      action: "user.roles_changed",
      subject: { type: "user", id: userId },
      payload: { from, to: roles },
    });
    return { ok: true, changed: true };
  });
}

/** Disabling ends every session at once; a disabled account cannot sign in until enabled. */
export async function setDisabled(
  userId: string,
  disabled: boolean,
  actor: { id: string },
  now = new Date(),
): Promise<ChangeResult | null> {
  return db().$transaction(async (tx) => {
    await lockStaff(tx);
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) return null;
    if (Boolean(user.disabledAt) === disabled) return { ok: true, changed: false };
    if (disabled && (await isLastActiveAdmin(tx, user))) {
      return {
        ok: false,
        message:
          user.id === actor.id
            ? "You are the only active administrator, so you cannot disable your own account. Make someone else an administrator first."
            : "This is the only active administrator. Make someone else an administrator first.",
      };
    }
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? now : null } });
    if (disabled) {
      const sessionsEnded = await endSessions(tx, userId);
      await appendAudit(tx, {
        actor: { type: "user", id: actor.id },
        action: "user.disabled",
        subject: { type: "user", id: userId },
        payload: { sessionsEnded },
      });
    } else {
      await appendAudit(tx, {
        actor: { type: "user", id: actor.id },
        action: "user.enabled",
        subject: { type: "user", id: userId },
        payload: {},
      });
    }
    return { ok: true, changed: true };
  });
}

export type PasswordChangeResult =
  | { ok: true; sessionsEnded: number }
  | { ok: false; reason: "wrong" | "limited"; field: "currentPassword"; message: string };

/**
 * Changes the signed-in person's own password after checking the current one (counted like a
 * sign-in, so a borrowed session cannot be used to guess it). Every other session ends.
 */
export async function changePassword(
  who: { id: string; sessionId: string },
  input: { currentPassword: string; newPassword: string },
  now = new Date(),
): Promise<PasswordChangeResult> {
  const user = await db().user.findUniqueOrThrow({ where: { id: who.id } });
  const attempt = await takeAttempt([accountLimit(user.email)], now);
  if (!attempt.allowed) {
    return { ok: false, reason: "limited", field: "currentPassword", message: tooManyAttemptsMessage(attempt.retryAfterSeconds) };
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, reason: "wrong", field: "currentPassword", message: "Your current password is not right" };
  }
  await giveBack(attempt.limits, now);
  const passwordHash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const sessionsEnded = await endSessions(tx, user.id, { keep: who.sessionId });
    await appendAudit(tx, {
      actor: { type: "user", id: user.id },
      action: "user.password_changed",
      subject: { type: "user", id: user.id },
      payload: {},
    });
    return { ok: true as const, sessionsEnded };
  });
}
