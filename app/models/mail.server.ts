import { db } from "~/db.server";
import type { MailInput } from "~/domain/mail/mail";
import type { Tx } from "~/models/audit.server";

// The outbox: every email is a MailMessage row written in the same transaction as the change it
// tells someone about, so a rolled-back change never sends mail and a sent one is never lost.
// A worker (app/coordinators/outbox.server.ts) sends the rows when SMTP is configured.


/** Queues one email inside the caller's transaction. */
export function queueMail(tx: Tx, mail: MailInput) {
  return tx.mailMessage.create({ data: { to: mail.to.trim(), subject: mail.subject, text: mail.text } });
}

/** Newest first, for the development outbox page; `to` matches the address whatever its case. */
export function listMail({ to, limit = 50 }: { to?: string | null; limit?: number } = {}) {
  return db().mailMessage.findMany({
    where: to ? { to: { equals: to.trim(), mode: "insensitive" } } : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/** Messages due for a try, oldest first: unsent, attempts left, and no lease or back-off running. */
export function pendingMail({ maxAttempts, limit, now = new Date() }: { maxAttempts: number; limit: number; now?: Date }) {
  return db().mailMessage.findMany({
    where: {
      sentAt: null,
      attempts: { lt: maxAttempts },
      OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
    },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
}

/**
 * Takes a message for one sending attempt and leases it until `leaseUntil`. Only one worker
 * (of several app instances) wins the conditional update; the others skip the message, and a
 * worker that dies mid-send leaves it to be tried again when the lease runs out.
 */
export async function claimMail(id: string, seenAttempts: number, { now = new Date(), leaseUntil }: { now?: Date; leaseUntil: Date }) {
  const { count } = await db().mailMessage.updateMany({
    where: {
      id,
      sentAt: null,
      attempts: seenAttempts,
      OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }],
    },
    data: { attempts: { increment: 1 }, nextAttemptAt: leaseUntil },
  });
  return count === 1;
}

export function markMailSent(id: string, now = new Date()) {
  return db().mailMessage.update({ where: { id }, data: { sentAt: now, lastError: null, nextAttemptAt: null } });
}

export function markMailFailed(id: string, error: string, retryAt: Date) {
  return db().mailMessage.update({ where: { id }, data: { lastError: error.slice(0, 1_000), nextAttemptAt: retryAt } });
}
