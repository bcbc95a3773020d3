import { Form, useLocation, useNavigation } from "@remix-run/react";
import { TextField } from "~/components/forms";
import { Choices } from "~/components/choices";
import { ROLES, ROLE_LABELS } from "~/domain/permissions";
import { INVITE_DAYS, ROLE_DESCRIPTIONS } from "~/domain/staff";

// Inviting a member of staff by email, with their roles; a refused invite keeps what was typed.

const ROLE_CHOICES = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: ROLE_DESCRIPTIONS[role] }));

interface StaffInviteFormProps {
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
}

export function StaffInviteForm({ errors, values }: StaffInviteFormProps) {
  const navigation = useNavigation();
  const inviting = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  // why the key: after a sent invite (a redirect to a new location) the fields start empty again.
  const location = useLocation();
  return (
    <>
      <h2 id="invite">Invite someone</h2>
      <p>They will get an email with a link to choose their own password. The link works once, for {INVITE_DAYS} days.</p>
      <Form method="post" noValidate key={location.key} aria-labelledby="invite">
        <input type="hidden" name="intent" value="invite" />
        <TextField
          name="email"
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={typeof values.email === "string" ? values.email : ""}
          error={errors.email}
        />
        <TextField
          name="name"
          label="Full name"
          autoComplete="off"
          defaultValue={typeof values.name === "string" ? values.name : ""}
          error={errors.name}
        />
        <Choices
          name="roles"
          type="checkbox"
          legend="Roles"
          hint="Select all that apply."
          choices={ROLE_CHOICES}
          defaultValue={values.roles ?? []}
          error={errors.roles}
        />
        <button type="submit" className="button" disabled={inviting}>
          Send invite
        </button>
      </Form>
    </>
  );
}
