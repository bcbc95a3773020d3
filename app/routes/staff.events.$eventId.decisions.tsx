import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AllocationTable } from "~/components/decision/allocation-table";
import { AwardOffers } from "~/components/decision/award-offers";
import { ConfirmDecisions } from "~/components/decision/confirm-decisions";
import { DecisionCard } from "~/components/decision/decision-card";
import type { DecisionDefaults } from "~/components/decision/decision-form";
import { decisionProblems, typedValue } from "~/components/decision/decision-problems";
import { DecisionsSummary } from "~/components/decision/decisions-summary";
import { ProblemSummary } from "~/components/decision/problem-summary";
import { RankingTable } from "~/components/decision/ranking-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { decisionsFormKey, decisionsPageView, type DecisionsActionData } from "~/domain/decisions-page";
import { decisionsFormSchema } from "~/domain/funder-forms";
import { can } from "~/domain/permissions";
import { offerAward } from "~/coordinators/payments/awards.server";
import { confirmEventDecisions } from "~/coordinators/checkpoints.server";
import { approveRuleException, recordDecision } from "~/models/decision.server";
import { decisionPage } from "~/models/funder-views.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// The funder's page at the end of the evening: the ranking with every number behind it, the
// proposed allocation step by step, and one form per bid to confirm the proposal or depart
// from it with a reason. "Confirm all decisions" closes the event and tells every group; then
// the funded bids get their award offers. Organisers and auditors read it without the forms.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Decisions: ${data?.event.title ?? "event"} – Pitchday` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "event:read");
  const page = await decisionPage(routeParam(params, "eventId"));
  if (!page) throw notFound("There is no event at this address. It may have been typed wrongly.");
  return decisionsPageView(page, {
    userId: user.id,
    mayDecide: can(user, "decision:make"),
    mayOffer: can(user, "award:issue"),
    search: new URL(request.url).searchParams,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "decision:make");
  const eventId = routeParam(params, "eventId");
  const here = `/staff/events/${eventId}/decisions`;
  const submission = parseForm(decisionsFormSchema, await readForm(request));
  if (!submission.ok) {
    return data<DecisionsActionData>({ form: decisionsFormKey(submission.values), errors: submission.errors, values: submission.values }, { status: 400 });
  }
  const form = submission.data;
  const refused = (message: string, errors: Record<string, string> = {}) =>
    data<DecisionsActionData>({ form: decisionsFormKey(submission.values), errors, values: submission.values, problem: message }, { status: 409 });

  if (form.intent === "decide") {
    const result = await recordDecision({ eventId, ...form }, user);
    if (!result.ok) return refused(result.message, result.errors as Record<string, string>);
    const notice = result.exception ? "exception" : result.isOverride ? "override" : "decided";
    return redirect(`${here}?notice=${notice}&bid=${encodeURIComponent(form.bidId)}#bid-${form.bidId}`);
  }
  if (form.intent === "approve-exception") {
    const result = await approveRuleException(eventId, form.decisionId, user);
    if (!result.ok) return refused(result.message);
    return redirect(`${here}?notice=approved&bid=${encodeURIComponent(result.bidId)}#bid-${result.bidId}`);
  }
  if (form.intent === "confirm") {
    const result = await confirmEventDecisions(eventId, user);
    if (!result.ok) return refused(result.message);
    return redirect(`${here}?notice=confirmed&funded=${result.funded}&notFunded=${result.notFunded}#awards`);
  }
  const issued = await offerAward(form.decisionId, { conditions: form.conditions }, user);
  if (!issued.ok) return refused(issued.message, issued.errors);
  return redirect(`/staff/awards/${issued.award.id}?notice=offered`);
}

export default function Decisions() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { event, rows, pot, rule } = page;
  const errorsFor = (key: string) => (result?.form === key ? result.errors : {});
  const typed = (key: string, name: string, fallback: string) => typedValue(result, key, name, fallback);
  const problems = decisionProblems(result, rows);
  const names = Object.fromEntries(rows.map((r) => [r.bidId, r.groupName]));

  return (
    <>
      <p>
        <Link to="/staff/awards">Awards and payments</Link>
      </p>
      {page.notice ? (
        <div className="notice notice--success" role="status">
          <p>{page.notice}</p>
        </div>
      ) : null}
      <ProblemSummary
        title={problems.length ? "There is a problem" : "That was not saved"}
        message={problems.length ? null : result?.problem}
        problems={problems}
      />

      <span className="caption">
        {page.fund.name}: {page.round.title}
      </span>
      <h1>Decisions: {event.title}</h1>
      <p>
        <strong className={event.state === "DECIDED" ? "tag tag--green" : "tag tag--yellow"}>{event.stateLabel}</strong>
      </p>
      {!page.mayDecide ? (
        <div className="notice">
          <p>You can read the ranking and the decisions. Only a funder can make or change them.</p>
        </div>
      ) : !page.open && event.state !== "DECIDED" ? (
        <div className="notice notice--warning">
          <p>Scoring for this event has not closed yet. The ranking below can still change; decisions open once the chair closes scoring.</p>
        </div>
      ) : null}

      <DecisionsSummary pot={pot} rule={rule} decided={rows.filter((r) => r.decision).length} total={rows.length} />

      <h2 id="ranking">Ranking</h2>
      <p>Bids short of the quorum are ranked after every bid that met it. Open a bid below to see every number behind its place.</p>
      <RankingTable rows={page.ranking} normalised={rule.normalised} audience={rule.audience} scaleMax={page.fund.scaleMax} />

      <h2 id="allocation">Proposed allocation</h2>
      <p>Bids in rank order, funded while the pot lasts under the round’s rule. It is a starting point: you decide each bid below.</p>
      <AllocationTable rows={page.allocation.rows} names={names} pot={pot.forEvent} total={page.allocation.total} remaining={page.allocation.remaining} />

      <h2 id="decisions">Decisions</h2>
      {rows.map((row) => {
        const key = `decide-${row.bidId}`;
        return (
          <DecisionCard
            key={row.bidId}
            row={row}
            editable={page.mayDecide && page.open && !row.confirmed}
            errors={errorsFor(key)}
            defaults={{
              outcome: typed(key, "outcome", row.defaults.outcome) as DecisionDefaults["outcome"],
              amount: typed(key, "amount", row.defaults.amount),
              overrideReason: typed(key, "overrideReason", row.defaults.overrideReason),
              feedback: typed(key, "feedback", row.defaults.feedback),
              departsFromRule: result?.form === key ? result.values.departsFromRule === "yes" : row.defaults.departsFromRule,
              ruleExceptionReason: typed(key, "ruleExceptionReason", row.defaults.ruleExceptionReason),
            }}
            exceptionFields={Boolean(row.decision?.exception) || (result?.form === key && ("departsFromRule" in result.errors || "ruleExceptionReason" in result.errors))}
          />
        );
      })}

      {page.mayDecide && page.open ? <ConfirmDecisions missing={page.missing} /> : null}

      {event.state === "DECIDED" ? <AwardOffers rows={rows} mayOffer={page.mayOffer} errorsFor={errorsFor} typed={typed} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
