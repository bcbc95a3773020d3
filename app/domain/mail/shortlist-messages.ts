import { greeting, mailLink, type GroupMailContext, type MailInput } from "~/domain/mail/mail";

// The emails a group gets when the organisers decide on its bid. The private link is stored
// only as a hash, so these point the group to the link they already have (or a new one).

export interface ShortlistMailContext extends GroupMailContext {
  reason: string;
}

function statusLink(c: { baseUrl: string; roundSlug: string }) {
  return [
    "You can see where your bid stands with the private link in our earlier emails.",
    `If you have lost it, ask for a new one on the round page: ${mailLink(c.baseUrl, `/rounds/${c.roundSlug}`)}`,
  ].join("\n");
}

const SIGN_OFF = "\nPitchday, on behalf of the fund's organisers";

export function shortlistedMail(c: ShortlistMailContext): MailInput {
  return {
    to: c.to,
    subject: `Shortlisted: ${c.reference}`,
    text: [
      greeting(c.contactName),
      "",
      `Good news: the bid from ${c.groupName} (${c.reference}) to "${c.roundTitle}" has been shortlisted.`,
      "The organisers will be in touch about the pitch event and your time slot.",
      ...(c.reason ? ["", "A note from the organisers:", c.reason] : []),
      "",
      statusLink(c),
      SIGN_OFF,
    ].join("\n"),
  };
}

export function declinedMail(c: ShortlistMailContext): MailInput {
  return {
    to: c.to,
    subject: `Your bid ${c.reference} has not been shortlisted`,
    text: [
      greeting(c.contactName),
      "",
      `Thank you for the bid from ${c.groupName} (${c.reference}) to "${c.roundTitle}".`,
      "We are sorry to tell you that it has not been shortlisted to pitch this time.",
      "",
      "The organisers' reason:",
      c.reason,
      "",
      statusLink(c),
      `Other funding rounds: ${mailLink(c.baseUrl, "/rounds")}`,
      SIGN_OFF,
    ].join("\n"),
  };
}

export function reconsideredMail(c: Omit<ShortlistMailContext, "reason">): MailInput {
  return {
    to: c.to,
    subject: `Your bid ${c.reference} is being looked at again`,
    text: [
      greeting(c.contactName),
      "",
      `The organisers are looking again at the bid from ${c.groupName} (${c.reference}) to "${c.roundTitle}".`,
      "Please disregard our last email about whether it was shortlisted. We will email you again when they decide.",
      "",
      statusLink(c),
      SIGN_OFF,
    ].join("\n"),
  };
}
