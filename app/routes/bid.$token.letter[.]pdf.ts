import type { LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/i18n/catalogue.server";
import { requestLang } from "~/i18n/language-cookie.server";
import { awardLetter } from "~/models/funder-views.server";
import { requireBidByToken } from "~/requests/bid-link.server";
import { letterFileName, renderAwardLetter } from "~/services/pdf/award-letter.server";
import { notFound } from "~/utils/http.server";

// The group's copy of its award letter, through its private link.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(request, params.token);
  const letter = await awardLetter({ bidId: bid.id });
  if (!letter) throw notFound(translate(await requestLang(request), "bid.letter.none"));
  return new Response(await renderAwardLetter(letter), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${letterFileName(letter.reference)}"`,
      // why: the address holds the private link; keep the letter out of shared caches.
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
