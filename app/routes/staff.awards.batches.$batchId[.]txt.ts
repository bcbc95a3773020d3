import type { LoaderFunctionArgs } from "@remix-run/node";
import { bacsFileName } from "~/domain/bank/bacs-standard18";
import { batchFile } from "~/models/payment-batch.server";
import { requirePermission } from "~/requests/auth.server";
import { routeParam } from "~/utils/route-params";

// The bulk-payment file itself: the only way whole bank details leave Pitchday, to a funder,
// rebuilt from the sealed details and checked against the checksum recorded when it was made.
// Each download is in the audit log.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "payment:request");
  const file = await batchFile(routeParam(params, "batchId"), user);
  if (!file.ok) throw new Response(file.message, { status: file.message.startsWith("There is no") ? 404 : 409 });
  return new Response(file.text, {
    headers: {
      "Content-Type": "text/plain; charset=us-ascii",
      "Content-Disposition": `attachment; filename="${bacsFileName(file.processingDay, file.batchId)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
