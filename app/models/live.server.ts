import { isPgUniqueViolation } from "~/db/sql-transaction.server";
import { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/models/audit.server";

// Small pieces shared by the live-session models (event, panel, score, audience).

/**
 * Interactive transactions in a busy hall: 20 phones can submit at once and every audited
 * write waits for the audit chain's lock, so a transaction may queue for a while before it
 * gets a connection. Prisma's defaults (2 s wait, 5 s run) would refuse real work.
 */
export const LIVE_TX = { maxWait: 20_000, timeout: 30_000 } as const;


export function isUniqueViolation(error: unknown) {
  if (isPgUniqueViolation(error)) return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  // why: a raw statement's failure (P2010) carries the database driver's own error within.
  const meta = error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined;
  return error.code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

// The event's gate: a transaction-level advisory lock per event (key EVENT_GATE, hashtext of
// the event id). Scores and ballots hold it shared while they check the pitch's or event's state
// and write; the chair (and every change to an event's running order) holds it exclusively.
// why not row locks: PostgreSQL lets a new share lock of a row in at once while others hold
// one, so phones scoring non-stop keep an update waiting for ever (the chair's lock took 38 s
// and let thousands of later scores in). The lock manager queues first come, first served: the
// chair waits for the scores already in flight, and every later one waits for the chair and
// then sees its change. Take the gate before the audit chain (appendAudit) and other row locks.
export const EVENT_GATE = 7_240_613;

/** SQL for a FROM item that holds the event's gate shared for the rest of the transaction. */
export function sharedGate(eventId: string | Prisma.Sql) {
  return Prisma.sql`(SELECT 1 FROM pg_advisory_xact_lock_shared(${EVENT_GATE}::int, hashtext(${eventId})))`;
}

/**
 * Closes the event's gate (scores and ballots in flight finish first, later ones wait until we
 * commit) and takes its row lock: chair commands and running-order changes happen one at a time.
 */
export async function lockEvent(tx: Tx, eventId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT e.id FROM (SELECT 1 FROM pg_advisory_xact_lock(${EVENT_GATE}::int, hashtext(${eventId}))) AS gate(closed), "Event" e
    WHERE e.id = ${eventId} FOR UPDATE OF e`;
  return rows.length === 1;
}
