import type { ReportStatus } from "~/domain/grant-state";

// Which reminders are due at `now`. Each reminder has a window: from its moment until the next
// reminder's moment (or a last cut-off), so an app that was down over a moment sends only the
// reminder that still makes sense when it comes back, never a burst of stale ones. A reminder's
// key (kind, subject, slot) is what the scheduler records so it goes once; the slot names the
// due date or deadline it is about, so a moved date gets reminders of its own.

export const REMINDER_KINDS = ["report_before", "report_due", "report_after", "draft_before_close"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface ReminderRules {
  reportBeforeDays: number;
  reportAfterDays: number;
  /** After this many days past the due date, no more report reminders. */
  reportStopAfterDays: number;
  draftBeforeCloseDays: number;
}

export const DEFAULT_REMINDER_RULES: ReminderRules = {
  reportBeforeDays: 14,
  reportAfterDays: 7,
  reportStopAfterDays: 60,
  draftBeforeCloseDays: 3,
};

export interface Reminder {
  kind: ReminderKind;
  subjectId: string;
  dueSlot: string;
}

const DAY_MS = 86_400_000;

/** The report reminder due now for one paid grant, if any: only while the group owes a report. */
export function dueReportReminder(
  grant: { awardId: string; dueDay: Date | null; reportStatus: ReportStatus | null; cancelled: boolean },
  now: Date,
  rules: ReminderRules = DEFAULT_REMINDER_RULES,
): Reminder | null {
  if (!grant.dueDay || grant.cancelled) return null;
  if (grant.reportStatus === "SUBMITTED" || grant.reportStatus === "ACCEPTED") return null;
  const due = grant.dueDay.getTime();
  const t = now.getTime();
  const moments: [ReminderKind, number, number][] = [
    ["report_before", due - rules.reportBeforeDays * DAY_MS, due],
    ["report_due", due, due + rules.reportAfterDays * DAY_MS],
    ["report_after", due + rules.reportAfterDays * DAY_MS, due + rules.reportStopAfterDays * DAY_MS],
  ];
  const hit = moments.find(([, from, until]) => t >= from && t < until);
  return hit ? { kind: hit[0], subjectId: grant.awardId, dueSlot: grant.dueDay.toISOString().slice(0, 10) } : null;
}

/** The reminder to a group whose bid is still a draft, in the days before its round closes. */
export function dueDraftReminder(
  draft: { bidId: string; status: string; closesAt: Date },
  now: Date,
  rules: ReminderRules = DEFAULT_REMINDER_RULES,
): Reminder | null {
  if (draft.status !== "DRAFT") return null;
  const closes = draft.closesAt.getTime();
  const t = now.getTime();
  if (t < closes - rules.draftBeforeCloseDays * DAY_MS || t >= closes) return null;
  return { kind: "draft_before_close", subjectId: draft.bidId, dueSlot: draft.closesAt.toISOString() };
}
