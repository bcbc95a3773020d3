import type { ActionFunctionArgs } from "@remix-run/node";
import { ballotSchema } from "~/domain/ballot";
import { castBallot } from "~/models/audience.server";
import { resolveVoteCode } from "~/models/audience-view.server";
import { parseForm } from "~/utils/forms";
import { ensureVoterKey } from "~/utils/voter.server";

// The voting page's JSON endpoint for the phone's offline queue: the same form body as the
// plain form post to /vote/<code>, answered in JSON so the queue can tell "counted" (200, with
// the chosen pitches) from a refusal it must not retry (404, 409, 422).

export async function action({ request, params }: ActionFunctionArgs) {
  const found = params.code ? await resolveVoteCode(params.code) : null;
  if (!found) return Response.json({ ok: false, message: "We could not find an event or a ticket with that code." }, { status: 404 });
  const parsed = parseForm(ballotSchema, await request.formData());
  if (!parsed.ok) return Response.json({ ok: false, message: Object.values(parsed.errors)[0], errors: parsed.errors }, { status: 422 });
  const { voterKey, setCookie } = await ensureVoterKey(request);
  const headers = setCookie ? { "Set-Cookie": setCookie } : undefined;
  const result = await castBallot({
    eventId: found.eventId,
    voterKey,
    ticketCode: found.kind === "ticket" ? found.code : undefined,
    bidIds: parsed.data.bidIds,
    clientMutationId: parsed.data.clientMutationId,
  });
  if (!result.ok) return Response.json({ ok: false, message: result.message }, { status: 409, headers });
  return Response.json({ ok: true, bidIds: result.bidIds, duplicate: result.duplicate }, { headers });
}
