import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { findInvite } from "~/models/panel-view.server";
import { claimInvite, panellistForDevice } from "~/models/panel.server";
import { deviceTokenFor, rememberDevice } from "~/requests/panel-device.server";

// The invite link from the organiser's email. Opening it shows who and what it is for; the
// button binds the invite to this phone (a device cookie) and goes to the panel page. Binding
// waits for the button, not the page load, because mail scanners open links in emails before
// people do and would otherwise take the invite. A phone that already holds this invite goes
// straight through; any other phone is refused.

export const meta: MetaFunction = () => [
  { title: "Join the panel – Pitchday" },
  // why: the address is a secret; keep it out of search engines.
  { name: "robots", content: "noindex, nofollow" },
];

export const IN_USE = "This invite is already in use on another phone; ask the organiser for a new link";

const NOT_VALID = "This invite link is not valid any more. Ask the organiser for a new one.";

function refusalFor(status: "BOUND" | "REVOKED" | "FINISHED") {
  if (status === "BOUND") return IN_USE;
  if (status === "REVOKED") return "This invitation has been withdrawn. Ask the organiser if you think that is a mistake.";
  return "This event has finished.";
}

async function thisPhoneHolds(request: Request, eventId: string, panellistId: string) {
  const token = await deviceTokenFor(request, eventId);
  const panellist = token ? await panellistForDevice(token) : null;
  return panellist?.id === panellistId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invite = await findInvite(params.token ?? "");
  if (!invite) throw new Response(NOT_VALID, { status: 404, statusText: "Not Found" });
  if (invite.status === "BOUND" && (await thisPhoneHolds(request, invite.eventId, invite.panellistId))) {
    throw redirect(`/panel/${invite.eventId}`);
  }
  return {
    eventTitle: invite.eventTitle,
    name: invite.name,
    refusal: invite.status === "OPEN" ? null : refusalFor(invite.status),
  };
}

type ActionResult = { refusal: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const invite = await findInvite(token);
  if (!invite) throw new Response(NOT_VALID, { status: 404, statusText: "Not Found" });
  const claimed = await claimInvite(token, await deviceTokenFor(request, invite.eventId));
  if (claimed.ok) {
    return redirect(`/panel/${claimed.eventId}`, {
      headers: { "Set-Cookie": await rememberDevice(request, claimed.eventId, claimed.deviceToken) },
    });
  }
  // why: the model's words are right in general; a second phone gets the sentence organisers expect.
  const now = await findInvite(token);
  const refusal = now && now.status !== "OPEN" ? refusalFor(now.status) : claimed.message;
  return data<ActionResult>({ refusal }, { status: 409 });
}

export default function JoinPanel() {
  const { eventTitle, name, refusal: shown } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const refusal = posted?.refusal ?? shown;
  if (refusal) {
    return (
      <div className="phone">
        <span className="caption">{eventTitle}</span>
        <h1>You cannot join the panel on this phone</h1>
        <div className="notice notice--warning" role="alert">
          <p>{refusal}</p>
        </div>
        <p>The organiser can send a new link from the event's panel page. The new link works on the phone you open it on first.</p>
      </div>
    );
  }
  return (
    <div className="phone">
      <span className="caption">{eventTitle}</span>
      <h1>Join the panel</h1>
      <p>
        You are invited to score the pitches at <strong>{eventTitle}</strong> as <strong>{name}</strong>.
      </p>
      <p>Use the phone you will have with you at the event. The link then works only on this phone, so your scores cannot be sent from anywhere else.</p>
      <Form method="post">
        <button type="submit" className="button button--large">
          Use this phone to score
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
