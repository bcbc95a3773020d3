import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { NewPasswordFields } from "~/components/new-password-fields";
import { RESET_HOURS, type ResetLinkStatus } from "~/domain/password-reset";
import { newPasswordSchema } from "~/domain/staff-forms";
import { findPasswordReset, resetPassword } from "~/models/password-reset.server";
import { signIn } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";
import { staffDateTime } from "~/utils/staff-time.server";

// The page behind an emailed reset link: choose a new password, which signs the account out
// everywhere and this device in.

export const meta: MetaFunction = () => [
  { title: "Choose a new password – Pitchday" },
  // why: the address is a secret; keep it out of search engines.
  { name: "robots", content: "noindex, nofollow" },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

type ClosedStatus = Exclude<ResetLinkStatus, "valid">;

// why: 404 for a link we never issued, 410 for one that worked once and no longer does.
const STATUS_CODES: Record<ClosedStatus, number> = { unknown: 404, expired: 410, used: 410, withdrawn: 410, disabled: 403 };

type LoaderData = { status: ClosedStatus } | { status: "valid"; email: string; expires: string };

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findPasswordReset(params.token ?? "");
  if (found.status !== "valid") return data<LoaderData>({ status: found.status }, { status: STATUS_CODES[found.status] });
  return data<LoaderData>({
    status: "valid",
    email: found.reset.user.email,
    expires: staffDateTime(found.reset.expiresAt),
  });
}

type ActionData = { status: "invalid"; errors: Record<string, string> } | { status: ClosedStatus };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const found = await findPasswordReset(token);
  if (found.status !== "valid") return data<ActionData>({ status: found.status }, { status: STATUS_CODES[found.status] });
  const submission = parseForm(newPasswordSchema(found.reset.user), await readForm(request));
  if (!submission.ok) return data<ActionData>({ status: "invalid", errors: submission.errors }, { status: 400 });
  const done = await resetPassword(token, submission.data);
  if (!done.ok) return data<ActionData>({ status: done.status }, { status: STATUS_CODES[done.status] });
  return signIn(request, done.user.id, "/account?notice=password-changed");
}

export default function ResetPassword() {
  const loaded = useLoaderData<LoaderData>();
  const result = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  if (result && result.status !== "invalid") return <ClosedLink status={result.status} />;
  if (loaded.status !== "valid") return <ClosedLink status={loaded.status} />;

  const errors = result?.status === "invalid" ? result.errors : {};
  return (
    <>
      <h1>Choose a new password</h1>
      <p>
        For your Pitchday account <strong>{loaded.email}</strong>.
      </p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        {/* why: lets a password manager save the new password against the right account. */}
        <input type="email" name="username" autoComplete="username" value={loaded.email} readOnly hidden />
        <NewPasswordFields label="New password" confirmLabel="Type the new password again" errors={errors} />
        <button type="submit" className="button" disabled={busy}>
          Save password and sign in
        </button>
      </Form>
      <p className="hint">
        This link works once, until {loaded.expires} (UK time). Saving a new password signs your account out on every other
        device.
      </p>
    </>
  );
}

const askAgain = <Link to="/password/forgot">ask for a new link</Link>;

const CLOSED: Record<ClosedStatus, { title: string; body: React.ReactNode }> = {
  unknown: {
    title: "This link does not work",
    body: (
      <>
        <p>Check that you used the whole link from the email: some email programs split long links.</p>
        <p>If it still does not work, {askAgain}.</p>
      </>
    ),
  },
  expired: {
    title: "This link has expired",
    body: (
      <p>
        Links to choose a new password work for {RESET_HOURS} hours. You can {askAgain}.
      </p>
    ),
  },
  used: {
    title: "This link has already been used",
    body: (
      <>
        <p>
          A new password was saved with it. <Link to="/login">Sign in</Link> with that password.
        </p>
        <p>If you have forgotten it, {askAgain}.</p>
      </>
    ),
  },
  withdrawn: {
    title: "This link has been replaced",
    body: (
      <>
        <p>A newer link was sent after this one, or the password was changed with another link.</p>
        <p>Use the link in the newest email, <Link to="/login">sign in</Link>, or {askAgain}.</p>
      </>
    ),
  },
  disabled: {
    title: "This account is disabled",
    body: <p>Its password cannot be changed while it is disabled. Ask your Pitchday administrator for help.</p>,
  },
};

function ClosedLink({ status }: { status: ClosedStatus }) {
  return (
    <>
      <h1>{CLOSED[status].title}</h1>
      {CLOSED[status].body}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
