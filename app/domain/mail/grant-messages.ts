import { groupMailIn, greeting, lostLinkLine, type GroupMailContext, type MailInput, type MailWriter } from "~/domain/mail/mail";
import type { ReminderKind } from "~/domain/reminders";

// The emails of the months after the award: reminders of the end-of-grant report (before, on
// and after its due date), of a draft bid before its round closes, and the funder's answer to
// a report. Private links are stored only as hashes, so these point to the link the group has.

const signOff = (w: MailWriter) => `\n${w.t("email.signOff.fund")}`;
const privateLink = (w: MailWriter, key: string) => [w.t(key), lostLinkLine(w)];

type ReportReminderKind = Exclude<ReminderKind, "draft_before_close">;

/** `due`: the report's due day (a calendar day, kept as UTC midnight). */
export function reportReminderMail(c: GroupMailContext & { kind: ReportReminderKind; due: Date }): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t(c.kind === "report_after" ? "email.grant.reminder.subjectOverdue" : "email.grant.reminder.subjectDue"),
    lines: [
      greeting(w, c.contactName),
      "",
      `${w.t(`email.grant.reminder.${c.kind}`, { due: w.day(c.due, "UTC") })} ${w.t("email.grant.reminder.what")}`,
      w.t("email.grant.reminder.draft"),
      "",
      ...privateLink(w, "email.grant.writeLink"),
      signOff(w),
    ],
  }));
}

export function draftReminderMail(c: GroupMailContext & { closesAt: Date; timeZone: string }): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.grant.draft.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.grant.draft.stillDraft", { closes: w.when(c.closesAt, c.timeZone) }),
      "",
      w.t("email.grant.draft.finish"),
      lostLinkLine(w),
      signOff(w),
    ],
  }));
}

export function reportReviewedMail(c: GroupMailContext & { accepted: boolean; message: string }): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t(c.accepted ? "email.grant.reviewed.subjectAccepted" : "email.grant.reviewed.subjectMore"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t(c.accepted ? "email.grant.reviewed.accepted" : "email.grant.reviewed.more"),
      ...(c.message ? ["", w.t("email.grant.reviewed.messageHeading"), c.message] : []),
      ...(c.accepted ? [] : ["", ...privateLink(w, "email.grant.addLink")]),
      signOff(w),
    ],
  }));
}
