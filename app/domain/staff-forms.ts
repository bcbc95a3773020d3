import * as z from "zod";
import { ROLES, type Role } from "~/domain/permissions";
import { passwordProblem, type PasswordContext } from "~/domain/password-policy";
import { LOGIN_ERROR } from "~/domain/staff";

// The forms about staff accounts and their passwords, one schema each, shared by the routes (no
// JavaScript) and the command line. Messages follow the GOV.UK pattern: say what to do, next to
// the field. Kept apart from staff.ts so pages that only show its words do not ship zod.

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

// Getting back in after a forgotten password (see password-reset.ts for its limits and emails).
export const forgotPasswordSchema = z.object({ email: loginSchema.shape.email });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

/** The new password, checked against the same policy as an invite, with the person's details. */
export function newPasswordSchema(user: { email: string; name: string }) {
  return z
    .object({
      password: z.string({ error: "Enter a new password" }),
      confirmPassword: z.string().optional(),
    })
    .superRefine(newPassword("password", "confirmPassword", () => user));
}
export type NewPasswordInput = z.infer<ReturnType<typeof newPasswordSchema>>;
