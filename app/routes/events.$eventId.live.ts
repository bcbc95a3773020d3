import type { LoaderFunctionArgs } from "@remix-run/node";
import { getEvent } from "~/models/event.server";
import { liveStateStream } from "~/coordinators/live-state.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// The live state of an event as Server-Sent Events, for the screen, the chair, panellists'
// and audience phones. Public: the state holds ids, states and counts, no personal data
// (see liveState in app/models/event.server.ts). A reconnecting browser sends Last-Event-ID
// and simply gets the current state.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const eventId = routeParam(params, "eventId");
  if (!(await getEvent(eventId))) throw notFound("There is no event at this address.");
  return liveStateStream(request, eventId);
}
