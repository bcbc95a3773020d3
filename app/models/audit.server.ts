import { db } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { nextEntry, verifyChain, type AuditRecord } from "~/domain/audit-chain";
import {
  parseAuditPayload,
  type AuditAction,
  type AuditActor,
  type AuditPayload,
} from "~/domain/audit-events";
import type { Json } from "~/domain/canonical-json";

export type Tx = Prisma.TransactionClient;

export interface AuditInput<A extends AuditAction> {
  actor: AuditActor;
  action: A;
  subject: { type: string; id: string };
  payload: AuditPayload<A>;
  at?: Date;
}

// why: a chain cannot fork and stays in commit order without a lock held across round trips.
// The entry after the newest committed one is inserted; if another transaction has claimed that
// sequence number, ON CONFLICT waits for it to commit (or roll back) and inserts nothing, and we
// read the new head (READ COMMITTED: each statement sees what has committed) and try again. So
// an entry is only ever written on top of a committed one, and all before it are visible. The
// chain is contended only from the insert to the commit: one round trip, not four.
const MAX_ATTEMPTS = 100;

/** Appends one entry. Call it inside the transaction that makes the change it records. */
export async function appendAudit<A extends AuditAction>(tx: Tx, input: AuditInput<A>): Promise<AuditRecord> {
  const content = auditContent(input);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const [head] = await tx.$queryRaw<AuditHead[]>`
      SELECT seq, hash FROM "AuditEntry" ORDER BY seq DESC LIMIT 1`;
    const entry = nextEntry(head ?? null, content);
    const written = await tx.$queryRaw<{ seq: number }[]>`${insertEntry(entry)}`;
    if (written.length === 1) return entry;
  }
  throw new Error(`Could not append to the audit log after ${MAX_ATTEMPTS} attempts: too many changes at once.`);
}

// For the busiest write (a score), the same append without its own round trips: the caller
// reads the head with a query it makes anyway (auditHeadColumns), writes the entry in the
// statement that makes the change (PreparedAudit.insert, a CTE part), and calls
// appendAudit only when that insert found its place taken (the head had moved on meanwhile).

export interface AuditHead {
  seq: number;
  hash: string;
}

/** Columns "auditHeadSeq" and "auditHeadHash": the newest entry, read alongside a caller's own query. */
export const auditHeadColumns = Prisma.sql`
  (SELECT seq FROM "AuditEntry" ORDER BY seq DESC LIMIT 1) AS "auditHeadSeq",
  (SELECT hash FROM "AuditEntry" ORDER BY seq DESC LIMIT 1) AS "auditHeadHash"`;

export interface PreparedAudit {
  entry: AuditRecord;
  /** INSERT ... ON CONFLICT (seq) DO NOTHING RETURNING seq: one row when written, none when the place was taken. */
  insert: Prisma.Sql;
}

export function prepareAudit<A extends AuditAction>(
  head: { auditHeadSeq: number | null; auditHeadHash: string | null },
  input: AuditInput<A>,
): PreparedAudit {
  const last = head.auditHeadSeq === null || head.auditHeadHash === null ? null : { seq: head.auditHeadSeq, hash: head.auditHeadHash };
  const entry = nextEntry(last, auditContent(input));
  return { entry, insert: insertEntry(entry) };
}

function auditContent<A extends AuditAction>(input: AuditInput<A>) {
  return {
    at: input.at ?? new Date(),
    actorType: input.actor.type,
    actorId: input.actor.id ?? null,
    action: input.action,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    payload: parseAuditPayload(input.action, input.payload) as Json,
  };
}

function insertEntry(entry: AuditRecord) {
  return Prisma.sql`
    INSERT INTO "AuditEntry" (seq, at, "actorType", "actorId", action, "subjectType", "subjectId", payload, "prevHash", hash)
    VALUES (${entry.seq}, ${entry.at}, ${entry.actorType}, ${entry.actorId}, ${entry.action}, ${entry.subjectType},
            ${entry.subjectId}, ${JSON.stringify(entry.payload)}::jsonb, ${entry.prevHash}, ${entry.hash})
    ON CONFLICT (seq) DO NOTHING
    RETURNING seq`;
}

export async function readChain(): Promise<AuditRecord[]> {
  const rows = await db().auditEntry.findMany({ orderBy: { seq: "asc" } });
  return rows.map((row) => ({ ...row, payload: row.payload as Json }));
}

export async function verifyAuditLog() {
  return verifyChain(await readChain());
}

export async function auditEntriesFor(subjectType: string, subjectId: string) {
  return db().auditEntry.findMany({
    where: { subjectType, subjectId },
    orderBy: { seq: "asc" },
  });
}
