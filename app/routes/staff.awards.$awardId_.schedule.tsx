import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ScheduleForm } from "~/components/award/schedule-form";
import { ScheduleTable } from "~/components/award/schedule-table";
import { ProblemSummary } from "~/components/decision/problem-summary";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { todayIn } from "~/domain/calendar-day";
import { instalmentProgress, scheduleOf, scheduleView } from "~/domain/instalments";
import { formatMoney } from "~/domain/money";
import { getAward } from "~/models/award.server";
import { saveSchedule } from "~/models/instalment.server";
import { requirePermission } from "~/requests/auth.server";
import { formValues } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// The award's payment schedule: split it into instalments with planned days and amounts (each
// paid, and approved by a second funder, on the award's page). Funders only; audited.

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `Payment schedule for ${d.reference} – Pitchday` : "Payment schedule – Pitchday" },
];

const MISSING = "There is no award at this address. It may have been typed wrongly.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "payment:request");
  const award = await getAward(routeParam(params, "awardId"));
  if (!award) throw notFound(MISSING);
  const { currency } = award.bid.round.fund;
  const schedule = scheduleView(instalmentProgress(scheduleOf(award.amountPence, award.instalments), award.payments), currency);
  const editable = (award.status === "OFFERED" || award.status === "ACCEPTED") && schedule.rows.some((r) => !r.fixed);
  return {
    awardId: award.id,
    reference: award.bid.reference,
    groupName: award.bid.groupName,
    amount: formatMoney(award.amountPence, currency),
    schedule,
    editable,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "payment:request");
  const awardId = routeParam(params, "awardId");
  const award = await getAward(awardId);
  if (!award) throw notFound(MISSING);
  const values = formValues(await readForm(request));
  const done = await saveSchedule(awardId, values, user, todayIn(new Date(), award.bid.round.fund.timeZone));
  if (done.ok) return redirect(`/staff/awards/${awardId}?notice=${done.unchanged ? "schedule-unchanged" : "schedule"}#schedule`);
  const typed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  return data({ message: done.message, errors: done.errors ?? {}, values: typed }, { status: done.errors ? 400 : 409 });
}

export default function PaymentSchedulePage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const problems = Object.entries(errors).map(([target, message]) => ({ target, message }));
  return (
    <>
      <p>
        <Link to={`/staff/awards/${page.awardId}`}>Back to the award</Link>
      </p>
      <span className="caption">
        Award for {page.reference} {page.groupName}
      </span>
      <h1>Payment schedule</h1>
      <ProblemSummary message={problems.length ? null : result?.message} problems={problems} />
      <ScheduleTable schedule={page.schedule} caption={`The schedule now (${page.amount} in all)`} />
      {page.editable ? (
        <>
          <h2>Change the schedule</h2>
          <p>Each instalment is paid on the award’s page when it is due, and each needs a second funder’s approval.</p>
          <ScheduleForm schedule={page.schedule} award={page.amount} errors={errors} values={result?.values ?? null} />
        </>
      ) : (
        <p>Every instalment is paid or being paid, or the award is closed, so the schedule can no longer change.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
