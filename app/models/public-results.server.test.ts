import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { cancelAward } from "~/models/award.server";
import { revealResults } from "~/models/event.server";
import { publicResults, revealedEvents } from "~/models/public-results.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { seedPastEvent, type PastEvent } from "../../prisma/seed/past-event";
import { seedStaff } from "../../prisma/seed/staff";

// What the public sees of an event once its results are revealed, using the demo's completed
// event: the funded projects and amounts, the total and the pot left, and nothing else.

useTestDatabase();
afterAll(() => closeLiveBus());

let past: PastEvent;

beforeAll(async () => {
  past = await seedPastEvent(await seedStaff(), new Date());
});

describe("public results", () => {
  it("list the funded projects with their grants, the total and what is left in the fund", async () => {
    const results = (await publicResults(past.eventId))!;
    expect(results).toMatchObject({ title: "Summer pitch night", confirmed: true, pitched: 5, awardedPence: 530_000, potPence: 600_000, remainingPence: 70_000 });
    expect(results.funded.map((f) => [f.groupName, f.outcome, f.amountPence, f.requestedPence])).toEqual([
      ["Thornbury Men's Shed", "PART_FUNDED", 200_000, 240_000],
      ["Alveston Village Hall Trust", "FUNDED", 180_000, 180_000],
      ["Thornbury Community Larder", "FUNDED", 150_000, 150_000],
    ]);
  });

  it("say nothing about the groups not funded, the panel or anyone's contact details", async () => {
    const text = JSON.stringify(await publicResults(past.eventId));
    expect(text).not.toMatch(/Oldbury Wildlife Watch|Severn Singers|@|\.example|Joanne Price|Ruth Evans|Grace Lin|Fran Funder|trustee/);
  });

  it("are listed once revealed, newest first, with each event's total", async () => {
    const listed = await revealedEvents();
    expect(listed).toContainEqual(expect.objectContaining({ id: past.eventId, title: "Summer pitch night", funded: 3, awardedPence: 530_000 }));
  });

  it("are not there before the reveal, nor for an event that does not exist", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    expect(await publicResults(live.event.id)).toBeNull();
    expect((await revealedEvents()).map((e) => e.id)).not.toContain(live.event.id);
    expect(await publicResults("no-such-event")).toBeNull();
  });

  it("list no projects while the decisions are still to be confirmed", async () => {
    const live = await makeLiveEvent({ bids: 2, panellists: 1 });
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "CLOSE_SCORING", leaveUnheard: true });
    expect((await revealResults(live.event.id, live.organiser.actor)).ok).toBe(true);
    const results = (await publicResults(live.event.id))!;
    expect(results).toMatchObject({ confirmed: false, pitched: 1, funded: [], awardedPence: 0 });
  });

  // Last: it cancels an award for the rest of this file.
  it("take off an award cancelled after the event", async () => {
    const funder = await db().user.findUniqueOrThrow({ where: { email: "funder@pitchday.test" }, select: { id: true, roles: true } });
    expect((await cancelAward(past.awards.shed, { reason: "The group has folded and cannot use the grant." }, funder)).ok).toBe(true);
    const results = (await publicResults(past.eventId))!;
    expect(results.funded.map((f) => f.groupName)).toEqual(["Alveston Village Hall Trust", "Thornbury Community Larder"]);
    expect(results).toMatchObject({ awardedPence: 330_000, remainingPence: 270_000 });
  });
});
