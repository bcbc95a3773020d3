// Usage: npm run audit:verify
// Recomputes the audit log's hash chain in the database the app uses (PGLITE_DIR or
// DATABASE_URL) and names the first entry that does not follow from the one before it.
// Exit codes: 0 the chain is intact, 1 it is broken, 2 it could not be checked.
import { existsSync } from "node:fs";
import path from "node:path";
import { closeDatabase, openDatabase } from "~/db.server";
import type { VerifyResult } from "~/domain/audit-chain";
import { verifyAuditLog } from "~/models/audit.server";
import { env } from "~/utils/env.server";

export function summarise(result: VerifyResult): { line: string; code: 0 | 1 } {
  if (!result.ok) return { line: `Audit chain BROKEN at entry #${result.firstBadSeq}: ${result.reason}`, code: 1 };
  if (!result.head) return { line: "Audit chain OK: 0 entries (the log is empty)", code: 0 };
  const entries = `${result.count} ${result.count === 1 ? "entry" : "entries"}`;
  return { line: `Audit chain OK: ${entries}, head #${result.head.seq} ${result.head.hash.slice(0, 16)}…`, code: 0 };
}

async function main(): Promise<number> {
  const settings = env();
  if (!settings.DATABASE_URL && !existsSync(path.resolve(settings.PGLITE_DIR))) {
    // why: opening a missing PGlite folder would quietly create an empty database.
    console.error(`Could not verify the audit chain: there is no database in ${path.resolve(settings.PGLITE_DIR)}.`);
    return 2;
  }
  try {
    // why: checking must not change anything, so pending migrations are not applied here.
    const database = await openDatabase({ migrate: false });
    const { line, code } = summarise(await verifyAuditLog());
    (code === 0 ? console.log : console.error)(line);
    console.log(`Database: ${database.engine === "pglite" ? `embedded PGlite in ${database.location}` : `PostgreSQL at ${database.location}`}`);
    return code;
  } catch (error) {
    console.error(`Could not verify the audit chain: ${(error as Error).message}`);
    return 2;
  } finally {
    await closeDatabase().catch(() => undefined);
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
