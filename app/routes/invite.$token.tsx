import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { NewPasswordFields } from "~/components/new-password-fields";
import { ROLE_LABELS } from "~/domain/permissions";
import { acceptInviteSchema } from "~/domain/staff-forms";
import { INVITE_DAYS } from "~/domain/staff";
import { acceptInvite, findInvite, type InviteStatus } from "~/models/invite.server";
import { signIn } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { readForm } from "~/utils/request-body.server";
import { staffDateTime } from "~/utils/staff-time.server";

export const meta: MetaFunction = () => [{ title: "Set up your account – Pitchday" }];

type ClosedStatus = Exclude<InviteStatus, "pending"> | "account_exists";

// why: 404 for a link we never issued, 410 for one that worked once and no longer does.
const STATUS_CODES: Record<ClosedStatus, number> = { unknown: 404, expired: 410, revoked: 410, accepted: 410, account_exists: 409 };

type LoaderData =
  | { status: ClosedStatus; invite: null }
  | { status: "pending"; invite: { email: string; name: string; roles: string[]; expires: string } };

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findInvite(params.token ?? "");
  if (found.status !== "pending") {
    return data<LoaderData>({ status: found.status, invite: null }, { status: STATUS_CODES[found.status] });
  }
  const { invite } = found;
  return data<LoaderData>({
    status: "pending" as const,
    invite: {
      email: invite.email,
      name: invite.name,
      roles: invite.roles.map((role) => ROLE_LABELS[role]),
      expires: staffDateTime(invite.expiresAt),
    },
  });
}

type ActionData =
  | { status: "invalid"; errors: Record<string, string>; name: string }
  | { status: ClosedStatus };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const found = await findInvite(token);
  if (found.status !== "pending") {
    return data<ActionData>({ status: found.status }, { status: STATUS_CODES[found.status] });
  }
  const submission = parseForm(acceptInviteSchema(found.invite), await readForm(request));
  if (!submission.ok) {
    const name = typeof submission.values.name === "string" ? submission.values.name : "";
    return data<ActionData>({ status: "invalid", errors: submission.errors, name }, { status: 400 });
  }
  const accepted = await acceptInvite(token, submission.data);
  if (!accepted.ok) return data<ActionData>({ status: accepted.status }, { status: STATUS_CODES[accepted.status] });
  return signIn(request, accepted.user.id, "/staff");
}

export default function AcceptInvite() {
  const loaded = useLoaderData<LoaderData>();
  const result = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  const closed = result && result.status !== "invalid" ? result.status : loaded.status !== "pending" ? loaded.status : null;
  if (closed || loaded.status !== "pending") return <ClosedInvite status={closed ?? "unknown"} />;

  const { invite } = loaded;
  const errors = result?.status === "invalid" ? result.errors : {};
  return (
    <>
      <h1>Set up your Pitchday account</h1>
      <p>
        You have been invited as {listOf(invite.roles)}. Your account will use the email address{" "}
        <strong>{invite.email}</strong>.
      </p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <TextField
          name="name"
          label="Your name"
          hint="As colleagues and the people you work with should see it."
          autoComplete="name"
          defaultValue={result?.status === "invalid" ? result.name : invite.name}
          error={errors.name}
        />
        <NewPasswordFields label="Choose a password" confirmLabel="Type the password again" errors={errors} />
        <button type="submit" className="button" disabled={busy}>
          Create account and sign in
        </button>
      </Form>
      <p className="hint">This link works once, until {invite.expires} (UK time).</p>
    </>
  );
}

function listOf(items: string[]) {
  const lower = items.map((item) => item.toLowerCase());
  const text = lower.length > 1 ? `${lower.slice(0, -1).join(", ")} and ${lower.at(-1)}` : lower[0] ?? "";
  return `${/^[aeiou]/.test(text) ? "an" : "a"} ${text}`;
}

function ClosedInvite({ status }: { status: ClosedStatus }) {
  const pages: Record<ClosedStatus, { title: string; body: React.ReactNode }> = {
    unknown: {
      title: "This invite link does not work",
      body: (
        <>
          <p>Check that you used the whole link from the email: some email programs split long links.</p>
          <p>If it still does not work, ask your Pitchday administrator to send you a new invite.</p>
        </>
      ),
    },
    expired: {
      title: "This invite link has expired",
      body: <p>Invite links work for {INVITE_DAYS} days. Ask your Pitchday administrator to send you a new invite.</p>,
    },
    revoked: {
      title: "This invite link has been withdrawn",
      body: <p>A newer invite may be in your email. If not, ask your Pitchday administrator to send you a new one.</p>,
    },
    accepted: {
      title: "This invite link has already been used",
      body: (
        <p>
          The account is set up. <Link to="/login">Sign in</Link> with its email address and password.
        </p>
      ),
    },
    account_exists: {
      title: "There is already an account for this email address",
      body: (
        <p>
          <Link to="/login">Sign in</Link> with that account instead. If you cannot, ask your Pitchday administrator for help.
        </p>
      ),
    },
  };
  return (
    <>
      <h1>{pages[status].title}</h1>
      {pages[status].body}
    </>
  );
}
