import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportFileName } from "~/domain/decision-report";
import { reportView } from "~/domain/decision-report-view";
import { decisionReport } from "~/models/decision-report.server";
import { renderDecisionReportPdf } from "~/services/pdf/decision-report.server";
import { notFound } from "~/utils/http.server";
import { requireReportReader } from "~/requests/report-access.server";
import { routeParam } from "~/utils/route-params";

// The decision report as a PDF, to print or keep with the accounts. It names panellists and
// staff, so it is never cached on the way.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireReportReader(request);
  const report = await decisionReport(routeParam(params, "eventId"));
  if (!report) throw notFound("There is no event at this address. It may have been typed wrongly.");
  const pdf = await renderDecisionReportPdf(reportView(report));
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${reportFileName(report, `${report.generatedAt.toISOString().slice(0, 10)}.pdf`)}"`,
      "Cache-Control": "no-store, private",
    },
  });
}
