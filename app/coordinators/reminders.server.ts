import { reportDueDay } from "~/domain/grant-state";
import { draftReminderMail, reportReminderMail } from "~/domain/mail/grant-messages";
import { DEFAULT_REMINDER_RULES, dueDraftReminder, dueReportReminder, type ReminderRules } from "~/domain/reminders";
import { groupMail } from "~/models/award.server";
import { draftsClosingSoon, grantsOwingReports, sendReminderOnce } from "~/models/reminders.server";
import { env } from "~/utils/env.server";

// The reminder job: runs inside the app on either engine, every REMINDER_INTERVAL_SECONDS.
// Each run works out which reminders are due now (app/domain/reminders.ts) and sends each at
// most once ever (models/reminders.server.ts keys them in the database), so restarts, overlapping
// runs and several app instances on one PostgreSQL never send one twice.

export async function runReminders(now: Date = new Date(), rules: ReminderRules = DEFAULT_REMINDER_RULES) {
  let sent = 0;
  for (const grant of await grantsOwingReports()) {
    const facts = { payments: grant.payments, reportDueMonths: grant.bid.round.fund.reportDueMonths };
    const dueDay = reportDueDay(facts);
    const reminder = dueReportReminder({ awardId: grant.id, dueDay, reportStatus: grant.report?.status ?? null, cancelled: grant.status === "CANCELLED" }, now, rules);
    const context = groupMail(grant.bid);
    if (!reminder || !context || !dueDay || reminder.kind === "draft_before_close") continue;
    if (await sendReminderOnce(reminder, reportReminderMail({ ...context, kind: reminder.kind, due: dueDay }))) sent += 1;
  }
  for (const draft of await draftsClosingSoon(now, rules.draftBeforeCloseDays)) {
    const reminder = dueDraftReminder({ bidId: draft.id, status: draft.status, closesAt: draft.round.closesAt }, now, rules);
    const context = groupMail(draft);
    if (!reminder || !context) continue;
    if (await sendReminderOnce(reminder, draftReminderMail({ ...context, closesAt: draft.round.closesAt, timeZone: draft.round.fund.timeZone }))) sent += 1;
  }
  return { sent };
}

/** Starts the job; returns a note for the start-up log and a stop function. */
export function startReminderJob({ intervalMs = env().REMINDER_INTERVAL_SECONDS * 1000, now = () => new Date() }: { intervalMs?: number; now?: () => Date } = {}) {
  let running = false;
  // why a result: whoever starts the job (a test, a second instance) can tell a run that failed from one with nothing due.
  const tick = async (): Promise<{ sent: number } | null> => {
    if (running) return null;
    running = true;
    try {
      return await runReminders(now());
    } catch (error) {
      console.error("Reminders: this run failed; the next one tries again:", error instanceof Error ? error.message : error);
      return null;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  const firstRun = tick();
  return { note: `Reminders: checked every ${Math.round(intervalMs / 1000)} s.`, stop: () => clearInterval(timer), firstRun };
}
