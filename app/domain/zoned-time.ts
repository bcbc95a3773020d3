// Wall-clock times in a named time zone (a fund's, e.g. Europe/London) and the UTC instants
// they stand for, using Intl only. Forms send `datetime-local` values ("2027-03-01T09:00")
// that mean the fund's local time, whatever zone the server or browser is in.

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const part of partsIn(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") out[part.type] = Number(part.value);
  }
  return out as unknown as WallClock;
}

/** How far the zone's clocks are ahead of UTC at that instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || !/^[A-Za-z0-9_+\-/]+$/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function two(n: number) {
  return String(n).padStart(2, "0");
}

/**
 * The UTC instant of a wall-clock time in `timeZone`, or null when the text is not a date and
 * time, or names a time that never happens there (the hour skipped when the clocks go forward).
 */
export function zonedToUtc(local: string, timeZone: string): Date | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  // why: the offset depends on the instant we are looking for; two passes settle it,
  // including at the edges of summer time.
  let guess = asUtc - offsetAt(asUtc, timeZone);
  guess = asUtc - offsetAt(guess, timeZone);
  const back = wallClock(new Date(guess), timeZone);
  const same =
    back.year === year &&
    back.month === month &&
    back.day === day &&
    back.hour === hour &&
    back.minute === minute &&
    back.second === second;
  return same ? new Date(guess) : null;
}

/** The value for a `datetime-local` input showing `instant` in `timeZone`: "2027-03-01T09:00". */
export function utcToLocalInput(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function display(timeZone: string, withTime: boolean) {
  const key = `${timeZone}:${withTime}`;
  let f = displayFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      day: "numeric",
      month: "long",
      year: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
    });
    displayFormatters.set(key, f);
  }
  return f;
}

/** "1 March 2027 at 09:00" in the given zone. */
export function formatDateTime(instant: Date, timeZone: string): string {
  return display(timeZone, true).format(instant);
}

/** "1 March 2027" in the given zone. */
export function formatDate(instant: Date, timeZone: string): string {
  return display(timeZone, false).format(instant);
}

/** "2027-03-01 09:00" in the given zone, for spreadsheets. */
export function formatSortableDateTime(instant: Date, timeZone: string): string {
  return utcToLocalInput(instant, timeZone).replace("T", " ");
}
