import type { MaskedPayee } from "~/domain/bank/payee-details";
import { groupMailIn, greeting, type GroupMailContext, type MailInput } from "~/domain/mail/mail";

// The email to the address that made the bid whenever bank details are given or changed. A
// changed bank account is the commonest grant fraud ("mandate fraud"): if the group did not
// make the change, this is how it finds out before the money goes.

export function payeeDetailsMail(c: GroupMailContext & { payee: MaskedPayee; changed: boolean; approvalWithdrawn: boolean }): MailInput {
  const payee = { kind: c.payee.kind, payee: c.payee.name, sortCode: c.payee.sortCode ?? "", ending: c.payee.accountEnding ?? "" };
  return groupMailIn(c, (w) => ({
    subject: w.t(c.changed ? "email.payee.subjectChanged" : "email.payee.subjectReceived"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t(c.changed ? "email.payee.changed" : "email.payee.received", payee),
      ...(c.approvalWithdrawn ? ["", w.t("email.payee.approvalWithdrawn")] : []),
      "",
      w.t("email.payee.notYou"),
      w.t("email.payee.check"),
      "",
      w.t("email.signOff.fund"),
    ],
  }));
}
