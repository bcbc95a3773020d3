import type { ActionFunctionArgs } from "@remix-run/node";
import { exportGroupData } from "~/models/personal-data.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// The group's data as a file. A POST, not a link: each download is recorded in the audit log.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "personal-data:export");
  const result = await exportGroupData(routeParam(params, "bidId"), { type: "user", id: user.id });
  if (!result) throw notFound("There is no bid at this address. It may have been typed wrongly.");
  return new Response(`${JSON.stringify(result.data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export function loader() {
  // why: a download changes the audit log, so it is only done by the form's POST.
  return new Response("Use the download button on the group's personal data page.", { status: 405, headers: { Allow: "POST" } });
}
