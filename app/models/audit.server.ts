import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { nextEntry, verifyChain, type AuditRecord } from "~/domain/audit-chain";
import {
  parseAuditPayload,
  type AuditAction,
  type AuditActor,
  type AuditPayload,
} from "~/domain/audit-events";
import type { Json } from "~/domain/canonical-json";

export type Tx = Prisma.TransactionClient;

// why: any fixed number; every append takes it so the chain is written one entry at a time
// across all connections and app instances, and never forks.
const AUDIT_LOCK = 4_242_001;

export interface AuditInput<A extends AuditAction> {
  actor: AuditActor;
  action: A;
  subject: { type: string; id: string };
  payload: AuditPayload<A>;
  at?: Date;
}

/** Appends one entry. Call it inside the transaction that makes the change it records. */
export async function appendAudit<A extends AuditAction>(tx: Tx, input: AuditInput<A>) {
  const payload = parseAuditPayload(input.action, input.payload) as Json;
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${AUDIT_LOCK})`;
  const last = await tx.auditEntry.findFirst({
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const entry = nextEntry(last, {
    at: input.at ?? new Date(),
    actorType: input.actor.type,
    actorId: input.actor.id ?? null,
    action: input.action,
    subjectType: input.subject.type,
    subjectId: input.subject.id,
    payload,
  });
  return tx.auditEntry.create({ data: { ...entry, payload: entry.payload as Prisma.InputJsonValue } });
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
