import type { LoaderFunctionArgs } from "@remix-run/node";
import { fundOpenData } from "~/models/three-sixty.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound } from "~/utils/http.server";
import { openDataResponse } from "~/requests/open-data.server";
import { routeParam } from "~/utils/route-params";

// The fund's awards as 360Giving open data (360Giving's spreadsheet columns), ready to publish:
// nothing personal is in it.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "fund:read");
  const now = new Date();
  const data = await fundOpenData(routeParam(params, "fundId"), { now });
  if (!data) throw notFound("There is no fund at this address. It may have been typed wrongly.");
  return openDataResponse(data, "csv", now);
}
