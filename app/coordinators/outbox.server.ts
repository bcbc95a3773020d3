import { claimMail, markMailFailed, markMailSent, pendingMail } from "~/models/mail.server";
import { senderFromEnv, type MailSender } from "~/services/mail/sender.server";
import { env } from "~/utils/env.server";

// Sends what the outbox holds. Each run takes a batch of due messages; a failure is recorded on
// the row and tried again after a back-off, up to MAX_ATTEMPTS, after which the message stays
// unsent (with its last error) for a person to look at.

export const MAX_ATTEMPTS = 5;
const LEASE_MS = 5 * 60_000;

/** Waits 1, 4, 16, 64 minutes between tries: a mail server that is down for a while recovers. */
export function retryDelayMs(attempt: number) {
  return 60_000 * 4 ** Math.max(0, attempt - 1);
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

export async function deliverOutbox(
  sender: MailSender,
  {
    from = env().MAIL_FROM,
    batch = 20,
    maxAttempts = MAX_ATTEMPTS,
    now = () => new Date(),
  }: { from?: string; batch?: number; maxAttempts?: number; now?: () => Date } = {},
): Promise<DeliveryReport> {
  const report = { sent: 0, failed: 0 };
  for (const message of await pendingMail({ maxAttempts, limit: batch, now: now() })) {
    const claimedAt = now();
    const leaseUntil = new Date(claimedAt.getTime() + LEASE_MS);
    if (!(await claimMail(message.id, message.attempts, { now: claimedAt, leaseUntil }))) continue;
    try {
      await sender.send({ from, to: message.to, subject: message.subject, text: message.text });
      await markMailSent(message.id, now());
      report.sent += 1;
    } catch (error) {
      const retryAt = new Date(now().getTime() + retryDelayMs(message.attempts + 1));
      await markMailFailed(message.id, error instanceof Error ? error.message : String(error), retryAt);
      report.failed += 1;
    }
  }
  return report;
}

/**
 * Runs deliverOutbox every `intervalMs` while the app runs, when SMTP_URL is set. Returns a
 * note for the start-up log and a stop function. Without SMTP, mail stays readable in the
 * outbox (the /dev/mail page in development).
 */
export function startOutboxWorker({ intervalMs = 15_000 }: { intervalMs?: number } = {}) {
  const sender = senderFromEnv();
  if (!sender) {
    return { note: "Mail: no SMTP_URL, so messages stay in the outbox (see /dev/mail).", stop: () => {} };
  }
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await deliverOutbox(sender);
      if (report.failed > 0) console.error(`Mail: ${report.failed} message(s) failed to send; they will be retried.`);
    } catch (error) {
      console.error("Mail: the outbox could not be read:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  void tick();
  return {
    note: "Mail: sending through SMTP.",
    stop: () => {
      clearInterval(timer);
      sender.close();
    },
  };
}
