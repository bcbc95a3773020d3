import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { SessionsTable } from "~/components/admin-user/sessions-table";
import { ErrorSummary, TextField } from "~/components/forms";
import { NewPasswordFields } from "~/components/new-password-fields";
import { describeDevice } from "~/domain/device";
import { ROLE_LABELS } from "~/domain/permissions";
import { STAFF_TIME_ZONE } from "~/domain/staff";
import { passwordChangeSchema } from "~/domain/staff-forms";
import { formatDateTime } from "~/domain/zoned-time";
import { listSessions, signOutEverywhere } from "~/models/session.server";
import { changePassword, getAccount } from "~/models/user.server";
import { requireUser, signOut } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction = () => [{ title: "Your account – Pitchday" }];

const NOTICES: Record<string, string> = {
  "password-changed": "Your password has been changed. Any other devices signed in to your account have been signed out.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [account, sessions] = await Promise.all([getAccount(user.id), listSessions(user.id)]);
  if (!account) throw redirect("/login");
  const when = (at: Date) => formatDateTime(at, STAFF_TIME_ZONE);
  return {
    notice: NOTICES[new URL(request.url).searchParams.get("notice") ?? ""] ?? null,
    account: {
      name: account.name,
      email: account.email,
      roles: account.roles.map((role) => ROLE_LABELS[role]),
      since: when(account.createdAt),
    },
    sessions: sessions.map((session) => ({
      id: session.id,
      device: describeDevice(session.userAgent),
      signedIn: when(session.createdAt),
      lastActive: when(session.lastSeenAt),
      current: session.id === user.sessionId,
    })),
  };
}

type ActionData = { errors: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = form.get("intent");

  if (intent === "sign-out-everywhere") {
    await signOutEverywhere(user.id, { type: "user", id: user.id });
    return signOut(request, "/login?notice=signed-out-everywhere");
  }

  if (intent === "change-password") {
    const submission = parseForm(passwordChangeSchema(user), form);
    if (!submission.ok) return data<ActionData>({ errors: submission.errors }, { status: 400 });
    const changed = await changePassword(user, submission.data);
    if (!changed.ok) {
      return data<ActionData>({ errors: { [changed.field]: changed.message } }, { status: changed.reason === "limited" ? 429 : 400 });
    }
    return redirect("/account?notice=password-changed");
  }

  throw badRequest("This form sent an action we do not know. Go back and try again.");
}

export default function Account() {
  const { notice, account, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const errors = result?.errors ?? {};
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const location = useLocation();

  return (
    <>
      <h1>Your account</h1>
      {notice ? (
        <div className="notice notice--success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />

      <dl className="summary">
        <div>
          <dt>Name</dt>
          <dd>{account.name}</dd>
        </div>
        <div>
          <dt>Email address</dt>
          <dd>{account.email}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{account.roles.join(", ")}</dd>
        </div>
        <div>
          <dt>Account created</dt>
          <dd>{account.since}</dd>
        </div>
      </dl>
      <p className="hint">To change your name, email address or roles, ask your Pitchday administrator.</p>

      <h2>Where you are signed in</h2>
      <SessionsTable sessions={sessions} />
      <p>
        You are signed in on {sessions.length === 1 ? "1 device" : `${sessions.length} devices`}. If you see a device you
        do not recognise, or you used a shared computer, sign out everywhere and then change your password.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="sign-out-everywhere" />
        <button type="submit" className="button button--secondary" disabled={busy("sign-out-everywhere")}>
          Sign out everywhere
        </button>
      </Form>

      <h2>Change your password</h2>
      <Form method="post" noValidate key={location.key}>
        <input type="hidden" name="intent" value="change-password" />
        <TextField
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
        />
        <NewPasswordFields name="newPassword" label="New password" confirmLabel="Type the new password again" errors={errors} />
        <p className="hint">Changing your password signs you out on every other device.</p>
        <button type="submit" className="button" disabled={busy("change-password")}>
          Change password
        </button>
      </Form>
    </>
  );
}
