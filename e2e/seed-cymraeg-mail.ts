// Seeds, for e2e/cymraeg-mail.spec.ts, a bilingual round whose event has been decided and its
// awards revealed (so its groups' decision emails are in the outbox): a group that wrote in
// Welsh funded, one that wrote in English not; and a bilingual round open for bids. Run by
// e2e/seed-cymraeg-after.ts, inside its open database.
import { writeFileSync } from "node:fs";
import { db } from "~/db.server";
import { recordDecision } from "~/models/decision.server";
import { confirmAndReveal, makeFunder, makeScoredEvent, scores } from "~/testing/payments-fixtures";
import { cymraegMailFixturePath, type CymraegMailFixture } from "./cymraeg-mail-fixture";

const WELSH = { group: "Côr Meibion Dyffryn Ŵy", project: "Gwisgoedd newydd i’r côr", email: "ysgrifennydd@cor-dyffryn.example", feedback: "Cais clir a chynnes. Edrychwn ymlaen at y cyngerdd!" };
const ENGLISH = { group: "Wye Valley Walkers", email: "hello@wye-walkers.example" };

export async function seedCymraegMail(port: string) {
  // why the small pot: the Welsh bid ranks first and takes it, so the proposal leaves the English one unfunded.
  const { fund, round, event, bids } = await makeScoredEvent({
    potPence: 200_000,
    bids: [
      { amountPence: 150_000, scores: scores([5, 5]), email: WELSH.email },
      { amountPence: 150_000, scores: scores([2, 2]), email: ENGLISH.email },
    ],
  });
  await db().fund.update({ where: { id: fund.id }, data: { name: "Cronfa Dyffryn Gwy", funderName: "Cyngor Tref Trefynwy" } });
  await db().round.update({
    where: { id: round.id },
    data: { title: "Wye Valley autumn grants", bilingual: true, titleCy: "Grantiau hydref Dyffryn Gwy", opensAt: new Date("2026-01-05T09:00:00Z"), closesAt: new Date("2026-03-02T17:00:00Z") },
  });
  const welsh = await db().bid.update({ where: { id: bids[0].id }, data: { groupName: WELSH.group, projectTitle: WELSH.project, language: "cy" } });
  const english = await db().bid.update({ where: { id: bids[1].id }, data: { groupName: ENGLISH.group, projectTitle: "Footpath signs", language: "en" } });
  const funder = await makeFunder("Ffion Cyllidwr");
  for (const [bid, outcome, amountPence, feedback] of [
    [welsh, "FUNDED", 150_000, WELSH.feedback],
    [english, "NOT_FUNDED", 0, ""],
  ] as const) {
    const decided = await recordDecision({ eventId: event.id, bidId: bid.id, outcome, amountPence, overrideReason: "", feedback }, funder);
    if (!decided.ok) throw new Error(decided.message);
  }
  await confirmAndReveal(event.id, funder);

  const open = await db().round.create({
    data: {
      fundId: fund.id,
      title: "Wye Valley winter grants",
      titleCy: "Grantiau gaeaf Dyffryn Gwy",
      bilingual: true,
      slug: "grantiau-gaeaf-dyffryn-gwy",
      opensAt: new Date("2026-01-05T09:00:00Z"),
      closesAt: new Date("2036-03-02T17:00:00Z"),
      criteria: { create: [{ position: 0, name: "Need", weight: 1, scaleMin: 1, scaleMax: 5 }] },
    },
  });
  const fixture: CymraegMailFixture = {
    openRound: { slug: open.slug, titleCy: open.titleCy, title: open.title },
    eventId: event.id,
    roundId: round.id,
    welsh: { bidId: welsh.id, reference: welsh.reference, ...WELSH },
    english: { bidId: english.id, reference: english.reference, group: ENGLISH.group, email: ENGLISH.email },
  };
  writeFileSync(cymraegMailFixturePath(port), JSON.stringify(fixture));
}
