import { TextField } from "~/components/forms";
import { MIN_PASSWORD_LENGTH } from "~/domain/password-policy";

// A new password and its repeat, the same on every page that sets one (invite, reset link,
// account); the check they answer to is newPassword in domain/staff-forms.ts.

export function NewPasswordFields({
  name = "password",
  label,
  confirmLabel,
  errors,
}: {
  name?: "password" | "newPassword";
  label: string;
  confirmLabel: string;
  errors: Partial<Record<string, string>>;
}) {
  return (
    <>
      <TextField
        name={name}
        label={label}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Three or four random words work well. Do not use your email address or name.`}
        type="password"
        autoComplete="new-password"
        error={errors[name]}
      />
      <TextField
        name="confirmPassword"
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword}
      />
    </>
  );
}
