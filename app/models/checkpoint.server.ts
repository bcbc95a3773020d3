import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { verifyChain, type AuditRecord, type VerifyResult } from "~/domain/audit-chain";
import type { AuditActor, AuditPayload } from "~/domain/audit-events";
import type { Json } from "~/domain/canonical-json";
import {
  parseCheckpointFile,
  toCheckpointFile,
  verifyAgainstCheckpoint,
  type CheckpointFile,
  type CheckpointVerdict,
} from "~/domain/checkpoint";
import { appendAudit, readChain, type Tx } from "~/models/audit.server";

// Checkpoints of the audit log: taken on demand (from the audit pages or the command line) or
// by Pitchday itself (checkpoint-auto.server.ts), kept in the database, and handed out as files. The stored ones let Pitchday notice rows cut
// off the end of its own log; the handed-out files let someone outside notice a rewrite.

export type StoredCheckpoint = Awaited<ReturnType<typeof listCheckpoints>>[number];

export class Refused extends Error {}

export type CreateResult =
  | { ok: true; checkpoint: { id: string; seq: number; hash: string; createdAt: Date; note: string } }
  | { ok: false; error: string };

/**
 * Takes a checkpoint at the head of the log. The checkpoint's own audit entry is the head it
 * names, so the log itself records every checkpoint. Refused (and nothing written) when the
 * chain is broken or the log no longer contains the last checkpoint: a new one must never
 * vouch for a log that was tampered with.
 */
export async function createCheckpoint(
  input: { note: string; via: "web" | "cli" },
  actor: AuditActor,
  now = new Date(),
): Promise<CreateResult> {
  try {
    const checkpoint = await db().$transaction((tx) => checkpointIn(tx, { note: input.note, payload: { via: input.via }, actor, now }));
    return { ok: true, checkpoint };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.message };
    throw error;
  }
}

/**
 * The checkpoint itself, inside the caller's transaction: appends its audit entry (holding the
 * chain until the transaction ends), verifies the log up to it, and stores it. Throws Refused
 * when the log cannot be vouched for, so the caller's transaction rolls back.
 */
export async function checkpointIn(
  tx: Tx,
  input: {
    note: string;
    payload: Omit<AuditPayload<"audit.checkpoint_created">, "checkpointId">;
    triggers?: string[];
    actor: AuditActor;
    now: Date;
  },
) {
  const id = randomUUID();
  // why verify before appending: the append holds the chain until this transaction ends, and
  // every score and ballot waits for it; reading and hashing a long log takes seconds (3 s for
  // 20,000 entries on PostgreSQL). So the committed log is checked first, and under the chain
  // only the few entries committed since.
  const previous = await tx.auditCheckpoint.findFirst({ orderBy: [{ seq: "desc" }, { createdAt: "desc" }] });
  const committed = await chainIn(tx);
  const chain = verifyChain(committed);
  if (!chain.ok) {
    throw new Refused(`The audit chain is broken at entry #${chain.firstBadSeq} (${chain.reason}), so no checkpoint was taken.`);
  }
  // why here: the previous checkpoint committed with its entry, so that entry is in what was read.
  if (previous && !verifyAgainstCheckpoint(committed, previous).ok) {
    throw new Refused(`The log does not match the last checkpoint (entry #${previous.seq}), so no new checkpoint was taken.`);
  }
  const entry = await appendAudit(tx, {
    actor: input.actor,
    action: "audit.checkpoint_created",
    subject: { type: "checkpoint", id },
    payload: { checkpointId: id, ...input.payload },
    at: input.now,
  });
  // An entry is only written on top of a committed one, so every entry before this one is
  // committed and visible here: what is verified is exactly what the checkpoint covers.
  const since = await chainIn(tx, chain.head?.seq ?? 0, entry.seq);
  const rest = verifyChain(since, chain.head);
  if (!rest.ok) {
    throw new Refused(`The audit chain is broken at entry #${rest.firstBadSeq} (${rest.reason}), so no checkpoint was taken.`);
  }
  return tx.auditCheckpoint.create({
    data: { id, seq: entry.seq, hash: entry.hash, note: input.note, createdAt: input.now, triggers: input.triggers ?? [] },
    select: { id: true, seq: true, hash: true, createdAt: true, note: true },
  });
}

/** The entries after `afterSeq`, up to `throughSeq` when given, in order. */
async function chainIn(tx: Tx, afterSeq = 0, throughSeq?: number): Promise<AuditRecord[]> {
  const rows = await tx.auditEntry.findMany({ where: { seq: { gt: afterSeq, ...(throughSeq === undefined ? {} : { lte: throughSeq }) } }, orderBy: { seq: "asc" } });
  return rows.map((row) => ({ ...row, payload: row.payload as Json }));
}

/** Newest first, each with who took it (from its audit entry). */
export async function listCheckpoints() {
  const checkpoints = await db().auditCheckpoint.findMany({ orderBy: [{ seq: "desc" }, { createdAt: "desc" }] });
  const entries = checkpoints.length
    ? await db().auditEntry.findMany({
        where: { action: "audit.checkpoint_created", subjectType: "checkpoint", subjectId: { in: checkpoints.map((c) => c.id) } },
        select: { subjectId: true, actorType: true, actorId: true, payload: true },
      })
    : [];
  const userIds = [...new Set(entries.filter((e) => e.actorType === "user" && e.actorId).map((e) => e.actorId as string))];
  const users = userIds.length ? await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  const bySubject = new Map(entries.map((e) => [e.subjectId, e]));
  return checkpoints.map((checkpoint) => {
    const entry = bySubject.get(checkpoint.id);
    const takenBy = !entry
      ? null
      : entry.actorType === "user"
        ? (names.get(entry.actorId ?? "") ?? "A staff member whose account no longer exists")
        : (entry.payload as { via?: string } | null)?.via === "auto"
          ? "Pitchday, automatically"
          : "Pitchday's command line";
    return { ...checkpoint, takenBy };
  });
}

/** Every checkpoint's head, newest first, for the public results page. */
export function checkpointHeads() {
  return db().auditCheckpoint.findMany({ orderBy: [{ seq: "desc" }, { createdAt: "desc" }], select: { seq: true, hash: true, createdAt: true, triggers: true } });
}

export function latestCheckpoint() {
  return db().auditCheckpoint.findFirst({ orderBy: [{ seq: "desc" }, { createdAt: "desc" }] });
}

export function getCheckpoint(id: string) {
  return db().auditCheckpoint.findUnique({ where: { id } });
}

/** Who the log belongs to, for the file: the funders named on the funds. */
async function funderNames(): Promise<string | null> {
  const funds = await db().fund.findMany({ select: { funderName: true }, orderBy: { createdAt: "asc" } });
  const names = [...new Set(funds.map((f) => f.funderName.trim()).filter(Boolean))];
  if (names.length === 0) return null;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The downloadable file for a stored checkpoint, or null when there is no such checkpoint. */
export async function checkpointFile(id: string): Promise<CheckpointFile | null> {
  const checkpoint = await getCheckpoint(id);
  if (!checkpoint) return null;
  return toCheckpointFile(checkpoint, await funderNames());
}

export interface LogState {
  chain: VerifyResult;
  latest: { checkpoint: { id: string; seq: number; hash: string; createdAt: Date; note: string }; verdict: CheckpointVerdict } | null;
}

/** The whole log verified, and checked against the newest stored checkpoint when there is one. */
export async function verifyLogState(): Promise<LogState> {
  const [entries, checkpoint] = await Promise.all([readChain(), latestCheckpoint()]);
  return {
    chain: verifyChain(entries),
    latest: checkpoint ? { checkpoint, verdict: verifyAgainstCheckpoint(entries, checkpoint) } : null,
  };
}

/** Checks the live log against a checkpoint file someone kept. */
export async function verifyAgainstFile(text: string): Promise<{ ok: true; file: CheckpointFile; verdict: CheckpointVerdict } | { ok: false; error: string }> {
  const parsed = parseCheckpointFile(text);
  if (!parsed.ok) return parsed;
  const verdict = verifyAgainstCheckpoint(await readChain(), parsed.checkpoint);
  return { ok: true, file: parsed.checkpoint, verdict };
}
