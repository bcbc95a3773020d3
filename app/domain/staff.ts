import { ROLES, ROLE_LABELS, type Role } from "~/domain/permissions";

// Staff accounts: their words, limits and history lines. The forms' schemas live in
// staff-forms.ts, so a page showing these words does not ship zod to the browser.

// why: staff accounts belong to no one fund, so their times are shown in UK time.
export const STAFF_TIME_ZONE = "Europe/London";

/** How long an invite link works. */
export const INVITE_DAYS = 7;

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: "Invites people, changes roles and disables accounts; reads the audit log.",
  ORGANISER: "Sets up funds and rounds, shortlists bids and runs the live event.",
  FUNDER: "Decides awards and requests or approves payments.",
  AUDITOR: "Reads the records and exports them; changes nothing.",
};

export const LOGIN_ERROR = "Enter a correct email address and password";

/** "Wait about 12 minutes": plain words, rounded up, never "0 minutes". */
export function tooManyAttemptsMessage(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts with the wrong password. Wait about ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.`;
}

const VIA: Record<string, string> = {
  invite: "by accepting an invite",
  cli: "on the command line",
  admin: "by an administrator",
  seed: "as demo data",
};

function roleList(value: unknown) {
  const roles = Array.isArray(value) ? value.filter((r): r is Role => (ROLES as readonly unknown[]).includes(r)) : [];
  return roles.length ? roles.map((role) => ROLE_LABELS[role]).join(", ") : "no roles";
}

function plural(count: unknown, one: string) {
  const n = typeof count === "number" ? count : 0;
  return `${n} ${one}${n === 1 ? "" : "s"}`;
}

/** One line of an account's history, from its audit entry (which holds no personal data). */
export function describeAccountEvent(action: string, payload: unknown): string {
  const p = (payload ?? {}) as Record<string, unknown>;
  switch (action) {
    case "user.created":
      return `Account created ${VIA[String(p.via)] ?? ""}`.trim();
    case "user.roles_changed":
      return `Roles changed from ${roleList(p.from)} to ${roleList(p.to)}`;
    case "user.disabled":
      return `Account disabled; ${plural(p.sessionsEnded, "session")} ended`;
    case "user.enabled":
      return "Account enabled";
    case "user.signed_out_everywhere":
      return `Signed out everywhere; ${plural(p.sessionsEnded, "session")} ended`;
    case "user.password_changed":
      return "Password changed";
    default:
      return action;
  }
}
