import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FundedTable } from "~/components/results/funded-table";
import { formatMoney } from "~/domain/money";
import { formatDate } from "~/domain/zoned-time";
import { publicResults } from "~/models/public-results.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// The public results of one event, once they have been revealed in the room: the projects
// funded and how much each gets, the total, and what is left in the fund.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Results: ${data.title}` : "Results"} – Pitchday` },
  ...(data ? [{ name: "description", content: `${data.fundedCount} projects funded at ${data.title}, ${data.awarded} in all.` }] : []),
];

export async function loader({ params }: LoaderFunctionArgs) {
  const results = await publicResults(routeParam(params, "eventId"));
  if (!results) {
    throw notFound("There are no results to show here yet: results appear once they have been announced at the event.");
  }
  const { currency, timeZone } = results.round.fund;
  const money = (pence: number) => formatMoney(pence, currency);
  return {
    title: results.title,
    date: formatDate(results.startsAt, timeZone),
    venue: results.venue,
    round: results.round.title,
    fundName: results.round.fund.name,
    funder: results.round.fund.funderName,
    confirmed: results.confirmed,
    complete: results.revealComplete,
    pitched: results.pitched,
    fundedCount: results.funded.length,
    funded: results.funded.map((f) => ({
      reference: f.reference,
      group: f.groupName,
      project: f.projectTitle || `A project by ${f.groupName}`,
      summary: f.summary,
      area: f.area,
      amount: money(f.amountPence),
      partOf: f.outcome === "PART_FUNDED" && f.requestedPence !== null ? money(f.requestedPence) : null,
    })),
    awarded: money(results.awardedPence),
    pot: money(results.potPence),
    remaining: results.remainingPence === null ? null : money(results.remainingPence),
  };
}

export default function EventResults() {
  const r = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/results">All results</Link>
      </p>
      <span className="hint">
        {r.round}, funded by {r.funder}
      </span>
      <h1>Results: {r.title}</h1>
      <p className="lead">
        {r.date}, {r.venue}. {r.pitched} {r.pitched === 1 ? "group" : "groups"} pitched
        {r.confirmed ? `; ${r.fundedCount} ${r.fundedCount === 1 ? "project was" : "projects were"} funded.` : "."}
      </p>
      {!r.confirmed ? (
        <div className="notice" role="status">
          <p>The funder is still confirming the decisions. The projects funded will be listed here once they have.</p>
        </div>
      ) : !r.complete ? (
        <div className="notice" role="status">
          <p>The awards are being announced at the event. Each project funded is listed here once it has been revealed in the hall.</p>
        </div>
      ) : null}

      {r.confirmed ? (
        <section aria-labelledby="funded">
          <h2 id="funded">Projects funded</h2>
          {r.funded.length === 0 ? (
            <p>{r.complete ? "No projects were funded at this event." : "No awards have been revealed yet."}</p>
          ) : (
            <FundedTable title={r.title} funded={r.funded} complete={r.complete} awarded={r.awarded} />
          )}
        </section>
      ) : null}

      <section aria-labelledby="pot">
        <h2 id="pot">The fund</h2>
        <dl className="summary">
          <div>
            <dt>{r.fundName}</dt>
            <dd>{r.pot} in all</dd>
          </div>
          <div>
            <dt>Left in the fund</dt>
            <dd className="results-total">{r.remaining ?? "Announced at the end of the awards"}</dd>
          </div>
        </dl>
        <p className="hint">What is left includes money set aside for every event&rsquo;s decisions so far, not only this one.</p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <div className="error-page">
        <h1>No results here yet</h1>
        <p>
          Results appear on this page once they have been announced at the event. If the event is tonight, check back
          after the announcement.
        </p>
        <p>
          <Link to="/results">See the results already announced</Link>
        </p>
      </div>
    );
  }
  return <GeneralErrorBoundary />;
}
