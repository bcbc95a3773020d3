import * as z from "zod";
import { verifyChain, type AuditRecord } from "~/domain/audit-chain";

// A checkpoint is the head of the audit log (its sequence number and hash) written down at a
// moment and handed to someone outside the system: the council's finance team, a trustee.
// The chain alone proves no entry was changed in the middle; it cannot prove that nothing was
// cut off the end, or that the whole log was not rewritten with fresh hashes. A checkpoint
// held elsewhere can: the entry it names must still be there with the same hash.

export const CHECKPOINT_FORMAT = "pitchday-audit-checkpoint/1";

export const NOTE_MAX = 500;

// why these messages: the person pasting a file needs to know which part is wrong, not zod's words.
const PROBLEMS = {
  format: `This is not a Pitchday audit checkpoint: its "format" must be "${CHECKPOINT_FORMAT}".`,
  seq: 'The checkpoint\'s entry number ("seq") must be a whole number, 1 or more.',
  hash: 'The checkpoint\'s hash ("hash") must be 64 lower-case hexadecimal characters.',
  at: 'The checkpoint\'s time ("at") must be a date and time such as 2027-03-01T09:00:00.000Z.',
  funder: 'The checkpoint\'s "funder" must be text of up to 500 characters.',
  note: `The checkpoint's "note" must be text of up to ${NOTE_MAX} characters.`,
} as const;

export const checkpointFileSchema = z.strictObject({
  format: z.literal(CHECKPOINT_FORMAT, { error: PROBLEMS.format }),
  seq: z.number({ error: PROBLEMS.seq }).int({ error: PROBLEMS.seq }).min(1, { error: PROBLEMS.seq }),
  hash: z.string({ error: PROBLEMS.hash }).regex(/^[0-9a-f]{64}$/, { error: PROBLEMS.hash }),
  at: z.iso.datetime({ offset: true, error: PROBLEMS.at }),
  funder: z.string({ error: PROBLEMS.funder }).max(500, { error: PROBLEMS.funder }).optional(),
  note: z.string({ error: PROBLEMS.note }).max(NOTE_MAX, { error: PROBLEMS.note }),
});

export type CheckpointFile = z.infer<typeof checkpointFileSchema>;

/** The part of a checkpoint that matters for verification. */
export interface CheckpointMark {
  seq: number;
  hash: string;
}

export function toCheckpointFile(
  checkpoint: { seq: number; hash: string; createdAt: Date; note: string },
  funder?: string | null,
): CheckpointFile {
  return {
    format: CHECKPOINT_FORMAT,
    seq: checkpoint.seq,
    hash: checkpoint.hash,
    at: checkpoint.createdAt.toISOString(),
    ...(funder ? { funder } : {}),
    note: checkpoint.note,
  };
}

/** The file's text: indented so a person can read it, and ending with a new line. */
export function checkpointFileText(file: CheckpointFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ParsedCheckpoint = { ok: true; checkpoint: CheckpointFile } | { ok: false; error: string };

/** Reads a checkpoint file someone uploaded or pasted; says what is wrong with it in words. */
export function parseCheckpointFile(text: string): ParsedCheckpoint {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: "The checkpoint is empty. Paste the whole file, from { to }." };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { ok: false, error: "This is not valid JSON. Paste the whole checkpoint file exactly as it was downloaded, from { to }." };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, error: "This is not a Pitchday audit checkpoint: it should be one JSON object." };
  }
  const result = checkpointFileSchema.safeParse(value);
  if (result.success) return { ok: true, checkpoint: result.data };
  const issue = result.error.issues[0];
  if (issue.code === "unrecognized_keys") {
    return { ok: false, error: `The checkpoint has fields Pitchday does not write (${issue.keys.join(", ")}): it may have been edited.` };
  }
  return { ok: false, error: issue.message };
}

export type CheckpointVerdict =
  | {
      ok: true;
      checkpoint: CheckpointMark;
      count: number;
      head: CheckpointMark;
      /** Entries written since the checkpoint. */
      added: number;
    }
  | { ok: false; kind: "broken"; checkpoint: CheckpointMark; firstBadSeq: number; reason: string }
  | { ok: false; kind: "shrunk"; checkpoint: CheckpointMark; headSeq: number | null }
  | { ok: false; kind: "forked"; checkpoint: CheckpointMark; foundHash: string };

/**
 * Proves the log only grew since the checkpoint: the chain verifies from the first entry to the
 * head, and the entry at the checkpoint's number is still there with the checkpoint's hash.
 * `entries` is the whole log in sequence order.
 */
export function verifyAgainstCheckpoint(entries: readonly AuditRecord[], checkpoint: CheckpointMark): CheckpointVerdict {
  const mark = { seq: checkpoint.seq, hash: checkpoint.hash };
  const chain = verifyChain(entries);
  if (!chain.ok) return { ok: false, kind: "broken", checkpoint: mark, firstBadSeq: chain.firstBadSeq, reason: chain.reason };
  if (!chain.head || chain.head.seq < mark.seq) {
    return { ok: false, kind: "shrunk", checkpoint: mark, headSeq: chain.head?.seq ?? null };
  }
  // why: the chain verified from #1 with no gaps, so entry n sits at index n - 1.
  const atMark = entries[mark.seq - 1];
  if (atMark.hash !== mark.hash) return { ok: false, kind: "forked", checkpoint: mark, foundHash: atMark.hash };
  return { ok: true, checkpoint: mark, count: chain.count, head: chain.head, added: chain.head.seq - mark.seq };
}

export function shortHash(hash: string) {
  return `${hash.slice(0, 16)}…`;
}

/** One sentence for people (the audit page) and for the command line. */
export function describeVerdict(verdict: CheckpointVerdict): string {
  const at = `#${verdict.checkpoint.seq} ${shortHash(verdict.checkpoint.hash)}`;
  if (verdict.ok) {
    const since =
      verdict.added === 0
        ? "nothing has been added since"
        : `${verdict.added} ${verdict.added === 1 ? "entry has" : "entries have"} been added since`;
    return `The log only grew: entry ${at} is unchanged, the chain verifies to the head #${verdict.head.seq}, and ${since}.`;
  }
  switch (verdict.kind) {
    case "broken":
      return `The chain is BROKEN at entry #${verdict.firstBadSeq}: ${verdict.reason}. The log does not match the checkpoint at ${at}.`;
    case "shrunk":
      return verdict.headSeq === null
        ? `The log has SHRUNK: the checkpoint names entry ${at} but the log is now empty. Every entry was deleted.`
        : `The log has SHRUNK: the checkpoint names entry ${at} but the log now ends at #${verdict.headSeq}. Entries were deleted from the end.`;
    case "forked":
      return `The log has FORKED: entry #${verdict.checkpoint.seq} now has the hash ${shortHash(verdict.foundHash)}, not ${shortHash(verdict.checkpoint.hash)} as in the checkpoint. The log was rewritten after the checkpoint was taken.`;
  }
}

/** The form (and command line) that takes a checkpoint: an optional note saying who it is for. */
export const newCheckpointSchema = z.object({
  note: z
    .string()
    .trim()
    .max(NOTE_MAX, { error: `The note must be ${NOTE_MAX} characters or fewer.` })
    .default(""),
});

/** The form that checks the log against a checkpoint file someone kept: uploaded or pasted. */
export const CHECKPOINT_TEXT_MAX = 10_000;
