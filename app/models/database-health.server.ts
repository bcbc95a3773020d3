import { database } from "~/db.server";

// Telling "our database is down or busy" (worth a retry) from every other failure, for callers
// that must answer an outside system differently in the two cases (Stripe's webhooks).

export interface DatabaseCheck {
  ok: boolean;
  /** "pglite", "postgresql", or "unknown" when the database was never opened. */
  engine: string;
  latencyMs: number;
  error?: string;
}

/** One trivial query, timed, for /healthz: which engine, and whether it answered. */
export async function checkDatabase(): Promise<DatabaseCheck> {
  const started = Date.now();
  let engine = "unknown";
  try {
    const db = database();
    engine = db.engine;
    await db.sql.query("SELECT 1");
    return { ok: true, engine, latencyMs: Date.now() - started };
  } catch (error) {
    return { ok: false, engine, latencyMs: Date.now() - started, error: (error as Error).message };
  }
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function databaseAnswers(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const asked = (async () => {
    await database().sql.query("SELECT 1");
    return true as const;
  })().catch(() => false as const);
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}

// Prisma's codes for an unreachable server, a full pool and a write conflict; PostgreSQL's
// SQLSTATEs for serialization failure, deadlock, shutdown, too many connections, lost connection.
const PRISMA_TRANSIENT = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034"]);
const SQLSTATE_TRANSIENT = /^(40001|40P01|57P0[1-3]|53300|08\d{3})$/;

/** Whether an error from a query is one a later retry of the same work could get past. */
export function isTransientDatabaseError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth += 1) {
    const { code, originalCode } = e as { code?: unknown; originalCode?: unknown };
    if (typeof code === "string" && (PRISMA_TRANSIENT.has(code) || SQLSTATE_TRANSIENT.test(code))) return true;
    if (typeof originalCode === "string" && SQLSTATE_TRANSIENT.test(originalCode)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
