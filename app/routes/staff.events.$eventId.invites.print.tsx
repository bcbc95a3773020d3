import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { panelInvitePath } from "~/components/live/links";
import { qrDataUrl } from "~/components/live/qr.server";
import { InviteSheet, type SheetInvite } from "~/components/panel/invite-sheet";
import { getEvent } from "~/models/event.server";
import { reissueUnopenedInvites } from "~/models/panel.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound, publicUrl } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// One printable sheet with a fresh link and QR code for every panellist who has not opened
// their invite. Making it is a POST (it replaces their links), never a page load; the sheet
// is a credential, so no cache keeps it.

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `Panel invite sheet: ${d.event.title} – Pitchday` : "Panel invite sheet – Pitchday" }];

const NO_STORE = { "Cache-Control": "no-store" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "event:manage");
  const event = await getEvent(routeParam(params, "eventId"));
  if (!event) throw notFound("We could not find that event.");
  return { event: { id: event.id, title: event.title, venue: event.venue } };
}

type ActionData = { invites: SheetInvite[]; problem?: undefined } | { problem: string; invites?: undefined };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "event:manage");
  const sheet = await reissueUnopenedInvites(routeParam(params, "eventId"), { type: "user", id: user.id });
  if (!sheet.ok) return data<ActionData>({ problem: sheet.message }, { status: 409 });
  const invites = await Promise.all(
    sheet.invites.map(async (invite) => {
      const url = publicUrl(request, panelInvitePath(invite.inviteToken));
      return { id: invite.id, name: invite.name, url, qr: await qrDataUrl(url) };
    }),
  );
  return data<ActionData>({ invites }, { headers: NO_STORE });
}

export default function InviteSheetPage() {
  const { event } = useLoaderData<typeof loader>();
  const made = useActionData<typeof action>();
  return (
    <div className="invite-sheet-page">
      <div className="no-print">
        <p>
          <Link to={`/staff/events/${event.id}#panel`}>Back to the event</Link>
        </p>
        <span className="caption">{event.title}</span>
        <h1>Panel invite sheet</h1>
        {made?.problem ? (
          <div className="error-summary" role="alert" tabIndex={-1}>
            <h2>That was not done</h2>
            <p>{made.problem}</p>
          </div>
        ) : null}
        {!made?.invites ? (
          <Form method="post">
            <p>
              This makes a fresh link for every panellist who has not opened theirs yet. Links sent or printed before stop working, so hand out only
              the new sheet. Panellists already scoring on their phones are not affected.
            </p>
            <button type="submit" className="button">
              Make the invite sheet
            </button>
          </Form>
        ) : null}
      </div>
      {made?.invites ? <InviteSheet title={event.title} venue={event.venue} invites={made.invites} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
