import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { verifyAuditLog } from "~/models/audit.server";
import { INVITE_DAYS } from "~/domain/staff";
import { acceptInvite, createInvite, findInvite, listOpenInvites, resendInvite, revokeInvite } from "~/models/invite.server";
import { authenticate, createUser } from "~/models/user.server";

useTestDatabase();

const DAY = 86_400_000;
let admin: { id: string; name: string };

beforeAll(async () => {
  admin = await createUser(
    { email: "ada@example.org", name: "Ada Admin", password: "a long enough passphrase", roles: ["ADMIN"] },
    { actor: { type: "system" }, via: "seed" },
  );
});

function tokenFrom(link: string) {
  return new URL(link).pathname.split("/").pop()!;
}

async function invite(email: string, now = new Date()) {
  const result = await createInvite({ email, name: "Bo Diaz", roles: ["ORGANISER", "FUNDER"] }, admin, now);
  if (!result.ok) throw new Error(result.message);
  return { ...result, token: tokenFrom(result.link) };
}

describe("invites", () => {
  it("emails a link that works, stores only a hash of its token, and is audited without personal data", async () => {
    const { token, inviteId, link } = await invite("bo@example.org");
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    const row = await db().userInvite.findUniqueOrThrow({ where: { id: inviteId } });
    expect(row.tokenHash).not.toContain(token);

    const mail = await db().mailMessage.findFirstOrThrow({ where: { to: "bo@example.org" }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toBe("You are invited to Pitchday");
    expect(mail.text).toContain(link);
    expect(mail.text).toContain("Ada Admin has invited you to Pitchday as an organiser and funder.");

    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "user.invited", subjectId: inviteId } });
    expect(entry).toMatchObject({ actorId: admin.id, payload: { roles: ["ORGANISER", "FUNDER"], inviteId } });
    expect(JSON.stringify(entry.payload)).not.toMatch(/bo@example|Bo Diaz/);

    expect(await findInvite(token)).toMatchObject({ status: "pending", invite: { email: "bo@example.org", name: "Bo Diaz" } });
  });

  it("creates the account with the invited roles and the chosen name and password, once", async () => {
    const { token } = await invite("cat@example.org");
    const accepted = await acceptInvite(token, { name: "Cat Ng", password: "tidal marmalade kite" });
    expect(accepted).toMatchObject({ ok: true, user: { name: "Cat Ng", roles: ["ORGANISER", "FUNDER"] } });
    expect(await authenticate({ email: "cat@example.org", password: "tidal marmalade kite", address: "198.51.100.1" })).toMatchObject({ ok: true });
    expect(await acceptInvite(token, { name: "Someone Else", password: "another long phrase" })).toEqual({ ok: false, status: "accepted" });
    expect(await findInvite(token)).toEqual({ status: "accepted" });
    const created = await db().auditEntry.findFirstOrThrow({ where: { action: "user.created", subjectId: accepted.ok ? accepted.user.id : "" } });
    expect(created.payload).toEqual({ roles: ["ORGANISER", "FUNDER"], via: "invite" });
  });

  it("lets only one of two simultaneous acceptances through", async () => {
    const { token } = await invite("dee@example.org");
    const results = await Promise.all([
      acceptInvite(token, { name: "Dee One", password: "first long phrase" }),
      acceptInvite(token, { name: "Dee Two", password: "second long phrase" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().user.count({ where: { email: "dee@example.org" } })).toBe(1);
  });

  it(`stops working after ${INVITE_DAYS} days`, async () => {
    const sent = new Date("2027-01-10T12:00:00Z");
    const { token } = await invite("eve@example.org", sent);
    const lastMoment = new Date(sent.getTime() + INVITE_DAYS * DAY - 1000);
    const expired = new Date(sent.getTime() + INVITE_DAYS * DAY);
    expect((await findInvite(token, lastMoment)).status).toBe("pending");
    expect(await findInvite(token, expired)).toEqual({ status: "expired" });
    expect(await acceptInvite(token, { name: "Eve", password: "late but long phrase" }, expired)).toEqual({ ok: false, status: "expired" });
    expect(await db().user.count({ where: { email: "eve@example.org" } })).toBe(0);
    expect((await listOpenInvites(expired)).find((i) => i.email === "eve@example.org")).toMatchObject({ expired: true });
  });

  it("stops working when revoked, and says so", async () => {
    const { token, inviteId } = await invite("fay@example.org");
    expect(await revokeInvite(inviteId, admin)).toBe(true);
    expect(await revokeInvite(inviteId, admin)).toBe(false);
    expect(await findInvite(token)).toEqual({ status: "revoked" });
    expect(await acceptInvite(token, { name: "Fay", password: "too late long phrase" })).toEqual({ ok: false, status: "revoked" });
    expect(await db().auditEntry.count({ where: { action: "user.invite_revoked", subjectId: inviteId } })).toBe(1);
    expect((await listOpenInvites()).some((i) => i.id === inviteId)).toBe(false);
  });

  it("replaces an earlier invite to the same address, so only the newest link works", async () => {
    const first = await invite("gil@example.org");
    const second = await invite("gil@example.org");
    expect(await findInvite(first.token)).toEqual({ status: "revoked" });
    expect((await findInvite(second.token)).status).toBe("pending");
    expect((await listOpenInvites()).filter((i) => i.email === "gil@example.org")).toHaveLength(1);
  });

  it("sends an expired invite again with a new link and a new week", async () => {
    const sent = new Date("2027-02-01T12:00:00Z");
    const old = await invite("ivy@example.org", sent);
    const later = new Date(sent.getTime() + 10 * DAY);
    const again = await resendInvite(old.inviteId, admin, later);
    expect(again).toMatchObject({ ok: true });
    const token = again?.ok ? tokenFrom(again.link) : "";
    expect((await findInvite(token, later)).status).toBe("pending");
    expect(await findInvite(old.token, later)).toEqual({ status: "revoked" });
    expect(await resendInvite(old.inviteId, admin, later)).toBeNull();
  });

  it("refuses to invite an address that already has an account", async () => {
    expect(await createInvite({ email: "ada@example.org", name: "Ada Again", roles: ["FUNDER"] }, admin)).toEqual({
      ok: false,
      field: "email",
      message: "There is already an account for this email address",
    });
  });

  it("refuses to accept when an account was made for the address meanwhile", async () => {
    const { token } = await invite("hal@example.org");
    await createUser({ email: "hal@example.org", name: "Hal", password: "made on the command line", roles: ["AUDITOR"] }, { actor: { type: "system" }, via: "cli" });
    expect(await acceptInvite(token, { name: "Hal", password: "chosen long phrase" })).toEqual({ ok: false, status: "account_exists" });
    expect((await findInvite(token)).status).toBe("pending");
  });

  it("does not know a made-up token", async () => {
    expect(await findInvite("made-up-token")).toEqual({ status: "unknown" });
    expect(await acceptInvite("made-up-token", { name: "X", password: "a long enough phrase" })).toEqual({ ok: false, status: "unknown" });
  });

  it("leaves the audit chain intact", async () => {
    expect((await verifyAuditLog()).ok).toBe(true);
  });
});
