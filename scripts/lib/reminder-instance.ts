// One more instance of the in-app reminder job, in a process of its own: it opens the shared
// database (DATABASE_URL; on PGlite, the socket of the process that owns it) with its own
// connections, says "ready" and waits for a line on its standard input, then starts the job
// exactly as the app's start-up does and prints what its first run sent, as JSON on the last
// line. Several at once are several app instances; one started after another is the app after
// a restart. (Waiting for the word lets a test start them together, whatever each took to load.)
// Usage: tsx scripts/lib/reminder-instance.ts <now, ISO 8601>
import { startReminderJob } from "../../app/coordinators/reminders.server";
import { closeDatabase, db, openDatabase } from "../../app/db.server";

function nextLine(): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk: string) => chunk.includes("\n") && resolve());
    process.stdin.on("end", () => reject(new Error("Standard input closed before the word to start.")));
  });
}

async function main() {
  const now = new Date(process.argv[2] ?? "");
  if (Number.isNaN(now.getTime())) throw new Error("Usage: reminder-instance.ts <now, ISO 8601>");
  await openDatabase({ migrate: false });
  try {
    await db().$queryRaw`SELECT 1`;
    console.log("ready");
    await nextLine();
    process.stdin.destroy();
    // why an hour: the first run, the one every start makes, is the run under test.
    const job = startReminderJob({ intervalMs: 3_600_000, now: () => now });
    const first = await job.firstRun;
    job.stop();
    if (!first) throw new Error("The reminder job's first run failed.");
    console.log(JSON.stringify(first));
  } finally {
    await closeDatabase();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
