import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EventDetailsForm } from "~/components/live/event-details-form";
import { eventSetupSchema, formatDuration } from "~/domain/event-setup";
import { createEvent } from "~/models/event.server";
import { getRound } from "~/models/round.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Set up an event for ${data?.round.title ?? "a round"} – Pitchday` }];

const MISSING = "There is no round at this address. It may have been typed wrongly.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "event:manage");
  const round = await getRound(routeParam(params, "roundId"));
  if (!round) throw notFound(MISSING);
  return {
    round: { id: round.id, title: round.title, timeZone: round.fund.timeZone },
    values: { title: `${round.title}: pitch night`, startsAt: "", venue: "", pitchSeconds: formatDuration(180), questionSeconds: formatDuration(120) },
  };
}

type ActionData = { errors: Record<string, string>; values: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "event:manage");
  const round = await getRound(routeParam(params, "roundId"));
  if (!round) throw notFound(MISSING);
  const submission = parseForm(eventSetupSchema(round.fund.timeZone), await readForm(request));
  if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
  const created = await createEvent({ ...submission.data, roundId: round.id }, { type: "user", id: user.id });
  // why: the only refusal is a round deleted since the form was opened.
  if (!created.ok) throw notFound(MISSING);
  return redirect(`/staff/events/${created.event.id}?notice=created`);
}

export default function NewEvent() {
  const { round, values } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to={`/staff/rounds/${round.id}`}>Back to {round.title}</Link>
      </p>
      <h1>Set up a pitch event</h1>
      <p className="lead">The live session where shortlisted groups of {round.title} pitch to the panel.</p>
      <p>
        The running order starts with the round’s shortlisted bids that are not already in another event. On the next page you can change the order, bring it up
        to date with the shortlist and invite the panel.
      </p>
      <EventDetailsForm values={result?.values ?? values} errors={result?.errors ?? {}} timeZone={round.timeZone} submitLabel="Create event" busy={busy} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
