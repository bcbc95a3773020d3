import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatMoney } from "~/domain/money";
import { formatDate } from "~/domain/zoned-time";
import { revealedEvents } from "~/models/public-results.server";

export const meta: MetaFunction = () => [
  { title: "Results of pitch events – Pitchday" },
  { name: "description", content: "Which local projects were funded at each pitch event, and for how much." },
];

export async function loader() {
  const events = await revealedEvents();
  return {
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      date: formatDate(e.startsAt, e.round.fund.timeZone),
      venue: e.venue,
      round: e.round.title,
      funder: e.round.fund.funderName,
      funded: e.funded,
      awarded: formatMoney(e.awardedPence, e.round.fund.currency),
    })),
  };
}

export default function Results() {
  const { events } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Results of pitch events</h1>
      <p className="lead">Which projects were funded at each event, and for how much. Results appear here once they have been announced in the room.</p>
      {events.length === 0 ? (
        <p>No results have been announced yet.</p>
      ) : (
        <ul className="cards">
          {events.map((e) => (
            <li key={e.id} className="card">
              <h2>
                <Link to={`/results/${e.id}`}>{e.title}</Link>
              </h2>
              <p>
                {e.date}, {e.venue}
                <span className="hint">
                  {e.round}, funded by {e.funder}
                </span>
              </p>
              <p>
                {e.funded === 0 ? "No projects funded yet" : `${e.funded} ${e.funded === 1 ? "project" : "projects"} funded, ${e.awarded} in all`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
