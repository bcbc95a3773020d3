import { groupMailIn, greeting, mailLink, type GroupMailContext, type MailInput, type MailWriter } from "~/domain/mail/mail";

// The emails a group gets about its bid. Each carries the private link, because that link is
// the group's only way back in: there is no account to sign in to.

export interface BidMailContext extends GroupMailContext {
  closesAt: Date;
  timeZone: string;
  token: string;
}

function linkBlock(w: MailWriter, c: BidMailContext) {
  return [w.t("email.bid.linkHeading"), mailLink(c.baseUrl, `/bid/${c.token}`), "", w.t("email.bid.linkWarning")];
}

const signOff = (w: MailWriter) => `\n${w.t("email.signOff.organisers")}`;

export function draftStartedMail(c: BidMailContext): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.bid.draftStarted.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.bid.draftStarted.started"),
      w.t("email.bid.draftStarted.saved"),
      "",
      w.t("email.bid.draftStarted.finish", { closes: w.when(c.closesAt, c.timeZone) }),
      "",
      ...linkBlock(w, c),
      signOff(w),
    ],
  }));
}

export function submittedMail(c: BidMailContext & { amount: string }): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.bid.submitted.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.bid.submitted.received", { amount: c.amount }),
      w.t("email.bid.reference"),
      "",
      w.t("email.bid.submitted.change", { closes: w.when(c.closesAt, c.timeZone) }),
      w.t("email.bid.submitted.next"),
      "",
      ...linkBlock(w, c),
      signOff(w),
    ],
  }));
}

export function newLinkMail(c: BidMailContext): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.bid.newLink.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.bid.newLink.asked"),
      w.t("email.bid.newLink.here"),
      "",
      ...linkBlock(w, c),
      "",
      w.t("email.bid.newLink.ignore"),
      signOff(w),
    ],
  }));
}

export function withdrawnMail(c: GroupMailContext): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.bid.withdrawn.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.bid.withdrawn.done"),
      w.t("email.bid.withdrawn.notConsidered"),
      "",
      w.t("email.otherRounds"),
      signOff(w),
    ],
  }));
}
