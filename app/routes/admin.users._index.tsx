import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { OpenInvites } from "~/components/admin-user/open-invites";
import { StaffInviteForm } from "~/components/admin-user/staff-invite-form";
import { StaffTable } from "~/components/admin-user/staff-table";
import { ErrorSummary } from "~/components/forms";
import { inviteSchema } from "~/domain/staff-forms";
import { inviteRows, staffUserRows, staffUsersNotice } from "~/domain/staff-users-page";
import { createInvite, listOpenInvites, resendInvite, revokeInvite } from "~/models/invite.server";
import { listUsers } from "~/models/user.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { asRecordId } from "~/utils/route-params";

export const meta: MetaFunction = () => [{ title: "Users – Pitchday" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "user:manage");
  const [users, invites] = await Promise.all([listUsers(), listOpenInvites()]);
  return {
    notice: staffUsersNotice(new URL(request.url).searchParams),
    users: staffUserRows(users),
    invites: inviteRows(invites),
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

  return (
    <>
      <h1>Users</h1>
      {notice ? (
        <div className={`notice ${notice.done ? "notice--success" : "notice--warning"}`} role="status">
          <p>{notice.text}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <StaffTable users={users} />
      <OpenInvites invites={invites} />
      <StaffInviteForm errors={errors} values={result?.values ?? {}} />
    </>
  );
}
