// Seeds, through the models' test fixtures and before the e2e app opens the database (PGlite
// serves one process), the evening of issue 13 §1: a round whose part-funding may be no less
// than 50 % of the ask, in a fund whose policy allows exceptions to a round's rules, and an
// event whose scoring has closed with two bids (£4,800 and £1,500) waiting for the funder.
// Usage: tsx e2e/seed-rule-exception.ts <port> (PGLITE_DIR or DATABASE_URL as for the app).
import { writeFileSync } from "node:fs";
import { closeDatabase, db, openDatabase } from "~/db.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeScoredEvent, scores } from "~/testing/payments-fixtures";
import { ruleExceptionFixturePath, type RuleExceptionFixture } from "./rule-exception-fixture";

async function main() {
  const port = process.argv[2];
  if (!port) throw new Error("Usage: seed-rule-exception.ts <port>");
  await openDatabase({ migrate: false });
  try {
    const { fund, round, event, bids } = await makeScoredEvent({
      potPence: 1_000_000,
      minAwardPence: 20_000,
      partFundingAllowed: true,
      partFundingMinPercent: 50,
      bids: [
        { amountPence: 480_000, scores: scores([5, 5]) },
        { amountPence: 150_000, scores: scores([4, 4]) },
      ],
    });
    await db().fund.update({ where: { id: fund.id }, data: { name: "Hanham Parish Small Grants", allowRuleExceptions: true } });
    await db().round.update({ where: { id: round.id }, data: { title: "Hanham spring grants" } });
    await db().event.update({ where: { id: event.id }, data: { title: "Hanham pitch night" } });
    const groups = ["Hanham Repair Café", "Kingswood Walking Netball"];
    for (const [i, bid] of bids.entries()) {
      await db().bid.update({ where: { id: bid.id }, data: { groupName: groups[i], projectTitle: `${groups[i]}: the first year` } });
    }
    const fixture: RuleExceptionFixture = {
      eventId: event.id,
      fundId: fund.id,
      breaking: { group: groups[0], reference: bids[0].reference },
      other: { group: groups[1], reference: bids[1].reference },
    };
    writeFileSync(ruleExceptionFixturePath(port), JSON.stringify(fixture));
  } finally {
    await closeLiveBus();
    await closeDatabase();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
