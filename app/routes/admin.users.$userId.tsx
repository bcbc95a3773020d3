import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Choices, ErrorSummary } from "~/components/forms";
import { AccessSection } from "~/components/admin-user/access-section";
import { AccountHistory } from "~/components/admin-user/account-history";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RESET_HOURS, describePasswordResetEvent } from "~/domain/password-reset";
import { ROLES, ROLE_LABELS, can } from "~/domain/permissions";
import { ROLE_DESCRIPTIONS, STAFF_TIME_ZONE, describeAccountEvent } from "~/domain/staff";
import { roleChangeSchema } from "~/domain/staff-forms";
import { formatDateTime } from "~/domain/zoned-time";
import { auditEntriesFor } from "~/models/audit.server";
import { sendPasswordReset } from "~/models/password-reset.server";
import { signOutEverywhere } from "~/models/session.server";
import { changeRoles, getAccount, setDisabled, userNames } from "~/models/user.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "account" in data ? data.account.name : "User"} – Users – Pitchday` },
];

const NOTICES: Record<string, string> = {
  roles: "Roles saved. They apply from the person's next click.",
  disabled: "Account disabled. They have been signed out everywhere and cannot sign in.",
  enabled: "Account enabled. They can sign in again with their password.",
  "signed-out": "Signed out everywhere. They need their password to sign in again.",
  "reset-sent": `Password reset link sent. It works once, for ${RESET_HOURS} hours; their current password works until it is used.`,
};

const ROLE_CHOICES = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: ROLE_DESCRIPTIONS[role] }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "user:manage");
  const account = await getAccount(routeParam(params, "userId"));
  if (!account) throw notFound("There is no staff account at this address. It may have been typed wrongly.");
  const entries = await auditEntriesFor("user", account.id);
  const names = await userNames(entries.flatMap((e) => (e.actorType === "user" && e.actorId ? [e.actorId] : [])));
  const when = (at: Date) => formatDateTime(at, STAFF_TIME_ZONE);
  return {
    notice: NOTICES[new URL(request.url).searchParams.get("notice") ?? ""] ?? null,
    isYou: admin.id === account.id,
    account: {
      id: account.id,
      name: account.name,
      email: account.email,
      roles: account.roles,
      disabled: account.disabledAt ? when(account.disabledAt) : null,
      created: when(account.createdAt),
      lastSeen: account.lastSeenAt ? when(account.lastSeenAt) : null,
      activeSessions: account.activeSessions,
    },
    history: entries
      .slice()
      .reverse()
      .map((entry) => ({
        seq: entry.seq,
        at: when(entry.at),
        what: describePasswordResetEvent(entry.action, entry.payload) ?? describeAccountEvent(entry.action, entry.payload),
        by:
          entry.actorType !== "user" || !entry.actorId
            ? "Pitchday"
            : entry.actorId === account.id
              ? "Themselves"
              : (names[entry.actorId] ?? "A former account"),
      })),
  };
}

type ActionData = { errors: Record<string, string>; roles?: string[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "user:manage");
  const userId = routeParam(params, "userId");
  const form = await readForm(request);
  const intent = form.get("intent");
  const back = (notice: string) => redirect(`/admin/users/${userId}?notice=${notice}`);

  if (intent === "roles") {
    const submission = parseForm(roleChangeSchema, form);
    const typed = [submission.values.roles ?? []].flat();
    if (!submission.ok) return data<ActionData>({ errors: submission.errors, roles: typed }, { status: 400 });
    const changed = await changeRoles(userId, submission.data.roles, admin);
    if (!changed) throw notFound("There is no staff account at this address.");
    if (!changed.ok) return data<ActionData>({ errors: { roles: changed.message }, roles: typed }, { status: 409 });
    // why: an admin who has just removed their own admin role can no longer see this page.
    if (userId === admin.id && !can({ id: admin.id, roles: submission.data.roles }, "user:manage")) return redirect("/staff");
    return back("roles");
  }

  if (intent === "disable" || intent === "enable") {
    const changed = await setDisabled(userId, intent === "disable", admin);
    if (!changed) throw notFound("There is no staff account at this address.");
    if (!changed.ok) return data<ActionData>({ errors: { access: changed.message } }, { status: 409 });
    return back(intent === "disable" ? "disabled" : "enabled");
  }

  if (intent === "sign-out-everywhere") {
    if (!(await getAccount(userId))) throw notFound("There is no staff account at this address.");
    await signOutEverywhere(userId, { type: "user", id: admin.id });
    return back("signed-out");
  }

  if (intent === "send-password-reset") {
    const sent = await sendPasswordReset(userId, admin);
    if (!sent) throw notFound("There is no staff account at this address.");
    if (!sent.ok) return data<ActionData>({ errors: { password: sent.message } }, { status: 409 });
    return back("reset-sent");
  }

  throw badRequest("This form sent an action we do not know. Go back and try again.");
}

export default function UserDetail() {
  const { notice, isYou, account, history } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const errors = result?.errors ?? {};
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const location = useLocation();

  return (
    <>
      <p>
        <Link to="/admin/users">Back to all users</Link>
      </p>
      <h1>
        {account.name} {isYou ? <span className="muted">(you)</span> : null}
      </h1>
      {notice ? (
        <div className="notice notice--success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />

      <dl className="summary">
        <div>
          <dt>Email address</dt>
          <dd>{account.email}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {account.disabled ? (
              <>
                <strong className="tag tag--red">Disabled</strong> since {account.disabled}
              </>
            ) : (
              <strong className="tag tag--green">Active</strong>
            )}
          </dd>
        </div>
        <div>
          <dt>Account created</dt>
          <dd>{account.created}</dd>
        </div>
        <div>
          <dt>Last active</dt>
          <dd>{account.lastSeen ?? "Not signed in at the moment"}</dd>
        </div>
      </dl>

      <h2>Roles</h2>
      <Form method="post" noValidate key={`roles-${location.key}`}>
        <input type="hidden" name="intent" value="roles" />
        <Choices
          name="roles"
          type="checkbox"
          legend={<span className="visually-hidden">Roles for {account.name}</span>}
          hint="Select all that apply. Changes apply from their next click; they stay signed in."
          choices={ROLE_CHOICES}
          defaultValue={result?.roles ?? account.roles}
          error={errors.roles}
        />
        <button type="submit" className="button" disabled={busy("roles")}>
          Save roles
        </button>
      </Form>

      <h2>Sessions</h2>
      <p>
        {account.activeSessions === 0
          ? "They are not signed in anywhere."
          : `They are signed in on ${account.activeSessions === 1 ? "1 device" : `${account.activeSessions} devices`}.`}
      </p>
      {account.activeSessions > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="button button--secondary" disabled={busy("sign-out-everywhere")}>
            Sign out everywhere <span className="visually-hidden">for {account.name}</span>
          </button>
        </Form>
      ) : null}

      <h2>Password</h2>
      {errors.password ? (
        <p className="error-message" id="field-password">
          <span className="visually-hidden">Error: </span>
          {errors.password}
        </p>
      ) : null}
      {account.disabled ? (
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
              Send a password reset link <span className="visually-hidden">to {account.name}</span>
            </button>
          </Form>
        </>
      )}

      <AccessSection disabled={Boolean(account.disabled)} error={errors.access} busy={busy} />

      <AccountHistory history={history} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
