// Seeds the big screen's worst case through the models, before the e2e app opens the database
// (PGlite serves one process): 13 pitches whose group names and project titles are as long as
// the bid form allows, an event title at the event form's limit, a conflict of interest (the
// scored line's longest wording), and an event already running over time, with a panellist
// invited to join on a phone.
// Usage: tsx e2e/seed-big-screen.ts <port> (PGLITE_DIR or DATABASE_URL as for the app).
import { writeFileSync } from "node:fs";
import { closeDatabase, db, openDatabase } from "~/db.server";
import { LIMITS } from "~/domain/bid";
import { panelInvitePath } from "~/components/live/links";
import { revealAwards } from "~/models/award-reveal.server";
import { confirmDecisions, recordDecision } from "~/models/decision.server";
import { declareConflict, invitePanellist } from "~/models/panel.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeLiveEvent, makeStaff } from "~/testing/live-fixtures";
import { makeFunder, makeScoredEvent, scores } from "~/testing/payments-fixtures";
import { bigScreenFixturePath, type BigScreenFixture } from "./big-screen-fixture";

const PITCHES = 13;
/** The pitch running over time in the second event: the audience can vote for it and the three before. */
const LATE_PITCH = 4;
const EVENT_TITLE_MAX = 120;

const WORDS =
  "Thornbury and District Over-Sixties Woodworking, Gardening, Cookery and Community Allotment Association for Everyone Who Lives Nearby";

/** Text of exactly `length` characters that reads like a name, numbered so rows differ. */
function atLimit(n: number, words: string, length: number) {
  let text = `${n}. ${words}`;
  while (text.length < length) text = `${text} ${words}`;
  return text.slice(0, length).trimEnd().padEnd(length, "x");
}

async function seedEvent(title: string, conflictAt: number) {
  const live = await makeLiveEvent({ bids: PITCHES, panellists: 4, quorum: 3, audienceMode: "OPEN", votesPerPerson: 3 });
  for (const [i, bid] of live.bids.entries()) {
    await db().bid.update({
      where: { id: bid.id },
      data: {
        groupName: atLimit(i + 1, WORDS, LIMITS.groupName),
        projectTitle: atLimit(i + 1, `A warm welcome: ${WORDS}`, LIMITS.projectTitle),
      },
    });
  }
  await db().event.update({ where: { id: live.event.id }, data: { title: atLimit(1, title, EVENT_TITLE_MAX) } });
  const conflict = await declareConflict(
    { panellistId: live.panellists[0].id, bidId: live.slots[conflictAt].bidId, reason: "My sister runs this group." },
    { type: "panellist", id: live.panellists[0].id },
  );
  if (!conflict.ok) throw new Error(conflict.message);
  await live.chair({ type: "MARK_READY" });
  return live;
}

/** An evening whose 13 pitches were all funded (every third in part), decided and revealed. */
async function seedRevealedAwards() {
  const scored = await makeScoredEvent({
    potPence: 5_000_000,
    partFundingAllowed: true,
    bids: Array.from({ length: PITCHES }, () => ({ amountPence: 300_000, scores: scores([5, 5]) })),
  });
  for (const [i, bid] of scored.bids.entries()) {
    await db().bid.update({
      where: { id: bid.id },
      data: { groupName: atLimit(i + 1, WORDS, LIMITS.groupName), projectTitle: atLimit(i + 1, `A warm welcome: ${WORDS}`, LIMITS.projectTitle) },
    });
  }
  const funder = await makeFunder();
  for (const [i, bid] of scored.bids.entries()) {
    const part = i % 3 === 2;
    const decided = await recordDecision(
      { eventId: scored.event.id, bidId: bid.id, outcome: part ? "PART_FUNDED" : "FUNDED", amountPence: part ? 150_000 : 0, overrideReason: part ? "The panel asked for a smaller first year." : "", feedback: "Thank you." },
      funder,
    );
    if (!decided.ok) throw new Error(decided.message);
  }
  const confirmed = await confirmDecisions(scored.event.id, funder);
  if (!confirmed.ok) throw new Error(confirmed.message);
  const organiser = await makeStaff();
  const revealed = await revealAwards(scored.event.id, "all", { id: organiser.user.id, roles: ["ORGANISER"] });
  if (!revealed.ok) throw new Error(revealed.message);
  return scored.event.id;
}

async function main() {
  const port = process.argv[2];
  if (!port) throw new Error("Usage: seed-big-screen.ts <port>");
  await openDatabase({ migrate: false });
  try {
    const main = await seedEvent("Big screen night at the Thornbury and District Community Centre, with every pitch at the form's limits", 0);
    const late = await seedEvent("Over time at the Thornbury and District Community Centre", LATE_PITCH - 1);
    // why: commands given ten minutes ago leave the pitch on stage well over its three minutes.
    const past = new Date(Date.now() - 10 * 60_000);
    await late.chair({ type: "START" }, past);
    // Pitching, questions and scoring for each earlier pitch, then the late pitch starts.
    for (let i = 0; i < (LATE_PITCH - 1) * 3 + 1; i++) await late.chair({ type: "NEXT" }, past);
    const invited = await invitePanellist({ eventId: late.event.id, name: "Panellist on a phone" }, late.organiser.actor);
    if (!invited.ok) throw new Error(invited.message);
    const keyboard = await invitePanellist({ eventId: late.event.id, name: "Panellist with a keyboard" }, late.organiser.actor);
    if (!keyboard.ok) throw new Error(keyboard.message);
    const welsh = await invitePanellist({ eventId: late.event.id, name: "Panelydd Cymraeg" }, late.organiser.actor);
    if (!welsh.ok) throw new Error(welsh.message);
    const welshJs = await invitePanellist({ eventId: late.event.id, name: "Panelydd Cymraeg gyda JavaScript" }, late.organiser.actor);
    if (!welshJs.ok) throw new Error(welshJs.message);
    const awardsEventId = await seedRevealedAwards();
    const fixture: BigScreenFixture = {
      eventId: main.event.id,
      awardsEventId,
      overtimeEventId: late.event.id,
      overtimeJoinCode: late.event.joinCode,
      panelInvitePath: panelInvitePath(invited.inviteToken),
      keyboardPanelInvitePath: panelInvitePath(keyboard.inviteToken),
      welshPanelInvitePath: panelInvitePath(welsh.inviteToken),
      welshJsPanelInvitePath: panelInvitePath(welshJs.inviteToken),
      pitches: PITCHES,
      latePitch: LATE_PITCH,
    };
    writeFileSync(bigScreenFixturePath(port), JSON.stringify(fixture));
  } finally {
    await closeLiveBus();
    await closeDatabase();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
