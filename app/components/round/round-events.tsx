import { Link } from "@remix-run/react";
import type { RoundEventRow } from "~/domain/round-page";

// The round's pitch events, with the chair's controls and the big screen a click away while one
// runs, for those allowed them.

interface RoundEventsProps {
  roundId: string;
  events: RoundEventRow[];
  may: { readEvents: boolean; runEvents: boolean; manageEvents: boolean };
}

export function RoundEvents({ roundId, events, may }: RoundEventsProps) {
  return (
    <>
      <h2>Events</h2>
      {events.length === 0 ? (
        <p>No pitch event has been set up for this round yet.</p>
      ) : (
        <ul>
          {events.map((e) => (
            <li key={e.id}>
              {may.readEvents ? <Link to={`/staff/events/${e.id}`}>{e.title}</Link> : e.title}, {e.starts}{" "}
              <strong className="tag tag--grey">{e.state}</strong>
              {e.running && may.runEvents ? (
                <>
                  {" "}
                  <Link to={`/staff/events/${e.id}/control`}>
                    Chair&rsquo;s controls<span className="visually-hidden"> for {e.title}</span>
                  </Link>
                </>
              ) : null}
              {e.running && may.readEvents ? (
                <>
                  {" · "}
                  <Link to={`/screen/${e.id}`}>
                    Big screen<span className="visually-hidden"> for {e.title}</span>
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {may.manageEvents ? (
        <p>
          <Link to={`/staff/rounds/${roundId}/events/new`} className="button button--secondary">
            Set up a pitch event
          </Link>
        </p>
      ) : null}
    </>
  );
}
