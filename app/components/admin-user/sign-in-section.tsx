import { Form } from "@remix-run/react";
import { RESET_HOURS } from "~/domain/password-reset";

// Where a staff account is signed in, and a way back in for someone who forgot their password.

interface SignInProps {
  name: string;
  activeSessions: number;
  disabled: boolean;
  error?: string;
  busy(intent: string): boolean;
}

export function SignInSection({ name, activeSessions, disabled, error, busy }: SignInProps) {
  return (
    <>
      <h2>Sessions</h2>
      <p>
        {activeSessions === 0
          ? "They are not signed in anywhere."
          : `They are signed in on ${activeSessions === 1 ? "1 device" : `${activeSessions} devices`}.`}
      </p>
      {activeSessions > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="button button--secondary" disabled={busy("sign-out-everywhere")}>
            Sign out everywhere <span className="visually-hidden">for {name}</span>
          </button>
        </Form>
      ) : null}

      <h2>Password</h2>
      {error ? (
        <p className="error-message" id="field-password">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {disabled ? (
        <p>Enable the account before sending them a link to choose a new password.</p>
      ) : (
        <>
          <p>
            If they have forgotten their password, send them an email with a link to choose a new one. The link works once, for{" "}
            {RESET_HOURS} hours. Using it signs them out everywhere.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="send-password-reset" />
            <button type="submit" className="button button--secondary" disabled={busy("send-password-reset")}>
              Send a password reset link <span className="visually-hidden">to {name}</span>
            </button>
          </Form>
        </>
      )}
    </>
  );
}
