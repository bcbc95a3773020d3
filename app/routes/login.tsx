import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { ErrorSummary, TextField, fieldId } from "~/components/forms";
import { retryMessage } from "~/domain/sign-in-throttle";
import { LOGIN_ERROR } from "~/domain/staff";
import { loginSchema } from "~/domain/staff-forms";
import { authenticate } from "~/models/user.server";
import { getUser, readDeviceToken, safeRedirect, signIn } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Sign in – Pitchday" }];

// Messages other pages send people here with (no flash cookie needed; fixed texts only).
const NOTICES: Record<string, string> = {
  "signed-out-everywhere": "You have been signed out on every device. Sign in again to carry on.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = url.searchParams.get("redirectTo") ?? "";
  if (await getUser(request)) throw redirect(safeRedirect(redirectTo));
  // why: the projector is often set up by someone who expects it to be public, like /vote.
  const purpose = redirectTo.startsWith("/screen/") ? "The big screen needs a staff sign-in: sign in as the chair or organiser." : null;
  return { redirectTo, notice: NOTICES[url.searchParams.get("notice") ?? ""] ?? null, purpose };
}

type ActionData = { errors: Record<string, string>; email: string };

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(loginSchema, await readForm(request));
  const typed = submission.values.email;
  const email = typeof typed === "string" ? typed : "";
  if (!submission.ok) return data<ActionData>({ errors: submission.errors, email }, { status: 400 });

  const { password, redirectTo } = submission.data;
  const deviceToken = await readDeviceToken(request);
  const result = await authenticate({ email: submission.data.email, password, address: clientAddress(request), deviceToken });
  if (result.ok) return signIn(request, result.user.id, safeRedirect(redirectTo), result.deviceToken);
  if (result.reason === "limited") {
    return data<ActionData>(
      { errors: { email: retryMessage(result.retryAfterSeconds) }, email },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  // why: one message for every failure, so the page never says whether an account exists.
  return data<ActionData>({ errors: { email: LOGIN_ERROR, password: LOGIN_ERROR }, email }, { status: 400 });
}

export default function Login() {
  const { redirectTo, notice, purpose } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const errors = result?.errors ?? {};
  const busy = useNavigation().state === "submitting";
  // The same message beside both fields is listed once in the summary.
  const summary = Object.fromEntries(
    Object.entries(errors).filter(([, message], index, all) => all.findIndex(([, m]) => m === message) === index),
  );
  useEffect(() => {
    // why: after a failed try (with JavaScript the page stays put) the wrong password should not linger.
    const field = document.getElementById(fieldId("password"));
    if (result && field instanceof HTMLInputElement) field.value = "";
  }, [result]);
  return (
    <>
      <h1>Sign in</h1>
      {purpose ? (
        <div className="notice">
          <p>{purpose}</p>
        </div>
      ) : null}
      {notice ? (
        <div className="notice notice--success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          defaultValue={result?.email ?? ""}
          error={errors.email}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={errors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          Sign in
        </button>
      </Form>
      <p>
        <Link to="/password/forgot">Forgotten your password?</Link>
      </p>
      <h2>No account yet?</h2>
      <p>Staff accounts are made by invitation. Ask your Pitchday administrator to invite you.</p>
    </>
  );
}
