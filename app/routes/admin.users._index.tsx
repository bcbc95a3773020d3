import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { Choices, ErrorSummary, TextField } from "~/components/forms";
import { ROLES, ROLE_LABELS } from "~/domain/permissions";
import { INVITE_DAYS, ROLE_DESCRIPTIONS, STAFF_TIME_ZONE } from "~/domain/staff";
import { inviteSchema } from "~/domain/staff-forms";
import { formatDateTime } from "~/domain/zoned-time";
import { createInvite, listOpenInvites, resendInvite, revokeInvite } from "~/models/invite.server";
import { listUsers } from "~/models/user.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { asRecordId } from "~/utils/route-params";

export const meta: MetaFunction = () => [{ title: "Users – Pitchday" }];

// Fixed texts the page shows after a redirect; `done` ones are confirmations, the rest warnings.
const NOTICES: Record<string, { text: string; done: boolean }> = {
  invited: { text: `Invite sent. The link in it works for ${INVITE_DAYS} days.`, done: true },
  resent: { text: "A new invite has been sent. The earlier link no longer works.", done: true },
  "invite-revoked": { text: "Invite withdrawn. Its link no longer works.", done: true },
  "invite-closed": { text: "That invite had already been used or withdrawn, so nothing changed.", done: false },
  "account-exists": { text: "There is already an account for that email address, so no new invite was sent.", done: false },
};

const ROLE_CHOICES = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role], hint: ROLE_DESCRIPTIONS[role] }));

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "user:manage");
  const [users, invites] = await Promise.all([listUsers(), listOpenInvites()]);
  const when = (at: Date) => formatDateTime(at, STAFF_TIME_ZONE);
  return {
    notice: NOTICES[new URL(request.url).searchParams.get("notice") ?? ""] ?? null,
    users: users.map((user) => ({
      id: user.id,
      name: user.name,
      email: user.email,
      roles: user.roles.map((role) => ROLE_LABELS[role]),
      disabled: Boolean(user.disabledAt),
      lastSeen: user.lastSeenAt ? when(user.lastSeenAt) : null,
    })),
    invites: invites.map((invite) => ({
      id: invite.id,
      name: invite.name,
      email: invite.email,
      roles: invite.roles.map((role) => ROLE_LABELS[role]),
      invitedBy: invite.invitedBy,
      expires: when(invite.expiresAt),
      expired: invite.expired,
    })),
  };
}

type ActionData = { errors: Record<string, string>; values: Record<string, string | string[]> };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "user:manage");
  const form = await readForm(request);
  const intent = form.get("intent");
  const inviteId = asRecordId(form.get("inviteId"));

  if (intent === "invite") {
    const submission = parseForm(inviteSchema, form);
    if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
    const created = await createInvite(submission.data, admin);
    if (!created.ok) {
      return data<ActionData>({ errors: { [created.field]: created.message }, values: submission.values }, { status: 400 });
    }
    return redirect("/admin/users?notice=invited");
  }
  if (intent === "revoke-invite") {
    const revoked = await revokeInvite(inviteId, admin);
    return redirect(`/admin/users?notice=${revoked ? "invite-revoked" : "invite-closed"}`);
  }
  if (intent === "resend-invite") {
    const sent = await resendInvite(inviteId, admin);
    return redirect(`/admin/users?notice=${!sent ? "invite-closed" : sent.ok ? "resent" : "account-exists"}`);
  }
  throw badRequest("This form sent an action we do not know. Go back and try again.");
}

export default function Users() {
  const { notice, users, invites } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const navigation = useNavigation();
  const inviting = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  const location = useLocation();

  return (
    <>
      <h1>Users</h1>
      {notice ? (
        <div className={`notice ${notice.done ? "notice--success" : "notice--warning"}`} role="status">
          <p>{notice.text}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />

      <h2>Staff accounts</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Staff accounts, with their roles and status</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email address</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">Last active</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                </td>
                <td className="break-anywhere">{user.email}</td>
                <td>{user.roles.join(", ")}</td>
                <td>
                  {user.disabled ? <strong className="tag tag--red">Disabled</strong> : <strong className="tag tag--green">Active</strong>}
                </td>
                <td>{user.lastSeen ?? <span className="muted">Not signed in</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Invites not yet accepted</h2>
      {invites.length === 0 ? (
        <p>There are no open invites.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Invites not yet accepted</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email address</th>
                <th scope="col">Roles</th>
                <th scope="col">Link works until</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => (
                <tr key={invite.id}>
                  <td>
                    {invite.name}
                    <span className="hint">Invited by {invite.invitedBy}</span>
                  </td>
                  <td className="break-anywhere">{invite.email}</td>
                  <td>{invite.roles.join(", ")}</td>
                  <td>{invite.expired ? <strong className="tag tag--grey">Expired</strong> : invite.expires}</td>
                  <td>
                    <div className="row-actions">
                      <Form method="post">
                        <input type="hidden" name="inviteId" value={invite.id} />
                        <button type="submit" name="intent" value="resend-invite" className="button button--secondary">
                          Send again <span className="visually-hidden">to {invite.name}</span>
                        </button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="inviteId" value={invite.id} />
                        <button type="submit" name="intent" value="revoke-invite" className="button button--warning">
                          Withdraw <span className="visually-hidden">invite to {invite.name}</span>
                        </button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2 id="invite">Invite someone</h2>
      <p>They will get an email with a link to choose their own password. The link works once, for {INVITE_DAYS} days.</p>
      <Form method="post" noValidate key={location.key} aria-labelledby="invite">
        <input type="hidden" name="intent" value="invite" />
        <TextField
          name="email"
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={typeof values.email === "string" ? values.email : ""}
          error={errors.email}
        />
        <TextField
          name="name"
          label="Full name"
          autoComplete="off"
          defaultValue={typeof values.name === "string" ? values.name : ""}
          error={errors.name}
        />
        <Choices
          name="roles"
          type="checkbox"
          legend="Roles"
          hint="Select all that apply."
          choices={ROLE_CHOICES}
          defaultValue={values.roles ?? []}
          error={errors.roles}
        />
        <button type="submit" className="button" disabled={inviting}>
          Send invite
        </button>
      </Form>
    </>
  );
}
