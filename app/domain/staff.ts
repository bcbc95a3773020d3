import * as z from "zod";
import { ROLES, ROLE_LABELS, type Role } from "~/domain/permissions";
import { passwordProblem, type PasswordContext } from "~/domain/password-policy";

// The forms about staff accounts, one schema each, shared by the route (no JavaScript) and
// the command line. Messages follow the GOV.UK pattern: say what to do, next to the field.

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

const email = (empty: string) =>
  z
    .string({ error: empty })
    .trim()
    .toLowerCase()
    .min(1, empty)
    .max(254, "Email address must be 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.org"));

const name = (empty: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, empty)
    .max(100, "Name must be 100 characters or fewer");

/** Checkboxes send nothing, one value or several; all three arrive here as a list of roles. */
const roles = z
  .preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.string()),
  )
  .refine((list) => list.length > 0, "Select at least one role")
  .refine((list) => list.every((role) => (ROLES as readonly string[]).includes(role)), "Select roles from the list")
  .transform((list) => ROLES.filter((role) => list.includes(role)) as Role[]);

export const loginSchema = z.object({
  email: email("Enter your email address"),
  // why: a password is never trimmed or otherwise changed; the cap stops huge bodies reaching argon2.
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(1_000, LOGIN_ERROR),
  redirectTo: z.string().optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const inviteSchema = z.object({
  email: email("Enter their email address"),
  name: name("Enter their full name"),
  roles,
});
export type InviteInput = z.infer<typeof inviteSchema>;

export const roleChangeSchema = z.object({ roles });
export type RoleChangeInput = z.infer<typeof roleChangeSchema>;

function newPassword(field: string, confirmField: string, context: (data: Record<string, unknown>) => PasswordContext) {
  return (data: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const password = String(data[field] ?? "");
    const problem = passwordProblem(password, context(data));
    if (problem) ctx.addIssue({ code: "custom", path: [field], message: problem });
    else if (data[confirmField] !== password) {
      ctx.addIssue({ code: "custom", path: [confirmField], message: "Enter the same password in both fields" });
    }
  };
}

// why: length and guessability are checked by the password policy, with the person's details.
const passwordField = (empty: string) => z.string({ error: empty });

/** Accepting an invite: the person confirms their name and chooses a password. */
export function acceptInviteSchema(invite: { email: string }) {
  return z
    .object({
      name: name("Enter your name"),
      password: passwordField("Enter a password"),
      confirmPassword: z.string().optional(),
    })
    .superRefine(newPassword("password", "confirmPassword", (data) => ({ email: invite.email, name: String(data.name ?? "") })));
}
export type AcceptInviteInput = z.infer<ReturnType<typeof acceptInviteSchema>>;

export function passwordChangeSchema(user: { email: string; name: string }) {
  return z
    .object({
      currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1_000),
      newPassword: passwordField("Enter a new password"),
      confirmPassword: z.string().optional(),
    })
    .superRefine((data, ctx) => {
      if (data.newPassword && data.newPassword === data.currentPassword) {
        ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Your new password must be different from your current one" });
      } else {
        newPassword("newPassword", "confirmPassword", () => user)(data, ctx);
      }
    });
}
export type PasswordChangeInput = z.infer<ReturnType<typeof passwordChangeSchema>>;

/** The command line's `user:create`: the same rules as an invite, plus a password. */
export function newUserSchema() {
  return z
    .object({
      email: email("Give an email address with --email"),
      name: name("Give a name with --name"),
      roles,
      password: z.string({ error: "Give a password" }),
    })
    .superRefine((data, ctx) => {
      const problem = passwordProblem(data.password, { email: data.email, name: data.name });
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    });
}
export type NewUserInput = z.infer<ReturnType<typeof newUserSchema>>;

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
