import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, TextField } from "~/components/forms";
import { RESET_HOURS, tooManyResetRequestsMessage } from "~/domain/password-reset";
import { forgotPasswordSchema } from "~/domain/staff-forms";
import { requestPasswordReset } from "~/models/password-reset.server";
import { parseForm } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";

// "Forgotten your password?": the answer never says whether an account exists.

export const meta: MetaFunction = () => [{ title: "Forgotten your password? – Pitchday" }];

// why: writing a link and its email takes longer than finding no account; answering no sooner
// than this keeps the difference from telling anyone which addresses have accounts.
const MIN_ANSWER_MS = 600;

type ActionData = { status: "sent"; email: string } | { status: "invalid"; errors: Record<string, string>; email: string };

export async function action({ request }: ActionFunctionArgs) {
  const started = Date.now();
  const submission = parseForm(forgotPasswordSchema, await readForm(request));
  const typed = typeof submission.values.email === "string" ? submission.values.email : "";
  if (!submission.ok) return data<ActionData>({ status: "invalid", errors: submission.errors, email: typed }, { status: 400 });

  const result = await requestPasswordReset({ email: submission.data.email, address: clientAddress(request) });
  if (!result.ok) {
    return data<ActionData>(
      { status: "invalid", errors: { email: tooManyResetRequestsMessage(result.retryAfterSeconds) }, email: typed },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  const wait = started + MIN_ANSWER_MS - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return data<ActionData>({ status: "sent", email: submission.data.email });
}

export default function ForgotPassword() {
  const result = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  if (result?.status === "sent") return <Sent email={result.email} />;

  const errors = result?.status === "invalid" ? result.errors : {};
  return (
    <>
      <h1>Forgotten your password?</h1>
      <p>Enter the email address of your Pitchday staff account. We will email you a link to choose a new password.</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <TextField
          name="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          defaultValue={result?.email ?? ""}
          error={errors.email}
        />
        <button type="submit" className="button" disabled={busy}>
          Send me a link
        </button>
      </Form>
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </>
  );
}

function Sent({ email }: { email: string }) {
  return (
    <>
      <h1>Check your email</h1>
      <div className="notice notice--success" role="status">
        <p>
          If an account exists for <strong>{email}</strong>, we have sent a link to that address.
        </p>
      </div>
      <p>Open the link in the email to choose a new password. It works once, for {RESET_HOURS} hours.</p>
      <h2>If no email arrives</h2>
      <ul>
        <li>wait a few minutes, and look in your spam or junk folder</li>
        <li>
          check the address above; if it is not right, <Link to="/password/forgot">ask again with the right address</Link>
        </li>
        <li>no link is sent to an account that has been disabled: ask your Pitchday administrator for help</li>
      </ul>
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
