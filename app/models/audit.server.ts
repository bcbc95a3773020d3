import { randomUUID } from "node:crypto";
import { database, db } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { chainTemplate, verifyChain, type AuditRecord } from "~/domain/audit-chain";
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

// why: a chain cannot fork, stays in commit order, and must not be held across round trips.
// Appends take one transaction-level lock in the database (first come, first served), read the
// newest committed entry and insert the next on top, hashing it there from a template the app
// made (chainTemplate); the lock is released when the transaction ends, so the next append sees
// this one. See the migration audit_chain_at_commit for the SQL.
//   appendAudit   the entry now (its seq and hash are known at once), holding the chain until
//                 the transaction ends: for rare changes that need the entry (a checkpoint).
//   chainedAudit  for the busiest writes (ballots, scores): a CTE part that writes the entry to
//                 "AuditPending"; the database chains it as the transaction commits, so the
//                 chain is held for the commit alone (on PGlite, one connection, at once).

/** Appends one entry. Call it inside the transaction that makes the change it records, after its other locks. */
export async function appendAudit<A extends AuditAction>(tx: Tx, input: AuditInput<A>): Promise<AuditRecord> {
  const content = auditContent(input);
  const template = chainTemplate(content);
  const [row] = await tx.$queryRaw<{ seq: number; prevHash: string; hash: string }[]>`
    SELECT seq, "prevHash", hash FROM audit_chain_append(${content.at}::timestamp(3), ${content.actorType}, ${content.actorId}::text,
      ${content.action}, ${content.subjectType}, ${content.subjectId}, ${JSON.stringify(content.payload)}::jsonb, ${template.before}, ${template.after})`;
  return { ...content, seq: row.seq, prevHash: row.prevHash, hash: row.hash };
}

/**
 * The entry of one of the busiest writes, as a CTE part named by the caller; the statement's
 * main query must read `seq` from it (`SELECT (SELECT seq FROM audit) AS seq`). On PostgreSQL
 * it writes the entry to "AuditPending", chained as the transaction commits, and seq is null
 * (latestAuditSeq() after the commit gives a version for the live bus). On PGlite, one
 * connection, no other transaction can wait for the chain, so the entry is chained at once (no
 * staging row, no extra read) and seq is its place.
 */
export function chainedAudit<A extends AuditAction>(input: AuditInput<A>): Prisma.Sql {
  return chainedAudits([input]);
}

/**
 * Several entries as one CTE part, chained in the order given (a batch of scores saved in one
 * transaction); `seq` as for chainedAudit, one row per entry (`SELECT max(seq) FROM audit`).
 */
export function chainedAudits<A extends AuditAction>(inputs: AuditInput<A>[]): Prisma.Sql {
  const entries = inputs.map((input) => {
    const content = auditContent(input);
    return { content, template: chainTemplate(content), payload: JSON.stringify(content.payload) };
  });
  if (database().engine === "pglite") {
    // why: UNION ALL runs its parts in order, so the entries take their places in the order given.
    const appends = entries.map(
      ({ content, template, payload }) => Prisma.sql`
      SELECT seq FROM audit_chain_append(${content.at}::timestamp(3), ${content.actorType}, ${content.actorId}::text,
        ${content.action}, ${content.subjectType}, ${content.subjectId}, ${payload}::jsonb, ${template.before}, ${template.after})`,
    );
    return Prisma.join(appends, " UNION ALL ");
  }
  // why: the deferred trigger fires row by row in insertion order as the transaction commits.
  const rows = entries.map(
    ({ content, template, payload }) => Prisma.sql`(${randomUUID()}, ${content.at}, ${content.actorType}, ${content.actorId}, ${content.action},
      ${content.subjectType}, ${content.subjectId}, ${payload}::jsonb, ${template.before}, ${template.after})`,
  );
  return Prisma.sql`
    INSERT INTO "AuditPending" (id, at, "actorType", "actorId", action, "subjectType", "subjectId", payload, "hashBefore", "hashAfter")
    VALUES ${Prisma.join(rows)}
    RETURNING NULL::int AS seq`;
}

/** The newest entry's seq: after a pending entry's transaction committed, at least that entry's. */
export async function latestAuditSeq(): Promise<number> {
  const [row] = await db().$queryRaw<{ seq: number | null }[]>`SELECT max(seq) AS seq FROM "AuditEntry"`;
  return row?.seq ?? 0;
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
