import type { LoaderFunctionArgs } from "@remix-run/node";
import { votePath } from "~/components/live/links";
import { qrSvg } from "~/components/live/qr.server";
import { getEvent } from "~/models/event.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound, publicUrl } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// The QR code of the audience's voting page, for the big screen (and for printing on posters).
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "event:read");
  const event = await getEvent(routeParam(params, "eventId"));
  if (!event) throw notFound("There is no event at this address.");
  if (event.round.audienceMode === "NONE") throw notFound("The audience does not vote at this event, so there is no voting QR code.");
  return new Response(await qrSvg(publicUrl(request, votePath(event.joinCode))), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "private, max-age=300" },
  });
}
