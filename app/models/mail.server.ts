import { db } from "~/db.server";
import type { Tx } from "~/models/audit.server";

// The outbox: every email is a MailMessage row written in the same transaction as the change it
// tells someone about, so a rolled-back change never sends mail and a sent one is never lost.
// A worker (app/services/mail/outbox.server.ts) sends the rows when SMTP is configured.

export interface MailInput {
  to: string;
  subject: string;
  text: string;
}

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

/** Messages still to send, oldest first, skipping those that have used up their attempts. */
export function pendingMail({ maxAttempts, limit }: { maxAttempts: number; limit: number }) {
  return db().mailMessage.findMany({
    where: { sentAt: null, attempts: { lt: maxAttempts } },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
}

/**
 * Takes a message for one sending attempt. Only one worker (of several app instances) wins the
 * conditional update, so a message is not sent twice by two workers at once.
 */
export async function claimMail(id: string, seenAttempts: number) {
  const { count } = await db().mailMessage.updateMany({
    where: { id, sentAt: null, attempts: seenAttempts },
    data: { attempts: { increment: 1 } },
  });
  return count === 1;
}

export function markMailSent(id: string, now = new Date()) {
  return db().mailMessage.update({ where: { id }, data: { sentAt: now, lastError: null } });
}

export function markMailFailed(id: string, error: string) {
  return db().mailMessage.update({ where: { id }, data: { lastError: error.slice(0, 1_000) } });
}
