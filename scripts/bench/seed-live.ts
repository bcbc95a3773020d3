// The benchmark's seeding process: a live event mid-evening, written through the models, then
// the database is closed (PGlite serves one process: the servers open it after this exits).
// Usage: node --import tsx scripts/bench/seed-live.ts <fixture.json> (PGLITE_DIR or DATABASE_URL).
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { closeDatabase, db, openDatabase } from "~/db.server";
import { LIMITS } from "~/domain/bid";
import { createUser } from "~/models/user.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { rememberDevice } from "~/requests/panel-device.server";
import type { BenchFixture } from "./fixture";

/** Pitches in the running order: all but the last are heard and open for scores. */
export const PITCHES = 11;
/** Panellists scoring through the app; as many again are written to by the yardstick. */
export const PANELLISTS = 20;

const SENTENCES = [
  "We meet every Tuesday evening in the church hall and have done for eleven years.",
  "Most of our members are over seventy and several live on their own.",
  "The grant would pay for materials, hall hire and a small amount of volunteer expenses.",
  "Last winter we had to turn people away because the room was too cold to use.",
  "Children from the primary school visit twice a term and help with the planting.",
  "We have quotes from two local suppliers and chose the cheaper one.",
  "Our treasurer keeps the accounts and they are checked each year by an independent examiner.",
  "The parish council has offered the land rent-free for the next five years.",
  "People told us in our survey that they want somewhere to go that is not the pub.",
  "Volunteers will do the building work on two Saturdays in the spring.",
  "We will count how many people come each week and share the numbers with the fund.",
  "Anything left over at the end of the project will go back into the community plot.",
  "The room is step-free and has an accessible toilet, so everyone can take part.",
  "We will run a taster day so that new people can try it before they commit.",
  "Local businesses have promised raffle prizes to help cover the running costs.",
  "Without this money the club will have to close at the end of the year.",
];

// why: realistic prose at each field's full length, so the pages weigh what a long bid makes
// them weigh (repeated text would compress unrealistically well).
function prose(seed: number, limit: number) {
  let text = "";
  for (let i = 0; ; i++) {
    const next = SENTENCES[(seed * 7 + i * 5) % SENTENCES.length];
    if (text.length + next.length + 1 > limit) return text;
    text = text ? `${text} ${next}` : next;
  }
}

async function main() {
  const out = process.argv[2];
  if (!out) throw new Error("Usage: seed-live.ts <fixture.json>");
  await openDatabase({ migrate: false });
  try {
    const password = randomBytes(18).toString("base64url");
    const chair = await createUser(
      { email: `bench-chair-${randomBytes(4).toString("hex")}@pitchday.test`, name: "Bench Chair", password, roles: ["ORGANISER"] },
      { actor: { type: "system" }, via: "seed" },
    );
    const live = await makeLiveEvent({ bids: PITCHES, panellists: PANELLISTS * 2, quorum: 3, audienceMode: "OPEN", votesPerPerson: 3 });
    for (const [index, bid] of live.bids.entries()) {
      await db().bid.update({
        where: { id: bid.id },
        data: {
          groupName: prose(index, 60).slice(0, LIMITS.groupName),
          projectTitle: `Project ${index + 1}: ${prose(index + 3, LIMITS.projectTitle - 14)}`,
          area: "Thornbury and the surrounding parishes, BS35",
          summary: prose(index + 1, LIMITS.summary),
          difference: prose(index + 2, LIMITS.difference),
          beneficiaries: prose(index + 4, LIMITS.beneficiaries),
          beneficiaryCount: 40 + index * 13,
          budgetLines: {
            create: Array.from({ length: 8 }, (_, line) => ({
              position: line,
              item: prose(index + line, 60),
              amountPence: 12_500 + line * 2_750,
            })),
          },
        },
      });
    }
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    // why: NEXT three times per pitch: pitching, questions, scoring (which stays open).
    for (let i = 0; i < (PITCHES - 1) * 3 + 1; i++) await live.chair({ type: "NEXT" });
    const slots = await db().slot.findMany({ where: { eventId: live.event.id }, orderBy: { position: "asc" } });
    const current = slots[slots.length - 1];
    if (current.state !== "PITCHING" || slots.slice(0, -1).some((s) => s.state !== "SCORING")) {
      throw new Error(`The event did not reach the expected stage: ${slots.map((s) => s.state).join(", ")}`);
    }
    const phone = new Request("http://localhost/");
    const panellists = [];
    for (const p of live.panellists.slice(0, PANELLISTS)) {
      const setCookie = await rememberDevice(phone, live.event.id, p.deviceToken);
      panellists.push({ id: p.id, cookie: setCookie.split(";")[0] });
    }
    const fixture: BenchFixture = {
      eventId: live.event.id,
      joinCode: live.event.joinCode,
      chair: { email: chair.email, password },
      criteria: live.criteria.map((c) => ({ id: c.id, scaleMin: c.scaleMin, scaleMax: c.scaleMax })),
      scoring: slots.slice(0, -1).map((s) => ({ slotId: s.id, bidId: s.bidId })),
      currentSlotId: current.id,
      startedBidIds: slots.slice(0, 3).map((s) => s.bidId),
      panellists,
      barePanellists: live.panellists.slice(PANELLISTS).map((p) => ({ id: p.id })),
    };
    writeFileSync(out, JSON.stringify(fixture));
  } finally {
    await closeLiveBus();
    await closeDatabase();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
