// Human references for bids, e.g. PD-2026-0042: what a group quotes on the phone and in email.
// Numbers run on per calendar year (in the fund's time zone); the counter lives in the database.

const PREFIX = "PD";

export function formatReference(year: number, sequence: number) {
  return `${PREFIX}-${year}-${String(sequence).padStart(4, "0")}`;
}

/** The year a reference allocated at `now` belongs to, as the fund's office sees the calendar. */
export function referenceYear(now: Date, timeZone: string) {
  return Number(new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric" }).format(now));
}

const TYPED = /^PD[\s-]*(\d{4})[\s-]*(\d{1,6})$/;

/**
 * Reads a reference as a person might type it ("pd-2026-42", "PD 2026 0042") and returns the
 * canonical form, or null when it cannot be one of ours.
 */
export function normaliseReference(input: string): string | null {
  const match = TYPED.exec(input.trim().toUpperCase());
  if (!match) return null;
  return formatReference(Number(match[1]), Number(match[2]));
}
