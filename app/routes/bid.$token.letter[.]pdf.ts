import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireBidByToken } from "~/models/bid.server";
import { awardLetter } from "~/models/funder-views.server";
import { letterFileName, renderAwardLetter } from "~/services/pdf/award-letter.server";
import { notFound } from "~/utils/http.server";

// The group's copy of its award letter, through its private link.
export async function loader({ params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(params.token);
  const letter = await awardLetter({ bidId: bid.id });
  if (!letter) throw notFound("There is no award for this bid yet, so there is no letter.");
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
