import { db } from "~/db.server";
import type { MailInput } from "~/domain/mail/mail";
import type { Reminder } from "~/domain/reminders";
import { mailableBid, mailableRound } from "~/models/award.server";
import { queueMail } from "~/models/mail.server";

// What the reminder job reads, and how it sends each reminder exactly once: the reminder's key
// row (ReminderSent, primary key kind + subject + slot) is inserted in the same transaction as
// its email. A second instance, or a restarted one, that tries the same reminder inserts
// nothing (ON CONFLICT DO NOTHING waits for the first to commit, then skips) and queues nothing;
// a transaction that fails leaves neither row nor email behind, so the next run tries again.

/** Paid, not cancelled grants whose report is not in or accepted: the ones that may need a reminder. */
export function grantsOwingReports() {
  return db().award.findMany({
    where: {
      status: { not: "CANCELLED" },
      payments: { some: { status: "PAID" } },
      OR: [{ report: null }, { report: { status: { in: ["DRAFT", "MORE_REQUESTED"] } } }],
    },
    select: {
      id: true,
      status: true,
      payments: { select: { status: true, amountPence: true, paidOn: true, updatedAt: true } },
      report: { select: { status: true, returnedPence: true } },
      bid: { select: { ...mailableBid, round: { select: { ...mailableRound, fund: { select: { reportDueMonths: true, timeZone: true } } } } } },
    },
  });
}

/** Draft bids whose round closes within `days` of `now`. */
export function draftsClosingSoon(now: Date, days: number) {
  return db().bid.findMany({
    where: { status: "DRAFT", round: { closesAt: { gt: now, lte: new Date(now.getTime() + days * 86_400_000) } } },
    select: { id: true, status: true, ...mailableBid, round: { select: { ...mailableRound, closesAt: true, fund: { select: { timeZone: true } } } } },
  });
}

/** Queues the reminder's email unless it has been sent before; true when this call sent it. */
export async function sendReminderOnce(reminder: Reminder, mail: MailInput): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ kind: string }[]>`
      INSERT INTO "ReminderSent" (kind, "subjectId", "dueSlot") VALUES (${reminder.kind}, ${reminder.subjectId}, ${reminder.dueSlot})
      ON CONFLICT DO NOTHING RETURNING kind`;
    if (claimed.length === 0) return false;
    await queueMail(tx, mail);
    return true;
  });
}
