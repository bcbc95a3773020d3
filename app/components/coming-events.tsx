import { Link } from "@remix-run/react";
import { screenPath } from "~/components/live/links";
import { EVENT_STATE_LABELS } from "~/domain/event-machine";
import type { ComingEvent } from "~/domain/staff-events";

// Staff home's "Today and coming up": each event one click from the chair's controls (for
// those who may run it), the big screen and its projector view.

type Shown = Omit<ComingEvent, "startsAt"> & { startsAt: string | Date };

export function ComingEvents({ events, canRun }: { events: Shown[]; canRun: boolean }) {
  return (
    <section aria-labelledby="coming-events">
      <h2 id="coming-events">Today and coming up</h2>
      {events.length === 0 ? (
        <p>There are no events today or coming up.</p>
      ) : (
        <ul className="cards">
          {events.map((event) => (
            <li key={event.id} className="card">
              <h3>{event.title}</h3>
              <p>
                {event.when}, {event.venue} <strong className={event.state === "LIVE" ? "tag tag--green" : "tag"}>{EVENT_STATE_LABELS[event.state]}</strong>
              </p>
              <ul className="event-links">
                {canRun ? (
                  <li>
                    <Link to={`/staff/events/${event.id}/control`} className="button">
                      Chair’s controls<span className="visually-hidden"> for {event.title}</span>
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Link to={screenPath(event.id)} className="button button--secondary">
                    Big screen<span className="visually-hidden"> for {event.title}</span>
                  </Link>
                </li>
                <li>
                  <Link to={screenPath(event.id, "projector")} className="button button--secondary">
                    Projector view<span className="visually-hidden"> for {event.title}</span>
                  </Link>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
