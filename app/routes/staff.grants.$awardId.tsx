import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { ReportReviewForm } from "~/components/grant/report-review-form";
import { ReturnedMoneyForm } from "~/components/grant/returned-money-form";
import { returnedSchema, reviewSchema } from "~/domain/grant-report-forms";
import { GRANT_STATE_LABELS, grantState } from "~/domain/grant-state";
import { todayIn } from "~/domain/calendar-day";
import { formatMoney } from "~/domain/money";
import { ownWordsLang } from "~/domain/own-words";
import { can } from "~/domain/permissions";
import { grantById, grantFactsOf, recordReturnedMoney, reviewReport, spendOf } from "~/models/grant-report.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// One grant after the award: its report, spend against the budget, photos; the funder accepts
// the report or asks for more (emailed to the group), and records money sent back.

export const meta: MetaFunction = () => [{ title: "Grant – Pitchday" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "grant:read");
  const grant = await grantById(routeParam(params, "awardId"));
  if (!grant) throw notFound("We could not find that grant.");
  const money = (p: number) => formatMoney(p, grant.bid.round.fund.currency);
  const spend = spendOf(grant);
  const r = grant.report;
  return {
    id: grant.id,
    reference: grant.bid.reference,
    groupName: grant.bid.groupName,
    // why: the group's words (its name, budget lines, report) are marked lang="cy" when it wrote in Welsh.
    lang: ownWordsLang(grant.bid.language),
    state: GRANT_STATE_LABELS[grantState(grantFactsOf(grant), new Date())],
    canReview: can(user, "grant:review"),
    report: r ? { status: r.status, whatWasDone: r.whatWasDone, participants: r.participants, underspendNote: r.underspendNote, contact: [r.contactName, r.contactEmail, r.contactPhone].filter(Boolean).join(", "), funderMessage: r.funderMessage } : null,
    returned: money(r?.returnedPence ?? 0),
    rows: spend.rows.map((row) => ({ id: row.id, item: row.item, budget: money(row.amountPence), spent: money(row.spentPence), difference: money(row.differencePence) })),
    totals: { awarded: money(grant.amountPence), spent: money(spend.spentPence), underspend: money(spend.underspendPence), unreturned: money(spend.unreturnedPence) },
    photos: (r?.photos ?? []).map((p) => ({ id: p.id, caption: p.caption })),
  };
}

type ActionData = { form: "review" | "returned"; errors: Record<string, string>; values: Record<string, string | string[]>; problem?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "grant:review");
  const awardId = routeParam(params, "awardId");
  const grant = await grantById(awardId);
  if (!grant) throw notFound("We could not find that grant.");
  const form = await readForm(request);
  if (form.get("intent") === "returned") {
    const parsed = parseForm(returnedSchema(todayIn(new Date(), grant.bid.round.fund.timeZone)), form);
    if (!parsed.ok) return data<ActionData>({ form: "returned", errors: parsed.errors, values: parsed.values }, { status: 400 });
    const done = await recordReturnedMoney(awardId, parsed.data, user);
    if (!done.ok) return data<ActionData>({ form: "returned", errors: done.errors ?? {}, values: parsed.values, problem: done.message }, { status: 409 });
    return redirect(`/staff/grants/${awardId}?notice=returned`);
  }
  const parsed = parseForm(reviewSchema, form);
  if (!parsed.ok) return data<ActionData>({ form: "review", errors: parsed.errors, values: parsed.values }, { status: 400 });
  const done = await reviewReport(awardId, parsed.data, user);
  if (!done.ok) return data<ActionData>({ form: "review", errors: {}, values: parsed.values, problem: done.message }, { status: 409 });
  return redirect(`/staff/grants/${awardId}?notice=reviewed`);
}

export default function GrantPage() {
  const g = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (form: ActionData["form"]) => (result?.form === form ? result.errors : {});
  const typed = (name: string) => (typeof result?.values[name] === "string" ? (result.values[name] as string) : "");
  return (
    <>
      {result?.problem ? <div className="error-summary" role="alert" tabIndex={-1}><h2>Nothing was changed</h2><p>{result.problem}</p></div> : null}
      <ErrorSummary errors={result?.errors ?? {}} />
      <span className="caption" lang={g.lang}>
        {g.groupName}
      </span>
      <h1>Grant {g.reference}</h1>
      <p className="lead">State: {g.state}. Returned so far: {g.returned}.</p>
      <h2>Report</h2>
      {g.report?.whatWasDone ? (
        <dl className="summary-list">
          <dt>Status</dt><dd>{g.report.status.replace("_", " ").toLowerCase()}</dd>
          <dt>What was done</dt><dd className="pre-line" lang={g.lang}>{g.report.whatWasDone}</dd>
          <dt>People who took part</dt><dd>{g.report.participants ?? "–"}</dd>
          <dt>Anything not spent</dt><dd className="pre-line" lang={g.report.underspendNote ? g.lang : undefined}>{g.report.underspendNote || "–"}</dd>
          <dt>Contact for questions</dt><dd>{g.report.contact || "–"}</dd>
        </dl>
      ) : <p>The group has not written its report yet.</p>}
      <table className="table">
        <caption>Spend against the budget</caption>
        <thead><tr><th scope="col">Budget line</th><th scope="col">Budget</th><th scope="col">Spent</th><th scope="col">Difference</th></tr></thead>
        <tbody>{g.rows.map((row) => <tr key={row.id}><td lang={g.lang}>{row.item}</td><td>{row.budget}</td><td>{row.spent}</td><td>{row.difference}</td></tr>)}</tbody>
      </table>
      <p>Awarded {g.totals.awarded}; spent {g.totals.spent}; underspend {g.totals.underspend}, of which not yet returned {g.totals.unreturned}.</p>
      {g.photos.map((p, i) => <img key={p.id} src={`/staff/grants/${g.id}/photos/${p.id}`} alt={p.caption || `Photo ${i + 1} from the group`} width={240} />)}
      {g.canReview && g.report?.status === "SUBMITTED" ? <ReportReviewForm typed={typed} errors={errorsFor("review")} /> : null}
      {g.canReview ? <ReturnedMoneyForm typed={typed} errors={errorsFor("returned")} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
