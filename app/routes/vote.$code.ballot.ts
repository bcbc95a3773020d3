import type { ActionFunctionArgs } from "@remix-run/node";
import { resolveVoteCode } from "~/models/audience-view.server";
import { receiveBallot } from "~/utils/ballot-submission.server";
import { readForm } from "~/utils/request-body.server";

// The voting page's JSON endpoint for the phone's offline queue: the same form body as the
// plain form post to /vote/<code>, answered in JSON so the queue can tell "counted" (200, with
// the chosen pitches) from a refusal it must not retry (404, 409, 422).

export async function action({ request, params }: ActionFunctionArgs) {
  const found = params.code ? await resolveVoteCode(params.code) : null;
  if (!found) return Response.json({ ok: false, message: "We could not find an event or a ticket with that code." }, { status: 404 });
  const outcome = await receiveBallot(request, found, await readForm(request));
  const headers = outcome.setCookie ? { "Set-Cookie": outcome.setCookie } : undefined;
  switch (outcome.kind) {
    case "counted":
      return Response.json({ ok: true, bidIds: outcome.bidIds, duplicate: outcome.duplicate }, { headers });
    case "invalid":
      return Response.json({ ok: false, message: Object.values(outcome.errors)[0], errors: outcome.errors }, { status: 422, headers });
    case "refused":
      return Response.json({ ok: false, message: outcome.message }, { status: 409, headers });
  }
}
