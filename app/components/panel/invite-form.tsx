import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { PANELLIST_EMAIL_MAX, PANELLIST_NAME_MAX } from "~/domain/event-forms";

// Invite one panellist: their name, and (optionally) the address we email their link to. After
// an invite the boxes are empty again; after a problem, what was typed stays.

type Values = Record<string, string | string[]>;

export function InviteForm({ errors, values, resetKey, busy }: { errors: Record<string, string>; values: Values | null; resetKey: string; busy: boolean }) {
  const typed = (name: string) => (values && typeof values[name] === "string" ? (values[name] as string) : "");
  return (
    <Form method="post" noValidate preventScrollReset className="invite-form" key={resetKey}>
      <input type="hidden" name="intent" value="invite" />
      <ErrorSummary errors={errors} labels={{ name: "Panellist’s name", email: "Their email address" }} />
      <TextField
        name="name"
        label="Invite a panellist"
        hint="Their name as the chair knows them. They get a private link to score on their phone; no account is needed."
        maxLength={PANELLIST_NAME_MAX}
        autoComplete="off"
        defaultValue={typed("name")}
        error={errors.name}
      />
      <TextField
        name="email"
        type="email"
        label="Their email address"
        optional
        hint="We email them the link. Leave it empty to hand the link over yourself, or print the invite sheet."
        maxLength={PANELLIST_EMAIL_MAX}
        autoComplete="off"
        spellCheck={false}
        defaultValue={typed("email")}
        error={errors.email}
      />
      <button type="submit" className="button" disabled={busy}>
        Invite panellist
      </button>
    </Form>
  );
}
