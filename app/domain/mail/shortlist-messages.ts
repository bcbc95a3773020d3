import { groupMailIn, greeting, lostLinkLine, type GroupMailContext, type MailInput, type MailWriter } from "~/domain/mail/mail";

// The emails a group gets when the organisers decide on its bid. The private link is stored
// only as a hash, so these point the group to the link they already have (or a new one).

export interface ShortlistMailContext extends GroupMailContext {
  reason: string;
}

const statusLink = (w: MailWriter) => [w.t("email.shortlist.statusLink"), lostLinkLine(w)];
const signOff = (w: MailWriter) => `\n${w.t("email.signOff.organisers")}`;

export function shortlistedMail(c: ShortlistMailContext): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.shortlist.shortlisted.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.shortlist.shortlisted.news"),
      w.t("email.shortlist.shortlisted.inTouch"),
      ...(c.reason ? ["", w.t("email.shortlist.noteHeading"), c.reason] : []),
      "",
      ...statusLink(w),
      signOff(w),
    ],
  }));
}

export function declinedMail(c: ShortlistMailContext): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.shortlist.declined.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.shortlist.declined.thanks"),
      w.t("email.shortlist.declined.sorry"),
      "",
      w.t("email.shortlist.reasonHeading"),
      c.reason,
      "",
      ...statusLink(w),
      w.t("email.otherRounds"),
      signOff(w),
    ],
  }));
}

export function reconsideredMail(c: GroupMailContext): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.shortlist.reconsidered.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.shortlist.reconsidered.again"),
      w.t("email.shortlist.reconsidered.disregard"),
      "",
      ...statusLink(w),
      signOff(w),
    ],
  }));
}
