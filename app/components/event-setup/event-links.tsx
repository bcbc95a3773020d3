import { Link } from "@remix-run/react";

/** Where the organiser goes from setup: the chair's controls, the big screen, tickets, ballots, decisions. */
export function EventLinks({ eventId, canRun }: { eventId: string; canRun: boolean }) {
  return (
    <ul className="event-links">
      {canRun ? (
        <li>
          <Link to={`/staff/events/${eventId}/control`} className="button">
            Open the chair’s controls
          </Link>
        </li>
      ) : null}
      <li>
        <Link to={`/screen/${eventId}`} className="button button--secondary" target="_blank" rel="noopener">
          Open the big screen<span className="visually-hidden"> (opens in a new tab)</span>
        </Link>
      </li>
      <li>
        <Link to={`/staff/events/${eventId}/tickets`}>Audience tickets</Link>
      </li>
      <li>
        <Link to={`/staff/events/${eventId}/paper`}>Paper ballots</Link>
      </li>
      <li>
        <Link to={`/staff/events/${eventId}/decisions`}>Ranking and decisions</Link>
      </li>
    </ul>
  );
}
