import type { LoaderFunctionArgs } from "@remix-run/node";
import { awardLetter } from "~/models/funder-views.server";
import { letterFileName, renderAwardLetter } from "~/services/pdf/award-letter.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// The award letter for staff (funders, organisers, auditors): the same PDF the group downloads.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "event:read");
  const letter = await awardLetter({ awardId: routeParam(params, "awardId") });
  if (!letter) throw notFound("There is no award at this address.");
  return new Response(await renderAwardLetter(letter), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${letterFileName(letter.reference)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
