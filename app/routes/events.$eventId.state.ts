import type { LoaderFunctionArgs } from "@remix-run/node";
import { liveState } from "~/models/event.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// The same public live state as one JSON snapshot: the fallback when the event stream cannot
// get through (some proxies and captive Wi-Fi portals), polled every few seconds.
export async function loader({ params }: LoaderFunctionArgs) {
  const state = await liveState(routeParam(params, "eventId"));
  if (!state) throw notFound("There is no event at this address.");
  return Response.json(state, { headers: { "Cache-Control": "no-store" } });
}
