import type { MaskedPayee } from "~/domain/bank/payee-details";
import { greeting, mailLink, type GroupMailContext, type MailInput } from "~/domain/mail/mail";

// The email to the address that made the bid whenever bank details are given or changed. A
// changed bank account is the commonest grant fraud ("mandate fraud"): if the group did not
// make the change, this is how it finds out before the money goes.

export function payeeDetailsMail(c: GroupMailContext & { payee: MaskedPayee; changed: boolean; approvalWithdrawn: boolean }): MailInput {
  const where = c.payee.kind === "CHEQUE" ? `a cheque made out to ${c.payee.name}` : `the account ${c.payee.name}, sort code ${c.payee.account}`;
  return {
    to: c.to,
    subject: c.changed ? `Bank details changed for ${c.reference}` : `Bank details received for ${c.reference}`,
    text: [
      greeting(c.contactName),
      "",
      c.changed
        ? `The payment details for ${c.groupName}'s award (${c.reference}) were just changed. The award will now be paid to ${where}.`
        : `We have the payment details for ${c.groupName}'s award (${c.reference}). The award will be paid to ${where}.`,
      ...(c.approvalWithdrawn ? ["", "The funder had already approved the payment, so it must be approved again before it is made."] : []),
      "",
      "If nobody in your group made this change, tell the funder at once and do not reply to any message asking for bank details.",
      `Check the details with the private link we sent you when you applied (your reference is ${c.reference}). If you have lost it, ask for a new one on the round page: ${mailLink(c.baseUrl, `/rounds/${c.roundSlug}`)}`,
      "",
      "Pitchday, on behalf of the fund",
    ].join("\n"),
  };
}
