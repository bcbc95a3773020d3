import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CriteriaTable } from "~/components/criteria-table";
import { ReportAudit } from "~/components/decision-report/report-audit";
import { ReportAwards } from "~/components/decision-report/report-awards";
import { ReportDecisions } from "~/components/decision-report/report-decisions";
import { ReportFindings } from "~/components/decision-report/report-findings";
import { ReportHeading } from "~/components/decision-report/report-heading";
import { ReportPanel } from "~/components/decision-report/report-panel";
import { ReportPayments } from "~/components/decision-report/report-payments";
import { ReportRanking } from "~/components/decision-report/report-ranking";
import { ReportSheets } from "~/components/decision-report/report-sheets";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { reportView } from "~/domain/decision-report-view";
import { can } from "~/domain/permissions";
import { decisionReport } from "~/models/decision-report.server";
import { requireReportReader } from "~/requests/report-access.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// The decision report of one event, read-only: the answers first (findings), then the facts
// behind them in the order things happened. The PDF and the CSVs say the same from the same view.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.view.heading ?? "Decision report"} – Pitchday` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireReportReader(request);
  const report = await decisionReport(routeParam(params, "eventId"));
  if (!report) throw notFound("There is no event at this address. It may have been typed wrongly.");
  return { eventId: report.event.id, view: reportView(report), canReadLog: can(user, "audit:read") };
}

export default function DecisionReportPage() {
  const { eventId, view, canReadLog } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/audit/events">All decision reports</Link>
      </p>
      <ReportHeading view={view} base={`/audit/events/${eventId}`} />
      <ReportFindings findings={view.findings} money={view.money} />
      <section aria-labelledby="rule">
        <h2 id="rule">The rule declared before the event</h2>
        <ul>
          {view.rule.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <CriteriaTable criteria={view.criteria} caption="Criteria" />
      </section>
      <ReportPanel panel={view.panel} conflicts={view.conflicts} />
      <ReportRanking ranking={view.ranking} />
      <ReportDecisions decisions={view.decisions} />
      <ReportAwards awards={view.awards} />
      <ReportPayments payments={view.payments} />
      <ReportSheets sheets={view.sheets} />
      <ReportAudit audit={view.audit} eventId={eventId} canReadLog={canReadLog} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
