import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/models/audit.server";

// Small pieces shared by the live-session models (event, panel, score, audience).

/** What a refused action tells the person: the human message, nothing thrown. */
export type Result<T> = ({ ok: true } & T) | { ok: false; message: string };

export function refused(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/**
 * Interactive transactions in a busy hall: 20 phones can submit at once and every audited
 * write waits for the audit chain's lock, so a transaction may queue for a while before it
 * gets a connection. Prisma's defaults (2 s wait, 5 s run) would refuse real work.
 */
export const LIVE_TX = { maxWait: 20_000, timeout: 30_000 } as const;

/** A random capability token (invite link, device cookie, voter key) and its stored hash. */
export function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export function isUniqueViolation(error: unknown) {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  // why: a raw statement's failure (P2010) carries the database driver's own error within.
  const meta = error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined;
  return error.code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

/** Takes the event's row lock: chair commands and running-order changes happen one at a time. */
export async function lockEvent(tx: Tx, eventId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Event" WHERE id = ${eventId} FOR UPDATE`;
  return rows.length === 1;
}
