import type { ActionFunctionArgs } from "@remix-run/node";
import { wrongCodesMessage } from "~/domain/audience-phone";
import { translate } from "~/i18n/catalogue.server";
import { requestLang } from "~/i18n/language-cookie.server";
import { errorsIn } from "~/i18n/errors.server";
import { say } from "~/i18n/said.server";
import { lookUpVoteCode } from "~/models/audience-view.server";
import { receiveBallot } from "~/requests/ballot-submission.server";
import { clientAddress } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";

// The voting page's JSON endpoint for the phone's offline queue: the same form body as the
// plain form post to /vote/<code>, answered in JSON so the queue can tell "counted" (200, with
// the chosen pitches) from a refusal it must not retry (404, 409, 422); 429 (too many wrong
// codes from this address) is worth retrying after Retry-After.

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = await requestLang(request);
  const looked = await lookUpVoteCode(params.code ?? "", clientAddress(request));
  if (!looked.ok && looked.reason === "limited") {
    const headers = { "Retry-After": String(looked.retryAfterSeconds) };
    return Response.json({ ok: false, message: say(lang, wrongCodesMessage(looked.retryAfterSeconds)) }, { status: 429, headers });
  }
  if (!looked.ok) return Response.json({ ok: false, message: translate(lang, "vote.code.notFound") }, { status: 404 });
  const found = looked.found;
  const outcome = await receiveBallot(request, found, await readForm(request));
  const headers = outcome.setCookie ? { "Set-Cookie": outcome.setCookie } : undefined;
  switch (outcome.kind) {
    case "counted":
      return Response.json({ ok: true, bidIds: outcome.bidIds, duplicate: outcome.duplicate }, { headers });
    case "invalid": {
      const errors = errorsIn(lang, outcome.errors);
      return Response.json({ ok: false, message: Object.values(errors)[0], errors }, { status: 422, headers });
    }
    case "refused":
      return Response.json({ ok: false, message: say(lang, outcome.message) }, { status: 409, headers });
  }
}
