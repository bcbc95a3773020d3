import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckpointHeads } from "~/components/results/checkpoint-heads";
import { checkpointReason } from "~/domain/checkpoint-auto";
import { formatMoney } from "~/domain/money";
import { formatDate, formatDateTime } from "~/domain/zoned-time";
import { checkpointHeads } from "~/models/checkpoint.server";
import { revealedEvents } from "~/models/public-results.server";

export const meta: MetaFunction = () => [
  { title: "Results of pitch events – Pitchday" },
  { name: "description", content: "Which local projects were funded at each pitch event, and for how much." },
];

// why this zone: the audit pages show checkpoint times in it too.
const CHECKPOINT_TIME_ZONE = "Europe/London";

export async function loader() {
  const [events, heads] = await Promise.all([revealedEvents(), checkpointHeads()]);
  return {
    heads: heads.map((h) => ({ seq: h.seq, hash: h.hash, at: formatDateTime(h.createdAt, CHECKPOINT_TIME_ZONE), reason: checkpointReason(h.triggers) })),
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
  const { events, heads } = useLoaderData<typeof loader>();
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
      <CheckpointHeads heads={heads} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
