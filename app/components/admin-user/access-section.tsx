import { Form } from "@remix-run/react";

// Disabling or enabling a staff account: disabling signs them out everywhere and stops sign-in,
// and changes nothing they did.

interface AccessSectionProps {
  disabled: boolean;
  error?: string;
  busy: (intent: string) => boolean;
}

export function AccessSection({ disabled, error, busy }: AccessSectionProps) {
  return (
    <>
      <h2>Access</h2>
      {error ? (
        <p className="error-message" id="field-access">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {disabled ? (
        <>
          <p>They cannot sign in. Enabling the account lets them sign in again with their existing password.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="enable" />
            <button type="submit" className="button" disabled={busy("enable")}>
              Enable account
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>
            Disabling the account signs them out everywhere at once and stops them signing in. Nothing they did is changed or
            deleted, and you can enable the account again later.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="disable" />
            <button type="submit" className="button button--warning" disabled={busy("disable")}>
              Disable account
            </button>
          </Form>
        </>
      )}
    </>
  );
}
