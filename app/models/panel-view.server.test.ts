import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { makeLiveEvent, sheetItems } from "~/testing/live-fixtures";
import { findInvite, panellistEvent, pitchOnePage } from "~/models/panel-view.server";
import { claimInvite, declareConflict, invitePanellist, reissueInvite, revokePanellist } from "~/models/panel.server";
import { submitScore } from "~/models/score.server";
import { closeLiveBus } from "~/db/live/bus.server";

useTestDatabase();
afterAll(() => closeLiveBus());

const uuid = () => crypto.randomUUID();

describe("an invite link opened on a phone", () => {
  it("says whether the link is free, already on a phone, withdrawn, or for a finished event", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const invited = await invitePanellist({ eventId: live.event.id, name: "Asha Rahman" }, live.organiser.actor);
    if (!invited.ok) throw new Error(invited.message);
    expect(await findInvite(invited.inviteToken)).toEqual({
      panellistId: invited.panellist.id,
      eventId: live.event.id,
      eventTitle: "Pitch night",
      name: "Asha Rahman",
      status: "OPEN",
    });
    await claimInvite(invited.inviteToken, null);
    expect(await findInvite(invited.inviteToken)).toMatchObject({ status: "BOUND" });

    const reissued = await reissueInvite(live.event.id, invited.panellist.id, live.organiser.actor);
    if (!reissued.ok) throw new Error(reissued.message);
    expect(await findInvite(invited.inviteToken)).toBeNull();
    expect(await findInvite(reissued.inviteToken)).toMatchObject({ status: "OPEN" });

    await revokePanellist(live.event.id, invited.panellist.id, live.organiser.actor);
    expect(await findInvite(reissued.inviteToken)).toMatchObject({ status: "REVOKED" });

    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    await live.chair({ type: "CLOSE_SCORING", leaveUnheard: true });
    await live.chair({ type: "MARK_DECIDED" });
    expect(await findInvite(live.panellists[0].inviteToken)).toMatchObject({ status: "FINISHED" });
  });

  it("finds nothing for a made-up or absurd token", async () => {
    expect(await findInvite("not-a-real-token")).toBeNull();
    expect(await findInvite("")).toBeNull();
    expect(await findInvite("x".repeat(5_000))).toBeNull();
  });
});

describe("the panellist's running order", () => {
  it("shows each pitch in order with this panellist's latest version, conflicts, and nobody else's scores", async () => {
    const live = await makeLiveEvent({ bids: 3, panellists: 2 });
    const [me, other] = live.panellists;
    const [bidA, bidB, bidC] = live.bids;
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    await submitScore({ panellistId: me.id, bidId: bidA.id, sheet: { items: sheetItems(live.criteria, [2, 7]), comment: "", clientMutationId: uuid() } });
    await submitScore({ panellistId: me.id, bidId: bidA.id, sheet: { items: sheetItems(live.criteria, [4, 9]), comment: "Clear plan", clientMutationId: uuid() } });
    await submitScore({ panellistId: other.id, bidId: bidB.id, sheet: { items: sheetItems(live.criteria, [1, 1]), comment: "", clientMutationId: uuid() } });
    await declareConflict({ panellistId: me.id, bidId: bidC.id, reason: "I chair this group" }, { type: "panellist", id: me.id });

    const view = await panellistEvent(me.id);
    expect(view).not.toBeNull();
    expect(view!.panellist).toEqual({ id: me.id, name: "Panellist 1" });
    expect(view!.event).toMatchObject({ id: live.event.id, state: "LIVE", currentSlotId: live.slots[0].id, timeZone: "Europe/London" });
    expect(view!.criteria.map((c) => [c.name, c.scaleMin, c.scaleMax])).toEqual([
      ["Need", 1, 5],
      ["Plan", 0, 10],
    ]);
    expect(view!.pitches.map((p) => [p.bidId, p.state, p.sheet?.version ?? null, p.conflict?.reason ?? null])).toEqual([
      [bidA.id, "QUESTIONS", 2, null],
      [bidB.id, "WAITING", null, null],
      [bidC.id, "WAITING", null, "I chair this group"],
    ]);
    expect(view!.pitches[0].sheet).toMatchObject({
      comment: "Clear plan",
      items: [
        { criterionId: live.criteria[0].id, value: 4 },
        { criterionId: live.criteria[1].id, value: 9 },
      ],
    });
  });

  it("has nothing for a panellist who was removed", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    await revokePanellist(live.event.id, live.panellists[0].id, live.organiser.actor);
    expect(await panellistEvent(live.panellists[0].id)).toBeNull();
    expect(await panellistEvent("no-such-panellist")).toBeNull();
  });
});

describe("a pitch's one page", () => {
  it("gives the panel the bid and its budget in order, without the group's contact details", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const bid = live.bids[0];
    await db().bid.update({
      where: { id: bid.id },
      data: {
        summary: "A polytunnel for the community plot.",
        difference: "Growing all year.",
        beneficiaries: "Plot holders",
        beneficiaryCount: 140,
        contact: { create: { name: "Margaret Hale", email: "margaret@example.test" } },
        budgetLines: {
          create: [
            { position: 1, item: "Staging", amountPence: 38_000 },
            { position: 0, item: "Polytunnel kit", amountPence: 165_000 },
          ],
        },
      },
    });
    const page = await pitchOnePage(live.event.id, bid.id);
    expect(page).toEqual({
      bidId: bid.id,
      reference: bid.reference,
      projectTitle: "Project 1",
      groupName: "Group 1",
      area: "",
      summary: "A polytunnel for the community plot.",
      difference: "Growing all year.",
      beneficiaries: "Plot holders",
      beneficiaryCount: 140,
      amountRequestedPence: 100_000,
      budgetLines: [
        { item: "Polytunnel kit", amountPence: 165_000 },
        { item: "Staging", amountPence: 38_000 },
      ],
      // The language the group wrote in, so the page marks its words (Welsh as lang="cy").
      language: "en",
    });
    expect(JSON.stringify(page)).not.toMatch(/Margaret|margaret@/);
  });

  it("finds nothing for a bid that is not in the event", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const other = await makeLiveEvent({ bids: 1, panellists: 1 });
    expect(await pitchOnePage(live.event.id, other.bids[0].id)).toBeNull();
  });
});
