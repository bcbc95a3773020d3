import { NOTE_MAX } from "~/domain/checkpoint";

// Checkpoints Pitchday takes by itself. A checkpoint taken only by hand leaves the tail of the
// log unprotected until someone remembers: rows cut off after the newest one, or the whole tail
// cut with the stored checkpoints deleted, would pass `npm run audit:verify`. So the moments an
// auditor cares most about (decisions confirmed, awards revealed, money paid) each call for one,
// and each is emailed to the auditors and listed on /results, so a copy lives outside the database.

export const CHECKPOINT_TRIGGERS = ["decisions_confirmed", "awards_revealed", "payment_made"] as const;
export type CheckpointTrigger = (typeof CHECKPOINT_TRIGGERS)[number];

export const TRIGGER_WORDS: Record<CheckpointTrigger, string> = {
  decisions_confirmed: "Decisions confirmed",
  awards_revealed: "Awards revealed",
  payment_made: "Payment made",
};

/** How an entry in AuditCheckpoint.triggers reads; an unknown one as stored. */
export function triggerWords(trigger: string): string {
  return (TRIGGER_WORDS as Record<string, string>)[trigger] ?? trigger;
}

/** How a checkpoint came to be taken, to follow "taken": "after decisions confirmed and payment made", or "by hand". */
export function checkpointReason(triggers: readonly string[]): string {
  return triggers.length === 0 ? "by hand" : `after ${triggers.map((t) => triggerWords(t).toLowerCase()).join(" and ")}`;
}

// why wait: the chair reveals the awards one press at a time, a minute or two apart; the press
// that shows the totals covers the earlier ones with one checkpoint (one email to each auditor).
// A reveal left part-way is still covered, by the sweep, once this has passed.
export const PART_REVEAL_WAIT_MS = 10 * 60_000;

/** When a request for a checkpoint falls due. */
export function checkpointDueAt(trigger: CheckpointTrigger, now: Date, options: { revealComplete?: boolean } = {}): Date {
  if (trigger === "awards_revealed" && !options.revealComplete) return new Date(now.getTime() + PART_REVEAL_WAIT_MS);
  return now;
}

/** The distinct triggers of the requests a checkpoint covers, in the order they were asked for. */
export function distinctTriggers(requests: readonly { trigger: string }[]): string[] {
  return [...new Set(requests.map((r) => r.trigger))];
}

/** The note stored with an automatic checkpoint: what it followed, cut to fit the note's limit. */
export function automaticNote(labels: readonly string[]): string {
  const head = "Taken automatically after ";
  const unique = [...new Set(labels)];
  for (let shown = unique.length; shown >= 1; shown--) {
    const rest = unique.length - shown;
    const list = unique.slice(0, shown).join("; ") + (rest > 0 ? `; and ${rest} more` : "");
    const note = `${head}${list}.`;
    if (note.length <= NOTE_MAX) return note;
  }
  return `${head}${unique.length} changes.`.slice(0, NOTE_MAX);
}

/** The head as `npm run audit:verify -- --expect-head` takes it. */
export function headArgument(head: { seq: number; hash: string }): string {
  return `${head.seq}:${head.hash}`;
}

export function verifyCommand(head: { seq: number; hash: string }): string {
  return `npm run audit:verify -- --expect-head ${headArgument(head)}`;
}
