import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { AccessSection } from "~/components/admin-user/access-section";
import { AccountFacts } from "~/components/admin-user/account-facts";
import { RolesForm } from "~/components/admin-user/roles-form";
import { SignInSection } from "~/components/admin-user/sign-in-section";
import { AccountHistory } from "~/components/admin-user/account-history";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RESET_HOURS, describePasswordResetEvent } from "~/domain/password-reset";
import { can } from "~/domain/permissions";
import { STAFF_TIME_ZONE, describeAccountEvent } from "~/domain/staff";
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

      <AccountFacts account={account} />
      <RolesForm key={`roles-${location.key}`} name={account.name} roles={result?.roles ?? account.roles} error={errors.roles} busy={busy("roles")} />
      <SignInSection name={account.name} activeSessions={account.activeSessions} disabled={Boolean(account.disabled)} error={errors.password} busy={busy} />

      <AccessSection disabled={Boolean(account.disabled)} error={errors.access} busy={busy} />

      <AccountHistory history={history} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
