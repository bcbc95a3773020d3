import { formatWeekdayDateTime } from "~/domain/bid-dates";
import { greeting, mailLink, type GroupMailContext, type MailInput } from "~/domain/mail/mail";

// The emails a group gets about its bid. Each carries the private link, because that link is
// the group's only way back in: there is no account to sign in to.

export interface BidMailContext extends GroupMailContext {
  closesAt: Date;
  timeZone: string;
  token: string;
}

function linkBlock(c: BidMailContext) {
  return [
    "Your private link:",
    mailLink(c.baseUrl, `/bid/${c.token}`),
    "",
    "Anyone with this link can see and change your bid, so keep it to your group. If you lose it,",
    `ask for a new one on the round page: ${mailLink(c.baseUrl, `/rounds/${c.roundSlug}`)}`,
  ].join("\n");
}

function signOff() {
  return "\nPitchday, on behalf of the fund's organisers";
}

export function draftStartedMail(c: BidMailContext): MailInput {
  return {
    to: c.to,
    subject: `Your draft bid ${c.reference}: link to come back to it`,
    text: [
      greeting(c.contactName),
      "",
      `You started a bid for ${c.groupName} to "${c.roundTitle}". Your reference is ${c.reference}.`,
      "It is saved as a draft: it has not been submitted yet.",
      "",
      `Use the link below to finish it, check your answers and submit it before ${formatWeekdayDateTime(c.closesAt, c.timeZone)}.`,
      "",
      linkBlock(c),
      signOff(),
    ].join("\n"),
  };
}

export function submittedMail(c: BidMailContext & { amount: string }): MailInput {
  return {
    to: c.to,
    subject: `Bid received: ${c.reference}`,
    text: [
      greeting(c.contactName),
      "",
      `We have received the bid from ${c.groupName} to "${c.roundTitle}", asking for ${c.amount}.`,
      `Your reference is ${c.reference}.`,
      "",
      `You can change your bid until the round closes on ${formatWeekdayDateTime(c.closesAt, c.timeZone)}.`,
      "After that, the organisers draw up a shortlist of groups to pitch; we will email you either way.",
      "",
      linkBlock(c),
      signOff(),
    ].join("\n"),
  };
}

export function newLinkMail(c: BidMailContext): MailInput {
  return {
    to: c.to,
    subject: `A new link to your bid ${c.reference}`,
    text: [
      greeting(c.contactName),
      "",
      `Someone asked for a new link to the bid from ${c.groupName} (${c.reference}) to "${c.roundTitle}".`,
      "Here it is. Any older link to this bid no longer works.",
      "",
      linkBlock(c),
      "",
      "If you did not ask for this, you can ignore this email: your bid has not changed.",
      signOff(),
    ].join("\n"),
  };
}

export function withdrawnMail(c: Omit<BidMailContext, "token" | "closesAt" | "timeZone">): MailInput {
  return {
    to: c.to,
    subject: `Bid withdrawn: ${c.reference}`,
    text: [
      greeting(c.contactName),
      "",
      `The bid from ${c.groupName} (${c.reference}) to "${c.roundTitle}" has been withdrawn, as you asked.`,
      "The organisers will not consider it. If this was a mistake, contact the organisers.",
      "",
      `Other funding rounds: ${mailLink(c.baseUrl, "/rounds")}`,
      signOff(),
    ].join("\n"),
  };
}
