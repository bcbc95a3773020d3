// Usage: npm run audit:checkpoint -- --out FILE [--note "For the council's finance team"]
// Takes a checkpoint of the audit log (after verifying it) and writes it to FILE, to hand to
// someone outside who can later run `npm run audit:verify -- --checkpoint FILE` or paste it
// into the audit pages to see that the log only grew. An existing file is never overwritten.
// Exit codes: 0 written, 1 refused (the log is broken or does not match the last checkpoint),
// 2 it could not be done (bad arguments, no database, the file exists or cannot be written).
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase } from "~/db.server";
import { checkpointFileText, newCheckpointSchema } from "~/domain/checkpoint";
import { checkpointFile, createCheckpoint } from "~/models/checkpoint.server";
import { describeDatabase, openExistingDatabase } from "./verify-audit";

const USAGE = 'Usage: npm run audit:checkpoint -- --out FILE [--note "who it is for"]';

async function main(argv: string[]): Promise<number> {
  let out: string;
  let note: string;
  try {
    const { values } = parseArgs({ args: argv, options: { out: { type: "string" }, note: { type: "string" } }, strict: true, allowPositionals: false });
    if (!values.out) throw new Error("Say where to write the checkpoint with --out FILE.");
    const parsed = newCheckpointSchema.safeParse({ note: values.note ?? "" });
    if (!parsed.success) throw new Error(parsed.error.issues[0].message);
    out = path.resolve(values.out);
    note = parsed.data.note;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (existsSync(out)) {
    console.error(`Could not take a checkpoint: ${out} already exists. Choose a new file name; an older checkpoint is worth keeping.`);
    return 2;
  }
  if (!existsSync(path.dirname(out))) {
    console.error(`Could not take a checkpoint: the folder ${path.dirname(out)} does not exist.`);
    return 2;
  }
  try {
    const database = await openExistingDatabase();
    const result = await createCheckpoint({ note, via: "cli" }, { type: "system" });
    if (!result.ok) {
      console.error(result.error);
      return 1;
    }
    const file = await checkpointFile(result.checkpoint.id);
    try {
      writeFileSync(out, checkpointFileText(file!), { flag: "wx" });
    } catch (error) {
      console.error(
        `The checkpoint was taken (entry #${result.checkpoint.seq}) but could not be written to ${out}: ${(error as Error).message}. Download it from the audit pages instead.`,
      );
      return 2;
    }
    console.log(`Checkpoint taken at entry #${result.checkpoint.seq} ${result.checkpoint.hash.slice(0, 16)}… and written to ${out}`);
    console.log(describeDatabase(database));
    return 0;
  } catch (error) {
    console.error(`Could not take a checkpoint: ${(error as Error).message}`);
    return 2;
  } finally {
    await closeDatabase().catch(() => undefined);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
