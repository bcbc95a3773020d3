import type { EventState } from "./event-machine";
import { formatDateTime, formatSortableDateTime } from "./zoned-time";

// Which events staff see on their home page: today's and those to come, one click from the
// chair's controls and the big screen. "Today" is the day in the fund's own time zone; an event
// still live stays listed past midnight, and a decided one drops off.

export interface EventListing {
  id: string;
  title: string;
  startsAt: Date;
  venue: string;
  state: EventState;
  timeZone: string;
}

export interface ComingEvent extends EventListing {
  /** "Today at 19:00" or "1 March 2027 at 19:00", in the fund's time zone. */
  when: string;
}

const day = (instant: Date, timeZone: string) => formatSortableDateTime(instant, timeZone).slice(0, 10);

export function comingEvents(events: readonly EventListing[], now: Date): ComingEvent[] {
  return events
    .filter((event) => event.state === "LIVE" || (event.state !== "DECIDED" && day(event.startsAt, event.timeZone) >= day(now, event.timeZone)))
    .sort((a, b) => Number(b.state === "LIVE") - Number(a.state === "LIVE") || a.startsAt.getTime() - b.startsAt.getTime())
    .map((event) => {
      const today = day(event.startsAt, event.timeZone) === day(now, event.timeZone);
      const at = formatDateTime(event.startsAt, event.timeZone);
      return { ...event, when: today ? `Today at ${at.slice(at.lastIndexOf(" ") + 1)}` : at };
    });
}
