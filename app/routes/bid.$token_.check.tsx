import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BidSummary } from "~/components/bid-summary";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Choices, ErrorSummary, fieldId } from "~/components/forms";
import { bidAccess } from "~/domain/bid";
import { declarationSchema } from "~/domain/bid-requests";
import { formatWeekdayDateTime } from "~/domain/bid-dates";
import { bidAnswers, requireBidByToken, submissionProblems, submitBid, takeIntakeAttempt } from "~/models/bid.server";
import { parseForm } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `Check your answers: ${d.reference} – Pitchday` : "Check your answers – Pitchday" },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(params.token);
  if (bid.status !== "DRAFT") throw redirect(`/bid/${params.token}`);
  const now = new Date();
  const access = bidAccess(bid, bid.round, now);
  return {
    token: params.token as string,
    reference: bid.reference,
    closes: formatWeekdayDateTime(bid.round.closesAt, bid.round.fund.timeZone),
    lockedReason: access.canSubmit ? null : access.lockedReason,
    answers: bidAnswers(bid),
    problems: submissionProblems(bid, now),
  };
}

type ActionResult = { errors: Record<string, string>; problems: Record<string, string>; formError: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const parsed = parseForm(declarationSchema, await readForm(request));
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, problems: {}, formError: null }, { status: 400 });
  const limited = await takeIntakeAttempt("submit", clientAddress(request));
  if (limited) return data<ActionResult>({ errors: {}, problems: {}, formError: limited }, { status: 429 });
  const result = await submitBid({ token });
  if (result.ok) throw redirect(`/bid/${token}/submitted`);
  if (result.kind === "invalid") return data<ActionResult>({ errors: {}, problems: result.errors, formError: null }, { status: 400 });
  if (result.kind === "locked" || result.kind === "closed") {
    return data<ActionResult>({ errors: {}, problems: {}, formError: result.message }, { status: 409 });
  }
  throw new Response("We could not find a bid for this link.", { status: 404 });
}

const DECLARATION =
  "I confirm that the information in this bid is true and complete, that I am authorised to apply on behalf of the group, and that the group will spend any grant on the project described.";

export default function CheckAnswers() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const edit = `/bid/${loaded.token}/edit`;
  const problems = Object.entries(result?.problems && Object.keys(result.problems).length ? result.problems : loaded.problems);

  if (loaded.lockedReason) {
    return (
      <>
        <h1>This bid can no longer be submitted</h1>
        <p className="lead">{loaded.lockedReason}</p>
        <p>
          <Link to={`/bid/${loaded.token}`}>See where your bid {loaded.reference} stands</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <p>
        <Link to={edit}>Back to your bid</Link>
      </p>
      <span className="caption">Bid {loaded.reference}</span>
      <h1>Check your answers before you submit</h1>
      {result?.formError ? (
        <div className="notice notice--warning" role="alert">
          <p>{result.formError}</p>
        </div>
      ) : null}
      {problems.length > 0 ? (
        <div className="error-summary" role="alert" aria-labelledby="problems-title" tabIndex={-1}>
          <h2 id="problems-title">Your bid is not ready to submit</h2>
          <ul>
            {problems.map(([field, message]) => (
              <li key={field}>
                <a href={`${edit}#${fieldId(field)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorSummary errors={result?.errors ?? {}} />
      )}

      <h2>Your answers</h2>
      <BidSummary answers={loaded.answers} changeHref={edit} />

      {problems.length === 0 ? (
        <>
          <h2>Now send your bid</h2>
          <p>
            By submitting this bid you are confirming that, to the best of your knowledge, the details you are
            providing are correct. You can still change your bid until {loaded.closes}.
          </p>
          <Form method="post" noValidate>
            <Choices
              name="declaration"
              type="checkbox"
              legend="Declaration"
              error={result?.errors?.declaration}
              choices={[{ value: "confirmed", label: DECLARATION }]}
            />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Submit bid
            </button>
          </Form>
        </>
      ) : (
        <p>
          <Link to={edit} className="button">
            Go back and finish your bid
          </Link>
        </p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
