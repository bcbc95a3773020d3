import { greeting, mailLink, type GroupMailContext, type MailInput } from "~/domain/mail/mail";
import type { ReminderKind } from "~/domain/reminders";

// The emails of the months after the award: reminders of the end-of-grant report (before, on
// and after its due date), of a draft bid before its round closes, and the funder's answer to
// a report. Private links are stored only as hashes, so these point to the link the group has.

const SIGN_OFF = "\nPitchday, on behalf of the fund";

function privateLink(c: GroupMailContext, what: string) {
  return [
    `${what}, use the private link we sent you when you applied (your reference is ${c.reference}), and choose "End-of-grant report".`,
    `If you have lost it, ask for a new one on the round page: ${mailLink(c.baseUrl, `/rounds/${c.roundSlug}`)}`,
  ].join("\n");
}

const REPORT_OPENING: Record<Exclude<ReminderKind, "draft_before_close">, (due: string) => string> = {
  report_before: (due) => `Your end-of-grant report is due on ${due}.`,
  report_due: (due) => `Your end-of-grant report is due today, ${due}.`,
  report_after: (due) => `Your end-of-grant report was due on ${due}, and we have not received it yet.`,
};

export function reportReminderMail(c: GroupMailContext & { kind: Exclude<ReminderKind, "draft_before_close">; due: string }): MailInput {
  return {
    to: c.to,
    subject: c.kind === "report_after" ? `End-of-grant report overdue for ${c.reference}` : `End-of-grant report due for ${c.reference}`,
    text: [
      greeting(c.contactName),
      "",
      `${REPORT_OPENING[c.kind](c.due)} It tells the funder what ${c.groupName} did with the grant from "${c.roundTitle}": what was done, how many people took part and how the money was spent against your budget.`,
      "You can save it as a draft and come back to it. If any money was not spent, the report says how much.",
      "",
      privateLink(c, "To write it"),
      SIGN_OFF,
    ].join("\n"),
  };
}

export function draftReminderMail(c: GroupMailContext & { closes: string }): MailInput {
  return {
    to: c.to,
    subject: `Your bid ${c.reference} has not been sent yet`,
    text: [
      greeting(c.contactName),
      "",
      `Your bid for ${c.groupName} to "${c.roundTitle}" is still a draft. The round closes on ${c.closes}; drafts are not considered.`,
      "",
      `To finish and send it, use the private link we sent you when you started (your reference is ${c.reference}).`,
      `If you have lost it, ask for a new one on the round page: ${mailLink(c.baseUrl, `/rounds/${c.roundSlug}`)}`,
      SIGN_OFF,
    ].join("\n"),
  };
}

export function reportReviewedMail(c: GroupMailContext & { accepted: boolean; message: string }): MailInput {
  return {
    to: c.to,
    subject: c.accepted ? `End-of-grant report accepted for ${c.reference}` : `The funder asks for more in the report for ${c.reference}`,
    text: [
      greeting(c.contactName),
      "",
      c.accepted
        ? `Thank you: the funder has accepted the end-of-grant report for ${c.groupName}. The grant is now closed.`
        : `The funder has read the end-of-grant report for ${c.groupName} and asks for more before accepting it.`,
      ...(c.message ? ["", "The funder's message:", c.message] : []),
      ...(c.accepted ? [] : ["", privateLink(c, "To add to the report")]),
      SIGN_OFF,
    ].join("\n"),
  };
}
