// Usage: npm run data:erase-expired -- [--months 12] [--dry-run]
// Erases the contact details (name, email, phone) of groups whose round closed more than
// --months ago (12 unless given), each audited as done by Pitchday. Bids, decisions, awards
// and payments stay. A contact whose award is still being paid is kept until the next run
// after it is paid or cancelled. Run it on a schedule (cron, a systemd timer) once a day.
// --dry-run lists what would be erased and changes nothing.
// Exit codes: 0 done (or nothing to do), 2 it could not be done.
import { parseArgs } from "node:util";
import { closeDatabase } from "~/db.server";
import { parseRetentionMonths } from "~/domain/personal-data";
import { eraseExpiredContacts, findExpiredContacts, type ExpiredContact } from "~/models/personal-data.server";
import { describeDatabase, openExistingDatabase } from "./verify-audit";

const USAGE = "Usage: npm run data:erase-expired -- [--months 12] [--dry-run]";

const line = (c: ExpiredContact) => `  ${c.reference}  ${c.roundTitle} (closed ${c.roundClosedAt.toISOString().slice(0, 10)})`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function main(argv: string[], now = new Date()): Promise<number> {
  let months: number;
  let dryRun: boolean;
  try {
    const { values } = parseArgs({ args: argv, options: { months: { type: "string" }, "dry-run": { type: "boolean" } }, strict: true, allowPositionals: false });
    const parsed = parseRetentionMonths(values.months);
    if (parsed === null) throw new Error("--months must be a whole number of months from 1 to 120.");
    months = parsed;
    dryRun = values["dry-run"] ?? false;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    const database = await openExistingDatabase();
    const period = `rounds closed more than ${plural(months, "month", "months")} ago`;
    if (dryRun) {
      const due = await findExpiredContacts(now, months);
      const erase = due.filter((c) => !c.keptBecause);
      const keep = due.filter((c) => c.keptBecause);
      console.log(`Dry run: ${plural(erase.length, "contact", "contacts")} would be erased (${period}). Nothing was changed.`);
      erase.forEach((c) => console.log(line(c)));
      if (keep.length) console.log(`${plural(keep.length, "contact is", "contacts are")} kept for now:`);
      keep.forEach((c) => console.log(`${line(c)}: ${c.keptBecause}`));
    } else {
      const { erased, kept } = await eraseExpiredContacts(now, months);
      console.log(`Erased ${plural(erased.length, "contact", "contacts")} (${period}).`);
      erased.forEach((c) => console.log(line(c)));
      if (kept.length) console.log(`${plural(kept.length, "contact is", "contacts are")} kept for now:`);
      kept.forEach((c) => console.log(`${line(c)}: ${c.keptBecause}`));
    }
    console.log(describeDatabase(database));
    return 0;
  } catch (error) {
    console.error(`Could not erase expired contact details: ${(error as Error).message}`);
    return 2;
  } finally {
    await closeDatabase().catch(() => undefined);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
