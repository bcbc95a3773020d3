import { STAFF_TIME_ZONE } from "~/domain/staff";
import { formatDateTime } from "~/domain/zoned-time";

// The emails about a forgotten password. Apart from password-reset.ts because the sign-in pages'
// browser code reads its limits, and the time zones these emails need would go with them.

export function resetLinkMail(p: { name: string; link: string; expiresAt: Date; sentBy: string | null }) {
  const expires = formatDateTime(p.expiresAt, STAFF_TIME_ZONE);
  return {
    subject: "Choose a new Pitchday password",
    text: [
      `Hello ${p.name},`,
      "",
      p.sentBy
        ? `${p.sentBy} has sent you a link to choose a new password for your Pitchday account.`
        : "Someone asked for a link to choose a new password for the Pitchday account with this email address.",
      "",
      "To choose a new password, open this link:",
      p.link,
      "",
      `The link works once, until ${expires} (UK time). Using it signs your account out on every other device.`,
      "If you did not expect this email, you can ignore it: your password stays as it is unless the link is used.",
    ].join("\n"),
  };
}

export function passwordResetDoneMail(p: { name: string; at: Date }) {
  return {
    subject: "Your Pitchday password has been changed",
    text: [
      `Hello ${p.name},`,
      "",
      `The password for your Pitchday account was changed with a reset link on ${formatDateTime(p.at, STAFF_TIME_ZONE)} (UK time).`,
      "Every other device signed in to your account has been signed out.",
      "",
      "If this was not you, tell your Pitchday administrator straight away: they can disable the account and send you a new link.",
    ].join("\n"),
  };
}
