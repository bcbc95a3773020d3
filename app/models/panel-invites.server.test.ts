import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { makeLiveEvent } from "~/testing/live-fixtures";
import { claimInvite, invitePanellist, reissueInvite, reissueUnopenedInvites, revokePanellist } from "~/models/panel.server";
import { closeLiveBus } from "~/db/live/bus.server";

// Panel invites sent by email, the printed sheet of fresh links, and every change to a
// panellist naming its event.

useTestDatabase();
afterAll(() => closeLiveBus());

const MAIL_BASE = "https://grants.example.org";

describe("emailed panel invites", () => {
  it("queues the email with the invite link on APP_URL's address, in the invite's transaction", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 0 });
    const invited = await invitePanellist(
      { eventId: live.event.id, name: "Asha Rahman", email: "asha@example.org", mailBaseUrl: MAIL_BASE },
      live.organiser.actor,
    );
    if (!invited.ok) throw new Error(invited.message);
    expect(invited.emailed).toBe("asha@example.org");
    const [mail] = await db().mailMessage.findMany({ where: { to: "asha@example.org" } });
    expect(mail.subject).toBe("Your panel link for Pitch night");
    expect(mail.text).toContain(`${MAIL_BASE}/panel/join/${invited.inviteToken}`);
    expect(mail.text).toContain("Village Hall");
    expect((await claimInvite(invited.inviteToken, null)).ok).toBe(true);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { subjectId: invited.panellist.id, action: "panellist.invited" } });
    expect(JSON.stringify(audit)).not.toContain("asha@");
  });

  it("sends nothing when no address is given, and nothing when the invite is refused", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 0 });
    const before = await db().mailMessage.count();
    const plain = await invitePanellist({ eventId: live.event.id, name: "Ben Ode" }, live.organiser.actor);
    expect(plain).toMatchObject({ ok: true, emailed: null });
    const refused = await invitePanellist({ eventId: "no-such-event", name: "Cara", email: "cara@example.org", mailBaseUrl: MAIL_BASE }, live.organiser.actor);
    expect(refused.ok).toBe(false);
    expect(await db().mailMessage.count()).toBe(before);
  });
});

describe("a panellist is changed only through their own event", () => {
  it("refuses to re-issue or revoke another event's panellist", async () => {
    const mine = await makeLiveEvent({ bids: 1, panellists: 1 });
    const theirs = await makeLiveEvent({ bids: 1, panellists: 1 });
    const stranger = theirs.panellists[0];
    const notHere = { ok: false, message: "That panellist is not on this event's panel." };
    expect(await reissueInvite(mine.event.id, stranger.id, mine.organiser.actor)).toEqual(notHere);
    expect(await revokePanellist(mine.event.id, stranger.id, mine.organiser.actor)).toEqual(notHere);
    const row = await db().panellist.findUniqueOrThrow({ where: { id: stranger.id } });
    expect(row.revokedAt).toBeNull();
    expect((await claimInvite(stranger.inviteToken, stranger.deviceToken)).ok).toBe(true);
  });
});

describe("the printed sheet of invites", () => {
  it("gives every unopened panellist a fresh link, stops their old ones, and leaves joined and removed panellists alone", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    const [joined] = live.panellists;
    const names = ["Asha", "Ben", "Cara"];
    const tokens: Record<string, string> = {};
    for (const name of names) {
      const invited = await invitePanellist({ eventId: live.event.id, name }, live.organiser.actor);
      if (!invited.ok) throw new Error(invited.message);
      tokens[name] = invited.inviteToken;
    }
    const cara = await db().panellist.findFirstOrThrow({ where: { eventId: live.event.id, name: "Cara" } });
    await revokePanellist(live.event.id, cara.id, live.organiser.actor);

    const sheet = await reissueUnopenedInvites(live.event.id, live.organiser.actor);
    if (!sheet.ok) throw new Error(sheet.message);
    expect(sheet.invites.map((i) => i.name)).toEqual(["Asha", "Ben"]);
    for (const invite of sheet.invites) expect(invite.inviteToken).not.toBe(tokens[invite.name]);

    expect(await claimInvite(tokens.Asha, null)).toMatchObject({ ok: false });
    expect(await claimInvite(sheet.invites[0].inviteToken, null)).toMatchObject({ ok: true });
    expect(await claimInvite(joined.inviteToken, joined.deviceToken)).toMatchObject({ ok: true, deviceToken: joined.deviceToken });

    const audited = await db().auditEntry.findMany({ where: { action: "panellist.invite_reissued" }, orderBy: { seq: "asc" } });
    expect(audited.map((e) => e.subjectId)).toEqual(sheet.invites.map((i) => i.id));
    expect(audited[0].payload).toEqual({ eventId: live.event.id, deviceReleased: false });
  });

  it("is refused once scoring has closed", async () => {
    const live = await makeLiveEvent({ bids: 1, panellists: 1 });
    await live.chair({ type: "MARK_READY" });
    await live.chair({ type: "START" });
    await live.chair({ type: "CLOSE_SCORING", leaveUnheard: true });
    expect(await reissueUnopenedInvites(live.event.id, live.organiser.actor)).toEqual({
      ok: false,
      message: "Scoring for this event has closed, so no one else can join the panel.",
    });
  });
});
