// Getting back in after a forgotten password (its forms are in staff-forms.ts, its emails in
// mail/password-reset-mail.ts): the limits and the words for the account history. A link works
// once, for RESET_HOURS; the newest link replaces older ones.

export const RESET_HOURS = 24;

// why: enough for a person who mistyped or lost an email, too few to flood someone's inbox;
// the address limit stops one machine working through a list of email addresses.
export const RESET_LIMITS = {
  email: { max: 3, windowSeconds: 3_600 },
  address: { max: 10, windowSeconds: 3_600 },
} as const;

/** The states of a reset link, as the person holding it should hear about them. */
export type ResetLinkStatus = "valid" | "unknown" | "expired" | "used" | "withdrawn" | "disabled";

function minutes(seconds: number) {
  const n = Math.max(1, Math.ceil(seconds / 60));
  return `${n} minute${n === 1 ? "" : "s"}`;
}

export function tooManyResetRequestsMessage(retryAfterSeconds: number) {
  return `Too many links have been asked for. Wait about ${minutes(retryAfterSeconds)}, then try again. If an email has arrived, use the link in the newest one.`;
}

/** One line of an account's history for the reset actions, or null for any other action. */
export function describePasswordResetEvent(action: string, payload: unknown): string | null {
  const p = (payload ?? {}) as Record<string, unknown>;
  switch (action) {
    case "user.password_reset_requested":
      return p.by === "admin" ? "Password reset link sent" : "Password reset link asked for on the sign-in page";
    case "user.password_reset": {
      const n = typeof p.sessionsEnded === "number" ? p.sessionsEnded : 0;
      return `Password reset with an emailed link; ${n} session${n === 1 ? "" : "s"} ended`;
    }
    default:
      return null;
  }
}
