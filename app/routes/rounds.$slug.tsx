import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HowJudged } from "~/components/public-round/how-judged";
import { LostLinkForm, type LinkRequestResult } from "~/components/public-round/lost-link-form";
import { roundPhase } from "~/domain/bid";
import { linkRequestSchema } from "~/domain/bid-requests";
import { formatWeekdayDateTime } from "~/domain/bid-dates";
import { formatMoney } from "~/domain/money";
import { describeRoundRule } from "~/domain/rule-summary";
import { findPublicRound, reissueLink, takeIntakeAttempt } from "~/models/bid.server";
import { parseForm } from "~/utils/forms";
import { clientAddress } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `${d.round.title} – Pitchday` : "Funding round – Pitchday" },
];

async function requireRound(slug: string | undefined) {
  const round = slug ? await findPublicRound(slug) : null;
  if (!round) throw new Response("We could not find that funding round. See the list of rounds that are open.", { status: 404 });
  return round;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const round = await requireRound(routeParam(params, "slug", "slug"));
  const now = new Date();
  const { fund } = round;
  return {
    round: {
      slug: round.slug,
      title: round.title,
      description: round.description,
      eligibility: round.eligibility,
      phase: roundPhase(round, now),
      opens: formatWeekdayDateTime(round.opensAt, fund.timeZone),
      closes: formatWeekdayDateTime(round.closesAt, fund.timeZone),
      min: formatMoney(fund.minAwardPence, fund.currency),
      max: formatMoney(fund.maxAwardPence, fund.currency),
      fundName: fund.name,
      funder: fund.funderName,
      rule: describeRoundRule({ ...round, fund }),
      criteria: round.criteria.map((c) => ({ id: c.id, name: c.name, guidance: c.guidance, weight: c.weight })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const round = await requireRound(routeParam(params, "slug", "slug"));
  const formData = await readForm(request);
  const parsed = parseForm(linkRequestSchema, formData);
  const values = { email: String(parsed.values.email ?? ""), reference: String(parsed.values.reference ?? "") };
  if (!parsed.ok) return data<LinkRequestResult>({ sent: false, errors: parsed.errors, values, formError: null }, { status: 400 });
  // A form a person cannot see was filled in: a robot. It gets the same answer as anyone.
  if (formData.get("website")) return { sent: true, errors: {}, values: { email: "", reference: "" }, formError: null };
  const limited = await takeIntakeAttempt("link", clientAddress(request));
  if (limited) return data<LinkRequestResult>({ sent: false, errors: {}, values, formError: limited }, { status: 429 });
  await reissueLink({ slug: round.slug, email: parsed.data.email, reference: parsed.data.reference });
  return { sent: true, errors: {}, values: { email: "", reference: "" }, formError: null };
}

export default function RoundPage() {
  const { round } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/rounds">All funding rounds</Link>
      </p>
      <h1>{round.title}</h1>
      <p>
        {round.phase === "open" ? (
          <span className="tag tag--green">Open for bids</span>
        ) : round.phase === "upcoming" ? (
          <span className="tag tag--yellow">Opening soon</span>
        ) : (
          <span className="tag tag--grey">Closed</span>
        )}
      </p>
      {round.description ? <p className="lead">{round.description}</p> : null}

      <h2>Key dates</h2>
      <dl className="summary">
        <div>
          <dt>Opens for bids</dt>
          <dd>{round.opens}</dd>
        </div>
        <div>
          <dt>Closes for bids</dt>
          <dd>{round.closes}</dd>
        </div>
      </dl>

      <h2>How much you can ask for</h2>
      <p>
        Between <strong>{round.min}</strong> and <strong>{round.max}</strong> from {round.fundName}, funded by{" "}
        {round.funder}. Your budget must add up exactly to the amount you ask for.
      </p>

      {round.eligibility ? (
        <>
          <h2>Who can apply</h2>
          <p className="pre-line">{round.eligibility}</p>
        </>
      ) : null}

      <HowJudged rule={round.rule} criteria={round.criteria} />

      <h2>Apply</h2>
      {round.phase === "open" ? (
        <>
          <p>
            The bid is one page. You can save it as a draft and come back to it with a private link we email you.
            You can change it until the round closes.
          </p>
          <p>
            <Link to={`/rounds/${round.slug}/apply`} className="button">
              Start your bid
            </Link>
          </p>
        </>
      ) : round.phase === "upcoming" ? (
        <p>This round is not open yet. You can start a bid from {round.opens}.</p>
      ) : (
        <p>This round closed on {round.closes} and no longer takes bids.</p>
      )}

      <LostLinkForm slug={round.slug} result={result} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
