import { greeting, mailLink, type GroupMailContext, type MailInput } from "~/domain/mail/mail";

export type { GroupMailContext };

// The emails a group gets after the pitch: the decision, the award offer with its conditions,
// a cancelled award, and the payment. The private link is stored only as a hash, so these send
// the group to the link they already have and give the reference; the round page issues a
// new link to the contact address if they have lost it.

function privateLink(c: GroupMailContext, what: string) {
  return [
    `${what}, use the private link we sent you when you applied (your reference is ${c.reference}).`,
    `If you have lost it, ask for a new one on the round page: ${mailLink(c.baseUrl, `/rounds/${c.roundSlug}`)}`,
  ].join("\n");
}

const SIGN_OFF = "\nPitchday, on behalf of the fund";

function feedbackBlock(feedback: string) {
  return feedback ? ["", "Feedback from the funder:", feedback] : [];
}

export function fundedMail(c: GroupMailContext & { amount: string; requested: string | null; partFunded: boolean; feedback: string }): MailInput {
  const award = c.partFunded && c.requested ? `${c.amount} of the ${c.requested} you asked for` : c.amount;
  return {
    to: c.to,
    subject: `Funding decision for ${c.reference}: funded`,
    text: [
      greeting(c.contactName),
      "",
      `Congratulations: the funder has decided to award ${award} to ${c.groupName} (${c.reference}) from "${c.roundTitle}".`,
      "",
      "Next, we will send you the award offer with its conditions. Once the group has accepted them, the funder arranges the payment.",
      ...feedbackBlock(c.feedback),
      "",
      privateLink(c, "To see the decision"),
      SIGN_OFF,
    ].join("\n"),
  };
}

export function notFundedMail(c: GroupMailContext & { feedback: string }): MailInput {
  return {
    to: c.to,
    subject: `Funding decision for ${c.reference}: not funded`,
    text: [
      greeting(c.contactName),
      "",
      `Thank you for pitching for ${c.groupName} (${c.reference}) at "${c.roundTitle}".`,
      "We are sorry to tell you that the funder has decided not to fund this bid.",
      ...feedbackBlock(c.feedback),
      "",
      privateLink(c, "To see the decision"),
      `Other funding rounds: ${mailLink(c.baseUrl, "/rounds")}`,
      SIGN_OFF,
    ].join("\n"),
  };
}

export function awardOfferedMail(c: GroupMailContext & { amount: string; conditions: string; stripe: boolean }): MailInput {
  return {
    to: c.to,
    subject: `Your award offer for ${c.reference}: please accept the conditions`,
    text: [
      greeting(c.contactName),
      "",
      `The funder offers ${c.groupName} an award of ${c.amount} for ${c.reference}, on these conditions:`,
      "",
      c.conditions,
      "",
      "Someone who can sign for the group needs to accept the conditions before the money is paid.",
      privateLink(c, "To read and accept them"),
      ...(c.stripe
        ? ["", "The same page lets you set up the account the money is paid into (through Stripe)."]
        : []),
      SIGN_OFF,
    ].join("\n"),
  };
}

export function awardCancelledMail(c: GroupMailContext & { amount: string; reason: string }): MailInput {
  return {
    to: c.to,
    subject: `Your award for ${c.reference} has been cancelled`,
    text: [
      greeting(c.contactName),
      "",
      `The funder has cancelled the award of ${c.amount} to ${c.groupName} (${c.reference}).`,
      "",
      "The funder's reason:",
      c.reason,
      "",
      "If you think this is a mistake, reply to the organisers who invited you to pitch.",
      SIGN_OFF,
    ].join("\n"),
  };
}

export function paymentSentMail(c: GroupMailContext & { amount: string; how: string }): MailInput {
  return {
    to: c.to,
    subject: `Payment sent for ${c.reference}`,
    text: [
      greeting(c.contactName),
      "",
      `The funder has paid ${c.amount} to ${c.groupName} for ${c.reference}: ${c.how}.`,
      "",
      privateLink(c, "To see the payment"),
      SIGN_OFF,
    ].join("\n"),
  };
}
