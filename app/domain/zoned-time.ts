import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

// Wall-clock times in a named time zone (a fund's, e.g. Europe/London) and the UTC instants
// they stand for. Forms send `datetime-local` values ("2027-03-01T09:00") that mean the fund's
// local time, whatever zone the server or the browser is in.

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || !/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}

// why a space is accepted too: browsers without a date-time picker show a plain text box.
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm";

/**
 * The UTC instant of a wall-clock time in `timeZone`, or null when the text is not a date and
 * time, or names a time that never happens there (the hour skipped when the clocks go forward).
 */
export function zonedToUtc(local: string, timeZone: string): Date | null {
  const text = local.trim();
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0));
  const zoned = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  // why: TZDate quietly rolls 30 February into March and 01:30 on the morning the clocks go
  // forward into 02:30; reading the result back in the zone shows whether it was a real time.
  const back = format(zoned, "yyyy-MM-dd'T'HH:mm:ss");
  if (back !== `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}`) return null;
  return new Date(zoned.getTime());
}

/** The value for a `datetime-local` input showing `instant` in `timeZone`: "2027-03-01T09:00". */
export function utcToLocalInput(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), INPUT_FORMAT);
}

/** "1 March 2027 at 09:00" in the given zone. */
export function formatDateTime(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "d MMMM yyyy 'at' HH:mm");
}

/** "1 March 2027" in the given zone. */
export function formatDate(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "d MMMM yyyy");
}

/** "2027-03-01 09:00" in the given zone, for spreadsheets. */
export function formatSortableDateTime(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd HH:mm");
}
