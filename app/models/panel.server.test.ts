import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { makeLiveEvent, makeStaff } from "~/testing/live-fixtures";
import {
  claimInvite,
  declareConflict,
  invitePanellist,
  listPanel,
  panellistForDevice,
  reissueInvite,
  revokePanellist,
  withdrawConflict,
} from "~/models/panel.server";
import { closeLiveBus, subscribe, type LiveSignal } from "~/db/live/bus.server";
import { hashSecretToken } from "~/utils/secret-token.server";

useTestDatabase();
afterAll(() => closeLiveBus());

async function eventWithoutPanel() {
  return makeLiveEvent({ bids: 2, panellists: 0 });
}

describe("inviting panellists", () => {
  it("stores only a hash of the invite token and audits the invitation without the name", async () => {
    const live = await eventWithoutPanel();
    const invited = await invitePanellist({ eventId: live.event.id, name: "  Priya Patel " }, live.organiser.actor);
    if (!invited.ok) throw new Error(invited.message);
    expect(invited.inviteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db().panellist.findUniqueOrThrow({ where: { id: invited.panellist.id } });
    expect(row).toMatchObject({ name: "Priya Patel", inviteTokenHash: hashSecretToken(invited.inviteToken), deviceTokenHash: null, joinedAt: null });
    expect(JSON.stringify(row)).not.toContain(invited.inviteToken);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { subjectType: "panellist", subjectId: row.id } });
    expect(audit).toMatchObject({ action: "panellist.invited", payload: { eventId: live.event.id, userId: null } });
    expect(JSON.stringify(audit)).not.toContain("Priya");
  });

  it("needs a name, and refuses a staff member already on the panel", async () => {
    const live = await eventWithoutPanel();
    expect(await invitePanellist({ eventId: live.event.id, name: " " }, live.organiser.actor)).toEqual({ ok: false, message: "Enter the panellist's name." });
    const funder = await makeStaff("FUNDER");
    expect((await invitePanellist({ eventId: live.event.id, name: "F", userId: funder.user.id }, live.organiser.actor)).ok).toBe(true);
    expect(await invitePanellist({ eventId: live.event.id, name: "F", userId: funder.user.id }, live.organiser.actor)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already on this event's panel/),
    });
  });
});

describe("opening the invite on a phone", () => {
  it("binds the first device, lets that device open the link again, and refuses a second device", async () => {
    const live = await eventWithoutPanel();
    const invited = await invitePanellist({ eventId: live.event.id, name: "Sam" }, live.organiser.actor);
    if (!invited.ok) throw new Error(invited.message);
    const heard: LiveSignal[] = [];
    const stop = subscribe(live.event.id, (s) => heard.push(s));

    const first = await claimInvite(invited.inviteToken, null, new Date("2027-05-14T17:30:00Z"));
    if (!first.ok) throw new Error(first.message);
    expect(first).toMatchObject({ panellistId: invited.panellist.id, eventId: live.event.id });
    const row = await db().panellist.findUniqueOrThrow({ where: { id: invited.panellist.id } });
    expect(row).toMatchObject({ deviceTokenHash: hashSecretToken(first.deviceToken), joinedAt: new Date("2027-05-14T17:30:00Z") });
    expect(heard).toHaveLength(1);
    stop();

    expect(await claimInvite(invited.inviteToken, first.deviceToken)).toEqual({ ...first, ok: true });
    expect(await claimInvite(invited.inviteToken, null)).toEqual({
      ok: false,
      message: "panel.join.otherDevice",
    });
    expect(await claimInvite(invited.inviteToken, "someone-elses-device")).toMatchObject({ ok: false });
    expect((await panellistForDevice(first.deviceToken))?.id).toBe(invited.panellist.id);
    expect(await panellistForDevice("unknown")).toBeNull();
    expect(await db().auditEntry.count({ where: { subjectId: invited.panellist.id, action: "panellist.joined" } })).toBe(1);
  });

  it("lets only one of two phones opening the same link at the same moment keep it", async () => {
    const live = await eventWithoutPanel();
    const invited = await invitePanellist({ eventId: live.event.id, name: "Sam" }, live.organiser.actor);
    if (!invited.ok) throw new Error(invited.message);
    const results = await Promise.all([1, 2, 3].map(() => claimInvite(invited.inviteToken, null)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toHaveLength(2);
  });

  it("refuses a made-up link", async () => {
    expect(await claimInvite("not-a-real-token", null)).toEqual({
      ok: false,
      message: "panel.join.notValid",
    });
  });

  it("re-issuing gives a new link and releases the old phone; the old link stops working", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const [p] = live.panellists;
    const again = await reissueInvite(live.event.id, p.id, live.organiser.actor);
    if (!again.ok) throw new Error(again.message);
    expect(await panellistForDevice(p.deviceToken)).toBeNull();
    expect((await claimInvite(p.inviteToken, p.deviceToken)).ok).toBe(false);
    const fresh = await claimInvite(again.inviteToken, null);
    expect(fresh.ok).toBe(true);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { subjectId: p.id, action: "panellist.invite_reissued" } });
    expect(audit.payload).toEqual({ eventId: live.event.id, deviceReleased: true });
  });

  it("revoking stops the link and the phone, and cannot be repeated", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const [p] = live.panellists;
    expect(await revokePanellist(live.event.id, p.id, live.organiser.actor)).toEqual({ ok: true });
    expect(await panellistForDevice(p.deviceToken)).toBeNull();
    expect(await claimInvite(p.inviteToken, p.deviceToken)).toEqual({
      ok: false,
      message: "panel.join.withdrawn",
    });
    expect(await revokePanellist(live.event.id, p.id, live.organiser.actor)).toEqual({ ok: false, message: "This panellist has already been removed from the panel." });
    expect(await reissueInvite(live.event.id, p.id, live.organiser.actor)).toMatchObject({ ok: false });
    const [row] = await listPanel(live.event.id);
    expect(row).toMatchObject({ status: "REVOKED", pitchesScored: 0 });
  });
});

describe("conflicts of interest", () => {
  it("records a conflict with its reason (kept out of the audit log) and is idempotent", async () => {
    const live = await makeLiveEvent({ bids: 2, panellists: 1 });
    const [p] = live.panellists;
    const bidId = live.bids[0].id;
    const declared = await declareConflict({ panellistId: p.id, bidId, reason: "My brother runs this group" }, { type: "panellist", id: p.id });
    expect(declared).toMatchObject({ ok: true, alreadyDeclared: false });
    expect(await declareConflict({ panellistId: p.id, bidId, reason: "again" }, { type: "panellist", id: p.id })).toMatchObject({ ok: true, alreadyDeclared: true });
    const conflict = await db().conflict.findUniqueOrThrow({ where: { panellistId_bidId: { panellistId: p.id, bidId } } });
    expect(conflict.reason).toBe("My brother runs this group");
    const audit = await db().auditEntry.findMany({ where: { action: "conflict.declared", subjectId: conflict.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0].payload).toEqual({ eventId: live.event.id, panellistId: p.id, bidId, declaredBy: "panellist" });
    expect(JSON.stringify(audit)).not.toContain("brother");
    const [row] = await listPanel(live.event.id);
    expect(row.conflicts).toEqual([{ bidId, reason: "My brother runs this group", declaredAt: conflict.declaredAt }]);
  });

  it("accepts conflicts until the pitch is locked, then refuses changes", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const [p] = live.panellists;
    const bidId = live.bids[0].id;
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    await live.chair({ type: "NEXT" });
    expect((await declareConflict({ panellistId: p.id, bidId, reason: "Realised during questions" }, { type: "panellist", id: p.id })).ok).toBe(true);
    expect(await withdrawConflict({ panellistId: p.id, bidId }, { type: "panellist", id: p.id })).toEqual({ ok: true });
    expect(await withdrawConflict({ panellistId: p.id, bidId }, { type: "panellist", id: p.id })).toEqual({
      ok: false,
      message: "panel.conflicts.refusal.noneDeclared",
    });
    await live.chair({ type: "LOCK", slotId: live.slots[0].id });
    expect(await declareConflict({ panellistId: p.id, bidId, reason: "Too late" }, { type: "panellist", id: p.id })).toEqual({
      ok: false,
      message: "panel.conflicts.refusal.locked",
    });
  });

  it("needs a reason and a pitch of this event", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const other = await makeLiveEvent({ bids: 1, panellists: 0 });
    const [p] = live.panellists;
    expect(await declareConflict({ panellistId: p.id, bidId: live.bids[0].id, reason: "  " }, { type: "panellist", id: p.id })).toMatchObject({
      ok: false,
      message: "panel.conflicts.error.reason",
    });
    expect(await declareConflict({ panellistId: p.id, bidId: other.bids[0].id, reason: "x" }, { type: "panellist", id: p.id })).toEqual({
      ok: false,
      message: "panel.conflicts.refusal.notInEvent",
    });
  });
});
