import { groupMailIn, greeting, lostLinkLine, type GroupMailContext, type MailInput, type MailWriter } from "~/domain/mail/mail";

export type { GroupMailContext };

// The emails a group gets after the pitch: the decision, the award offer with its conditions,
// a cancelled award, and the payment. The private link is stored only as a hash, so these send
// the group to the link they already have and give the reference; the round page issues a
// new link to the contact address if they have lost it.

const signOff = (w: MailWriter) => `\n${w.t("email.signOff.fund")}`;
/** `key` names what the link is for: "To see the decision, use the private link...". */
const privateLink = (w: MailWriter, key: string) => [w.t(key), lostLinkLine(w)];
const feedbackBlock = (w: MailWriter, feedback: string) => (feedback ? ["", w.t("email.award.feedbackHeading"), feedback] : []);

export function fundedMail(c: GroupMailContext & { amount: string; requested: string | null; partFunded: boolean; feedback: string }): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.award.funded.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.award.funded.congratulations", {
        award: c.partFunded && c.requested ? w.t("email.award.funded.partOf", { amount: c.amount, requested: c.requested }) : c.amount,
      }),
      "",
      w.t("email.award.funded.next"),
      ...feedbackBlock(w, c.feedback),
      "",
      ...privateLink(w, "email.award.seeDecision"),
      signOff(w),
    ],
  }));
}

export function notFundedMail(c: GroupMailContext & { feedback: string }): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.award.notFunded.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.award.notFunded.thanks"),
      w.t("email.award.notFunded.sorry"),
      ...feedbackBlock(w, c.feedback),
      "",
      ...privateLink(w, "email.award.seeDecision"),
      w.t("email.otherRounds"),
      signOff(w),
    ],
  }));
}

export function awardOfferedMail(c: GroupMailContext & { amount: string; conditions: string; stripe: boolean }): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.award.offered.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.award.offered.offer", { amount: c.amount }),
      "",
      c.conditions,
      "",
      w.t("email.award.offered.sign"),
      ...privateLink(w, "email.award.offered.acceptLink"),
      ...(c.stripe ? ["", w.t("email.award.offered.stripe")] : []),
      signOff(w),
    ],
  }));
}

export function awardCancelledMail(c: GroupMailContext & { amount: string; reason: string }): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.award.cancelled.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.award.cancelled.cancelled", { amount: c.amount }),
      "",
      w.t("email.award.cancelled.reasonHeading"),
      c.reason,
      "",
      w.t("email.award.cancelled.mistake"),
      signOff(w),
    ],
  }));
}

/** How a payment went: through Stripe, or by cheque or bank transfer with its number. */
export type PaymentHow = { method: "stripe" } | { method: "cheque" | "transfer"; number: string };

export function paymentSentMail(c: GroupMailContext & { amount: string; how: PaymentHow }): MailInput {
  return groupMailIn(c, (w) => ({
    subject: w.t("email.award.paid.subject"),
    lines: [
      greeting(w, c.contactName),
      "",
      w.t("email.award.paid.paid", { amount: c.amount, how: w.t(`email.award.paid.how.${c.how.method}`, { number: "number" in c.how ? c.how.number : "" }) }),
      "",
      ...privateLink(w, "email.award.paid.seeLink"),
      signOff(w),
    ],
  }));
}
