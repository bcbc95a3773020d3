import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkpointFileText } from "~/domain/checkpoint";
import { checkpointFile } from "~/models/checkpoint.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// A stored checkpoint as the file to hand to someone outside Pitchday.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "audit:read");
  const file = await checkpointFile(routeParam(params, "id", "uuid"));
  if (!file) throw notFound("There is no checkpoint at this address. It may have been typed wrongly.");
  return new Response(checkpointFileText(file), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="pitchday-audit-checkpoint-${file.seq}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
