// Demo data for trying Pitchday: staff accounts (logins printed below), a fund, an open round,
// and a closed round with bids. Usage: npm run db:seed [-- --if-empty]
import { closeDatabase, openDatabase } from "~/db.server";
import { takeOwedCheckpoint } from "~/coordinators/checkpoints.server";
import { countUsers } from "~/models/user.server";
import { seedStaff, DEMO_PASSWORD } from "./seed/staff";
import { seedFunds } from "./seed/funds";
import { seedBids } from "./seed/bids";
import { seedPastEvent } from "./seed/past-event";

async function main() {
  const database = await openDatabase();
  const where = database.engine === "pglite" ? `embedded PGlite in ${database.location}` : `PostgreSQL at ${database.location}`;
  try {
    if (process.argv.includes("--if-empty") && (await countUsers()) > 0) {
      console.log(`Using the existing data (${where}).`);
      return;
    }
    const now = new Date();
    const staff = await seedStaff();
    const funds = await seedFunds(staff, now);
    await seedPastEvent(staff, now);
    await seedBids(funds, staff, now);
    // why: the past event was decided, revealed and paid, and the app takes a checkpoint after
    // each of those; the demo starts with it taken, as a real deployment would have it.
    await takeOwedCheckpoint();
    console.log(`Demo data created (${where}). Demo staff logins, password "${DEMO_PASSWORD}":`);
    for (const user of staff.all) console.log(`  ${user.email.padEnd(28)} ${user.roles.join(", ")}`);
  } finally {
    await closeDatabase();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
