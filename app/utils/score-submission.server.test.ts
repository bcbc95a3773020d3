import { useTestDatabase } from "~/testing/database";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { myScores } from "~/models/score.server";
import { closeLiveBus } from "~/services/live/bus.server";
import { receiveScore } from "~/utils/score-submission.server";

useTestDatabase();
afterAll(() => closeLiveBus());

// What both score doors (the plain form and the phone's queue) answer for one posted sheet.

async function openPitch() {
  const live = await makeLiveEvent({ bids: 1, panellists: 1 });
  await live.chair({ type: "MARK_READY" });
  await live.chair({ type: "START" });
  await live.chair({ type: "NEXT" }); // pitching
  await live.chair({ type: "NEXT" }); // questions: scoring opens
  const [need, plan] = live.criteria;
  const panellist = { id: live.panellists[0].id, eventId: live.event.id };
  return { live, need, plan, panellist, bidId: live.bids[0].id };
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("receiving a score sheet from a phone", () => {
  it("saves it and says the version and the time in the fund's zone; a resend is the same answer", async () => {
    const { need, plan, panellist, bidId } = await openPitch();
    const sent = form({ [`items.${need.id}`]: "4", [`items.${plan.id}`]: "9", comment: "Good", clientMutationId: crypto.randomUUID() });
    const saved = await receiveScore(panellist, bidId, sent);
    expect(saved).toEqual({ kind: "saved", version: 1, at: expect.stringMatching(/^\d\d:\d\d$/), duplicate: false });
    expect(await receiveScore(panellist, bidId, sent)).toEqual({ ...saved, duplicate: true });
    expect((await myScores(panellist.id)).map((s) => s.items.map((i) => i.value).sort((a, b) => a - b))).toEqual([[4, 9]]);
  });

  it("names what is wrong next to each field and keeps everything typed", async () => {
    const { need, plan, panellist, bidId } = await openPitch();
    const typed = { [`items.${need.id}`]: "7", comment: "Half done", clientMutationId: crypto.randomUUID() };
    expect(await receiveScore(panellist, bidId, form(typed))).toEqual({
      kind: "invalid",
      errors: {
        [`items.${need.id}`]: "The score for Need must be a whole number from 1 to 5.",
        [`items.${plan.id}`]: "Choose a score for Plan, from 0 to 10.",
      },
      values: typed,
    });
    expect(await myScores(panellist.id)).toEqual([]);
  });

  it("refuses a score for a locked pitch with the reason, keeping what was typed", async () => {
    const { live, need, plan, panellist, bidId } = await openPitch();
    await live.chair({ type: "NEXT" }); // scoring
    await live.chair({ type: "LOCK", slotId: live.slots[0].id }, new Date("2027-05-14T18:08:00Z"));
    const typed = { [`items.${need.id}`]: "3", [`items.${plan.id}`]: "3", comment: "", clientMutationId: crypto.randomUUID() };
    expect(await receiveScore(panellist, bidId, form(typed))).toEqual({
      kind: "refused",
      message: "Scoring for this pitch closed at 19:08; your score was not saved.",
      values: typed,
    });
  });
});
