// Seeds, through the models' test fixtures and before the e2e app opens the database (PGlite
// serves one process), a group that wrote its bid in Welsh, was funded with feedback in Welsh,
// and has its award offered, not yet accepted: what the group's pages in Welsh need. Its fund,
// round and event are its own (a round closed in the spring), apart from the demo's.
// Usage: tsx e2e/seed-cymraeg-after.ts <port> (PGLITE_DIR or DATABASE_URL as for the app).
import { writeFileSync } from "node:fs";
import { offerAward } from "~/coordinators/payments/awards.server";
import { closeDatabase, db, openDatabase } from "~/db.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { recordDecision } from "~/models/decision.server";
import { confirmAndReveal, makeFunder, makeScoredEvent, scores } from "~/testing/payments-fixtures";
import { newSecretToken } from "~/utils/secret-token.server";
import { cymraegAfterFixturePath, type CymraegAfterFixture } from "./cymraeg-after-fixture";
import { seedCymraegMail } from "./seed-cymraeg-mail";

const GROUP = "Gardd Gymunedol Llanfair";
const FEEDBACK = "Syniad cryf, gyda chefnogaeth leol amlwg. Pob lwc gyda’r tymor tyfu!";

async function main() {
  const port = process.argv[2];
  if (!port) throw new Error("Usage: seed-cymraeg-after.ts <port>");
  await openDatabase({ migrate: false });
  try {
    const { fund, round, event, bids } = await makeScoredEvent({ bids: [{ amountPence: 150_000, scores: scores([5, 5]), email: "post@gardd-llanfair.example" }] });
    await db().fund.update({ where: { id: fund.id }, data: { name: "Cronfa Fach Llanfair", funderName: "Cyngor Cymuned Llanfair" } });
    await db().round.update({
      where: { id: round.id },
      data: { title: "Grantiau’r gwanwyn Llanfair", opensAt: new Date("2026-01-05T09:00:00Z"), closesAt: new Date("2026-03-02T17:00:00Z") },
    });
    await db().event.update({ where: { id: event.id }, data: { title: "Noson gyflwyno Llanfair" } });
    const { token, hash } = newSecretToken();
    const bid = await db().bid.update({
      where: { id: bids[0].id },
      data: { groupName: GROUP, projectTitle: "Twnnel tyfu i’r ardd", language: "cy", editTokenHash: hash },
    });
    const funder = await makeFunder("Ffion Cyllidwr");
    const decided = await recordDecision({ eventId: event.id, bidId: bid.id, outcome: "FUNDED", amountPence: 150_000, overrideReason: "", feedback: FEEDBACK }, funder);
    if (!decided.ok) throw new Error(decided.message);
    await confirmAndReveal(event.id, funder);
    const offered = await offerAward(decided.decision.id, { conditions: "Gwario’r grant ar y twnnel tyfu o fewn blwyddyn, ac anfon adroddiad byr gyda derbynebau." }, funder);
    if (!offered.ok) throw new Error(offered.message);
    const fixture: CymraegAfterFixture = { link: `/bid/${token}`, reference: bid.reference, group: GROUP, feedback: FEEDBACK };
    writeFileSync(cymraegAfterFixturePath(port), JSON.stringify(fixture));
    await seedCymraegMail(port);
  } finally {
    await closeLiveBus();
    await closeDatabase();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
