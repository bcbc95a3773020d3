import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgreeCheckbox } from "~/components/agree-checkbox";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, TextField } from "~/components/forms";
import { formatMoney } from "~/domain/money";
import { acceptSchema } from "~/domain/award-acceptance";
import { formatDate } from "~/domain/zoned-time";
import { acceptAward, awardForBid } from "~/models/award.server";
import { requireBidByToken } from "~/models/bid.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";

// "Accept the conditions": someone who can sign for the group reads the conditions, types
// their name and confirms, through the group's private link. The acceptance is recorded with
// that name and the time; the funder can then arrange the payment.

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `Accept the award for ${d.reference} – Pitchday` : "Accept the award – Pitchday" },
  { name: "robots", content: "noindex, nofollow" },
];

const NO_AWARD = "There is no award to accept for this bid.";

export async function loader({ params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(params.token);
  const award = await awardForBid(bid.id);
  if (!award || award.status === "CANCELLED") throw notFound(NO_AWARD);
  const { currency, timeZone } = bid.round.fund;
  return {
    token: params.token as string,
    reference: bid.reference,
    groupName: bid.groupName,
    funderName: bid.round.fund.funderName,
    amount: formatMoney(award.amountPence, currency),
    conditions: award.conditions,
    accepted: award.acceptedAt ? { by: award.acceptedBy ?? "", on: formatDate(award.acceptedAt, timeZone) } : null,
  };
}

type ActionData = { errors: Record<string, string>; values: Record<string, string | string[]>; problem?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const submission = parseForm(acceptSchema, await readForm(request));
  if (!submission.ok) return data<ActionData>({ errors: submission.errors, values: submission.values }, { status: 400 });
  const result = await acceptAward(token, submission.data);
  if (!result.ok) return data<ActionData>({ errors: result.errors ?? {}, values: submission.values, problem: result.message }, { status: 409 });
  return redirect(`/bid/${token}?notice=accepted#award`);
}

export default function AcceptAward() {
  const { token, reference, groupName, funderName, amount, conditions, accepted } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const typed = (name: string) => (typeof result?.values[name] === "string" ? (result.values[name] as string) : "");
  const back = `/bid/${token}`;

  if (accepted) {
    return (
      <>
        <span className="caption">Bid {reference}</span>
        <h1>The conditions have been accepted</h1>
        <p className="lead">
          {accepted.by} accepted the conditions of the award for {groupName} on {accepted.on}.
        </p>
        <p>
          <Link to={back}>Back to your bid</Link>
        </p>
      </>
    );
  }

  return (
    <>
      {result?.problem && Object.keys(errors).length === 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>The conditions were not accepted</h2>
          <p>{result.problem}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={{ signedName: "Your name", agree: "Confirmation" }} />
      <span className="caption">Bid {reference}</span>
      <h1>Accept the conditions of your award</h1>
      <p className="lead">
        {funderName} offers {groupName} an award of {amount}, on these conditions:
      </p>
      <div className="notice conditions pre-line">{conditions}</div>
      <Form method="post">
        <TextField
          name="signedName"
          label="Your full name"
          hint="You must be able to sign for the group, for example its chair, secretary or treasurer."
          autoComplete="name"
          defaultValue={typed("signedName")}
          error={errors.signedName}
        />
        <AgreeCheckbox id="field-agree" name="agree" error={errors.agree} defaultChecked={typed("agree") === "yes"}>
          I can sign for {groupName}, and the group accepts these conditions
        </AgreeCheckbox>
        <div className="button-group">
          <button type="submit" className="button">
            Accept the conditions
          </button>
          <Link to={back}>Back to your bid</Link>
        </div>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
