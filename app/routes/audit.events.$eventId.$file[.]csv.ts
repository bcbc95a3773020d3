import type { LoaderFunctionArgs } from "@remix-run/node";
import { reportFileName } from "~/domain/decision-report";
import { isReportCsvFile, reportCsv } from "~/domain/decision-report-csv";
import { decisionReport } from "~/models/decision-report.server";
import { notFound } from "~/utils/http.server";
import { requireReportReader } from "~/requests/report-access.server";
import { routeParam } from "~/utils/route-params";

// The decision report's tables as spreadsheets: scores.csv (every sheet version),
// decisions.csv (each decision beside its proposal) and payments.csv (who asked, who approved).

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireReportReader(request);
  const file = params.file;
  if (!isReportCsvFile(file)) throw notFound("There is no such file. The report offers scores.csv, decisions.csv and payments.csv.");
  const report = await decisionReport(routeParam(params, "eventId"));
  if (!report) throw notFound("There is no event at this address. It may have been typed wrongly.");
  // why the byte-order mark: Excel reads the file as UTF-8 only with it (names like "Zoë").
  return new Response(`\uFEFF${reportCsv(report, file)}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${reportFileName(report, `${file}.csv`)}"`,
      "Cache-Control": "no-store, private",
    },
  });
}
