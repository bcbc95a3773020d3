// Usage: npm run audit:verify [-- --checkpoint FILE | --expect-head SEQ:HASH]
// Recomputes the audit log's hash chain in the database the app uses (PGLITE_DIR or
// DATABASE_URL) and names the first entry that does not follow from the one before it. Then it
// checks the log against a checkpoint: the file given with --checkpoint (one handed to someone
// outside, e.g. by `npm run audit:checkpoint`), or else the newest one stored in the database,
// so entries cut off the end of the log, or a log rewritten with fresh hashes, are caught too.
// --expect-head takes a head written down elsewhere (an emailed or published "#SEQ HASH") the
// same way: with the stored checkpoints deleted and the tail cut, the file or head still fails.
// Exit codes: 0 all is well, 1 the log was tampered with, 2 it could not be checked.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase, openDatabase, type Database } from "~/db.server";
import { verifyChain, type VerifyResult } from "~/domain/audit-chain";
import { describeVerdict, parseCheckpointFile, verifyAgainstCheckpoint, type CheckpointMark } from "~/domain/checkpoint";
import { readChain } from "~/models/audit.server";
import { latestCheckpoint } from "~/models/checkpoint.server";
import { env } from "~/utils/env.server";

export function summarise(result: VerifyResult): { line: string; code: 0 | 1 } {
  if (!result.ok) return { line: `Audit chain BROKEN at entry #${result.firstBadSeq}: ${result.reason}`, code: 1 };
  if (!result.head) return { line: "Audit chain OK: 0 entries (the log is empty)", code: 0 };
  const entries = `${result.count} ${result.count === 1 ? "entry" : "entries"}`;
  return { line: `Audit chain OK: ${entries}, head #${result.head.seq} ${result.head.hash.slice(0, 16)}…`, code: 0 };
}

export class CannotCheck extends Error {}

/** Opens the app's database without migrating it; refuses a PGlite folder that is not there. */
export async function openExistingDatabase(): Promise<Database> {
  const settings = env();
  if (!settings.DATABASE_URL && !existsSync(path.resolve(settings.PGLITE_DIR))) {
    // why: opening a missing PGlite folder would quietly create an empty database.
    throw new CannotCheck(`there is no database in ${path.resolve(settings.PGLITE_DIR)}.`);
  }
  // why: checking must not change anything, so pending migrations are not applied here.
  return openDatabase({ migrate: false });
}

export function describeDatabase(database: Database) {
  return `Database: ${database.engine === "pglite" ? `embedded PGlite in ${database.location}` : `PostgreSQL at ${database.location}`}`;
}

function readCheckpointFile(file: string): CheckpointMark & { label: string } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CannotCheck(`could not read the checkpoint file ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  const parsed = parseCheckpointFile(text);
  if (!parsed.ok) throw new CannotCheck(`the checkpoint file ${file} is not usable: ${parsed.error}`);
  return { seq: parsed.checkpoint.seq, hash: parsed.checkpoint.hash, label: `the checkpoint file ${file} (taken ${parsed.checkpoint.at})` };
}

const USAGE = "Usage: npm run audit:verify [-- --checkpoint FILE | --expect-head SEQ:HASH]";

function readExpectedHead(text: string): CheckpointMark & { label: string } {
  const match = /^#?(\d{1,12})[:\s]+([0-9a-f]{64})$/.exec(text.trim());
  if (!match) throw new CannotCheck(`--expect-head must be the entry's number and its 64-character hash, e.g. 42:${"0".repeat(64)}.`);
  return { seq: Number(match[1]), hash: match[2], label: `the expected head #${match[1]}` };
}

async function main(argv: string[]): Promise<number> {
  let checkpointPath: string | undefined;
  let expectHead: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { checkpoint: { type: "string" }, "expect-head": { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
    checkpointPath = values.checkpoint;
    expectHead = values["expect-head"];
    if (checkpointPath && expectHead) throw new Error("Give --checkpoint or --expect-head, not both.");
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    // why first: a file that cannot be read should not wait for the database to open.
    const fromFile = checkpointPath ? readCheckpointFile(checkpointPath) : expectHead ? readExpectedHead(expectHead) : null;
    const database = await openExistingDatabase();
    const entries = await readChain();
    const chain = summarise(verifyChain(entries));
    (chain.code === 0 ? console.log : console.error)(chain.line);
    let code: number = chain.code;

    const stored = fromFile ? null : await latestCheckpoint();
    const against = fromFile ?? (stored && { seq: stored.seq, hash: stored.hash, label: `the newest stored checkpoint (taken ${stored.createdAt.toISOString()})` });
    if (against) {
      const verdict = verifyAgainstCheckpoint(entries, against);
      (verdict.ok ? console.log : console.error)(`Checked against ${against.label}: ${describeVerdict(verdict)}`);
      if (!verdict.ok) code = 1;
    } else {
      console.log("No checkpoint is stored yet, so entries cut off the end of the log could go unnoticed: take one with npm run audit:checkpoint.");
    }
    console.log(describeDatabase(database));
    return code;
  } catch (error) {
    console.error(`Could not verify the audit chain: ${(error as Error).message}`);
    return 2;
  } finally {
    await closeDatabase().catch(() => undefined);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
