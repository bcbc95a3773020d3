import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import type { Role } from "~/domain/permissions";
import { appendAudit, type Tx } from "~/models/audit.server";
import { hashSecretToken, newSecretToken } from "~/utils/secret-token.server";

// Staff sessions live in the database so they can be revoked: the cookie carries a random
// token and the table keeps only its sha256.

export const SESSION_DAYS = 14;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  sessionId: string;
}

export async function createSession(
  userId: string,
  meta: { userAgent?: string | null; ipAddress?: string | null },
  now = new Date(),
) {
  const { token, hash: tokenHash } = newSecretToken();
  await db().session.create({
    data: {
      tokenHash,
      userId,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      ipAddress: meta.ipAddress ?? null,
    },
  });
  return token;
}

/** The signed-in user for a session token, or null when expired, revoked or disabled. */
export async function findSessionUser(token: string, now = new Date()): Promise<SessionUser | null> {
  const session = await db().session.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    include: { user: { select: { id: true, email: true, name: true, roles: true, disabledAt: true } } },
  });
  if (!session || session.expiresAt <= now || session.user.disabledAt) return null;
  // why: writing on every request would be wasteful; a minute's precision is enough.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db().session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { id, email, name, roles } = session.user;
  return { id, email, name, roles, sessionId: session.id };
}

export async function deleteSession(token: string) {
  await db().session.deleteMany({ where: { tokenHash: hashSecretToken(token) } });
}

/** The user's sessions that still work, most recently used first. */
export async function listSessions(userId: string, now = new Date()) {
  return db().session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ipAddress: true, expiresAt: true },
  });
}

/** Ends the user's sessions inside the caller's transaction, except `keep`; returns how many. */
export async function endSessions(tx: Tx, userId: string, options: { keep?: string } = {}) {
  const { count } = await tx.session.deleteMany({
    where: { userId, ...(options.keep ? { id: { not: options.keep } } : {}) },
  });
  return count;
}

/** "Sign out everywhere": every device, this one included, needs the password again. */
export function signOutEverywhere(userId: string, actor: AuditActor) {
  return db().$transaction(async (tx) => {
    const sessionsEnded = await endSessions(tx, userId);
    await appendAudit(tx, {
      actor,
      action: "user.signed_out_everywhere",
      subject: { type: "user", id: userId },
      payload: { sessionsEnded },
    });
    return sessionsEnded;
  });
}

/** Expired sessions are refused anyway; removing them keeps the table (and the list) short. */
export async function pruneExpiredSessions(now = new Date(), userId?: string) {
  const { count } = await db().session.deleteMany({ where: { expiresAt: { lte: now }, ...(userId ? { userId } : {}) } });
  return count;
}
