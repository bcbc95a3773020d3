import type { PaperStatus } from "~/domain/ballot";

// What the paper votes page works out for each pitch: each count in words, whether this
// organiser may enter (or correct) a count or settle a difference, and a refused form's values
// put back where they were typed. Pure: the page passes the rows and the action's answer.
//
// Interface:
//   paperEntryText(entry)                 -> "12 (you)" | "12 (another organiser)" | "Not entered"
//   paperRowActions(row, open)            -> { mine, canEnter, canResolve }
//   paperPosted(posted, bidId, intent)    -> { errors, count, note } for that pitch's form
//   paperSummaryErrors(posted)            -> the error summary's entries, keyed by the field's id

export interface PaperEntry {
  count: number;
  /** Entered by whoever is looking at the page. */
  yours: boolean;
}

export interface PaperRowState {
  status: PaperStatus;
  first: PaperEntry | null;
  second: PaperEntry | null;
}

/** What the paper action answers when a count is refused. */
export interface PaperActionResult {
  bidId: string;
  intent: string;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
}

export function paperEntryText(entry: PaperEntry | null): string {
  if (!entry) return "Not entered";
  return `${entry.count} (${entry.yours ? "you" : "another organiser"})`;
}

/** `open`: the event is live or scoring has closed (paper votes are entered until decisions). */
export function paperRowActions(row: PaperRowState, open: boolean) {
  const mine = Boolean(row.first?.yours || row.second?.yours);
  return {
    mine,
    // why: two different people count; a third may not, but either counter may correct theirs.
    canEnter: open && row.status !== "RESOLVED" && (mine || !row.first || !row.second),
    canResolve: open && row.status === "MISMATCH",
  };
}

export function paperPosted(posted: PaperActionResult | undefined, bidId: string, intent: "enter" | "resolve") {
  const here = posted?.bidId === bidId;
  const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");
  return {
    errors: here && posted?.intent === intent ? posted.errors : {},
    count: here && posted?.intent === intent ? text(posted.values.count) : "",
    note: here ? text(posted?.values.note) : "",
  };
}

export function paperSummaryErrors(posted: PaperActionResult | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  if (posted) {
    for (const [name, message] of Object.entries(posted.errors)) errors[`${posted.intent}-${name}-${posted.bidId}`] = message;
  }
  return errors;
}
