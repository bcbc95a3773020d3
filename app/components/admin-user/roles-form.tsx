import { Form } from "@remix-run/react";
import { Choices } from "~/components/choices";
import { ROLES, ROLE_LABELS } from "~/domain/permissions";
import { ROLE_DESCRIPTIONS } from "~/domain/staff";

// Which roles a staff account has: one tick box each, with what the role may do.

const ROLE_CHOICES = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: ROLE_DESCRIPTIONS[role] }));

export function RolesForm({ name, roles, error, busy }: { name: string; roles: string[]; error?: string; busy: boolean }) {
  return (
    <>
      <h2>Roles</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="roles" />
        <Choices
          name="roles"
          type="checkbox"
          legend={<span className="visually-hidden">Roles for {name}</span>}
          hint="Select all that apply. Changes apply from their next click; they stay signed in."
          choices={ROLE_CHOICES}
          defaultValue={roles}
          error={error}
        />
        <button type="submit" className="button" disabled={busy}>
          Save roles
        </button>
      </Form>
    </>
  );
}
