import type { ActionFunctionArgs } from "@remix-run/node";
import { requestLang } from "~/i18n/language-cookie.server";
import { messageErrorsIn } from "~/i18n/errors.server";
import { say } from "~/i18n/said.server";
import { receiveScore, requireDeviceCookie } from "~/requests/score-submission.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// The score pad's JSON endpoint for the phone's offline queue (app/utils/offline-queue.ts):
// the same form body as the plain form post, answered in JSON so the queue can tell "saved"
// (200, with the version and time) from a refusal it must not retry (403, 409, 422).

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = routeParam(params, "eventId");
  const lang = await requestLang(request);
  const token = await requireDeviceCookie(request, eventId, { json: true, lang });
  const outcome = await receiveScore({ token, eventId }, routeParam(params, "bidId"), await readForm(request), { json: true, lang });
  switch (outcome.kind) {
    case "saved":
      return Response.json({ ok: true, version: outcome.version, savedAt: outcome.at, duplicate: outcome.duplicate });
    case "invalid": {
      const errors = messageErrorsIn(lang, outcome.errors);
      return Response.json({ ok: false, message: Object.values(errors)[0], errors }, { status: 422 });
    }
    case "refused":
      return Response.json({ ok: false, message: say(lang, outcome.message) }, { status: 409 });
  }
}
