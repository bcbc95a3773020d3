import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import type { Role } from "~/domain/permissions";
import { verifyAuditLog } from "~/models/audit.server";
import { createSession, findSessionUser } from "~/models/session.server";
import { ACCOUNT_LIMIT } from "~/models/login-throttle.server";
import { authenticate, changePassword, changeRoles, createUser, listUsers, setDisabled } from "~/models/user.server";

useTestDatabase();

const PASSWORD = "a long enough passphrase";
let counter = 0;
async function person(roles: Role[] = ["ORGANISER"], name?: string) {
  counter += 1;
  return createUser(
    { email: `person${counter}@example.org`, name: name ?? `Person ${counter}`, password: PASSWORD, roles },
    { actor: { type: "system" }, via: "seed" },
  );
}
const address = () => `192.0.2.${(counter += 1)}`;

describe("signing in", () => {
  it("lets the right email and password in, whatever the email's case and spacing, and trusts the browser", async () => {
    const user = await person(["FUNDER"]);
    const result = await authenticate({ email: ` ${user.email.toUpperCase()} `, password: PASSWORD, address: address() });
    expect(result).toEqual({ ok: true, user: { id: user.id, name: user.name, roles: ["FUNDER"] }, deviceToken: expect.any(String) });
    // The browser keeps the token; the database only a digest of it.
    const devices = await db().trustedDevice.findMany({ where: { userId: user.id } });
    expect(devices).toHaveLength(1);
    expect(devices[0].tokenHash).not.toContain(result.ok ? result.deviceToken : "-");
  });

  it("gives the same answer for a wrong password, an unknown email and a disabled account", async () => {
    const user = await person();
    const disabled = await person();
    await db().user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const from = address();
    expect(await authenticate({ email: user.email, password: "not the password", address: from })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ email: "nobody@example.org", password: PASSWORD, address: from })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ email: disabled.email, password: PASSWORD, address: from })).toEqual({ ok: false, reason: "invalid" });
  });

  it("five wrong passwords from one address do not stop the owner signing in from another", async () => {
    const user = await person();
    const attacker = address();
    const now = new Date("2027-03-01T10:05:00Z");
    for (let i = 0; i < 5; i += 1) {
      expect(await authenticate({ email: user.email, password: `guess ${i}`, address: attacker }, now)).toMatchObject({ reason: "invalid" });
    }
    expect(await authenticate({ email: user.email, password: PASSWORD, address: address() }, now)).toMatchObject({ ok: true });
  });

  it("slows one address guessing one account with doubling waits, and lets the right password in after the wait", async () => {
    const user = await person();
    const from = address();
    const t0 = new Date("2027-03-02T10:00:00Z");
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    for (let i = 0; i < 5; i += 1) await authenticate({ email: user.email, password: `guess ${i}`, address: from }, t0);
    expect(await authenticate({ email: user.email, password: PASSWORD, address: from }, at(2))).toEqual({ ok: false, reason: "limited", retryAfterSeconds: 3 });
    expect(await authenticate({ email: user.email, password: "guess 5", address: from }, at(5))).toMatchObject({ reason: "invalid" });
    expect(await authenticate({ email: user.email, password: PASSWORD, address: from }, at(6))).toEqual({ ok: false, reason: "limited", retryAfterSeconds: 9 });
    // Not a lock: once the wait is over the right password works, and this address's failures
    // on the account are forgotten (without the device cookie it was just given).
    expect(await authenticate({ email: user.email, password: PASSWORD, address: from }, at(15))).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i += 1) {
      expect(await authenticate({ email: user.email, password: `again ${i}`, address: from }, at(16))).toMatchObject({ reason: "invalid" });
    }
    // The count is in the shared database, and never holds an email address.
    const rows = await db().signInThrottle.findMany();
    expect(rows.some((r) => r.failures >= 5)).toBe(true);
    expect(rows.every((r) => !r.key.includes("@") && !r.key.includes(user.email.split("@")[0]))).toBe(true);
  });

  it("an attack from many addresses slows new browsers for that account, never the owner's usual device", async () => {
    const user = await person();
    const now = new Date("2027-03-03T10:00:00Z");
    const usual = await authenticate({ email: user.email, password: PASSWORD, address: address() }, now);
    if (!usual.ok) throw new Error("owner could not sign in");
    for (let i = 0; i < 12; i += 1) {
      await authenticate({ email: user.email, password: `botnet ${i}`, address: `203.0.113.${i}` }, now);
    }
    // A browser the account has never signed in on waits, from any address...
    expect(await authenticate({ email: user.email, password: PASSWORD, address: address() }, now)).toMatchObject({ reason: "limited" });
    // ...a device cookie of another account, or a made-up one, is no better...
    const other = await person();
    const theirs = await authenticate({ email: other.email, password: PASSWORD, address: address() }, now);
    for (const token of [theirs.ok ? theirs.deviceToken : "", "made-up-token-made-up-token-made-up"]) {
      expect(await authenticate({ email: user.email, password: PASSWORD, address: address(), deviceToken: token }, now)).toMatchObject({ reason: "limited" });
    }
    // ...but the owner's usual browser signs in at once, from wherever it is, and keeps its token.
    const again = await authenticate({ email: user.email, password: PASSWORD, address: address(), deviceToken: usual.deviceToken }, now);
    expect(again).toMatchObject({ ok: true, deviceToken: usual.deviceToken });
  });

  it("slows a trusted device that keeps failing on its own, leaving other browsers alone", async () => {
    const user = await person();
    const now = new Date("2027-03-04T10:00:00Z");
    const first = await authenticate({ email: user.email, password: PASSWORD, address: address() }, now);
    if (!first.ok) throw new Error("owner could not sign in");
    const from = address();
    for (let i = 0; i < 5; i += 1) {
      await authenticate({ email: user.email, password: `typo ${i}`, address: from, deviceToken: first.deviceToken }, now);
    }
    expect(await authenticate({ email: user.email, password: PASSWORD, address: from, deviceToken: first.deviceToken }, now)).toMatchObject({ reason: "limited" });
    expect(await authenticate({ email: user.email, password: PASSWORD, address: from }, now)).toMatchObject({ ok: true });
  });

  it("slows one address trying many accounts, but not other addresses", async () => {
    const from = address();
    const now = new Date("2027-03-05T10:00:00Z");
    for (let i = 0; i < 30; i += 1) {
      expect(await authenticate({ email: `stranger${i}@example.org`, password: "guess", address: from }, now)).toMatchObject({ reason: "invalid" });
    }
    const user = await person();
    expect(await authenticate({ email: user.email, password: PASSWORD, address: from }, now)).toMatchObject({ reason: "limited", retryAfterSeconds: 5 });
    expect(await authenticate({ email: user.email, password: PASSWORD, address: address() }, now)).toMatchObject({ ok: true });
  });

  it("checks only five passwords from a burst of parallel guesses at one account from one address", async () => {
    const user = await person();
    const from = address();
    const now = new Date("2027-03-06T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => authenticate({ email: user.email, password: `parallel ${i}`, address: from }, now)),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === "limited")).toHaveLength(10);
  });
});

describe("roles and disabling", () => {
  it("changes roles and audits from and to, without names or emails", async () => {
    const admin = await person(["ADMIN"], "Zed Admin");
    const user = await person(["ORGANISER"], "Yolanda Example");
    expect(await changeRoles(user.id, ["ORGANISER", "FUNDER"], admin)).toEqual({ ok: true, changed: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).roles).toEqual(["ORGANISER", "FUNDER"]);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "user.roles_changed", subjectId: user.id } });
    expect(entry).toMatchObject({ actorId: admin.id, payload: { from: ["ORGANISER"], to: ["ORGANISER", "FUNDER"] } });
    expect(await changeRoles(user.id, ["FUNDER", "ORGANISER"], admin)).toEqual({ ok: true, changed: false });
    expect(await db().auditEntry.count({ where: { action: "user.roles_changed", subjectId: user.id } })).toBe(1);
  });

  it("takes effect on the next request of a signed-in user", async () => {
    const admin = await person(["ADMIN"]);
    const user = await person(["ORGANISER"]);
    const token = await createSession(user.id, {});
    await changeRoles(user.id, ["AUDITOR"], admin);
    expect((await findSessionUser(token))?.roles).toEqual(["AUDITOR"]);
  });

  it("disabling ends every session and stops sign-in; enabling lets the person back in", async () => {
    const admin = await person(["ADMIN"]);
    const user = await person();
    const tokens = [await createSession(user.id, {}), await createSession(user.id, {})];
    expect(await setDisabled(user.id, true, admin)).toEqual({ ok: true, changed: true });
    for (const token of tokens) expect(await findSessionUser(token)).toBeNull();
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await authenticate({ email: user.email, password: PASSWORD, address: address() })).toEqual({ ok: false, reason: "invalid" });
    expect((await db().auditEntry.findFirstOrThrow({ where: { action: "user.disabled", subjectId: user.id } })).payload).toEqual({
      sessionsEnded: 2,
    });

    expect(await setDisabled(user.id, true, admin)).toEqual({ ok: true, changed: false });
    expect(await setDisabled(user.id, false, admin)).toEqual({ ok: true, changed: true });
    expect(await authenticate({ email: user.email, password: PASSWORD, address: address() })).toMatchObject({ ok: true });
    expect(await db().auditEntry.count({ where: { action: { in: ["user.disabled", "user.enabled"] }, subjectId: user.id } })).toBe(2);
  });

  it("answers null for an account that does not exist", async () => {
    const admin = await person(["ADMIN"]);
    expect(await setDisabled("no-such-user", true, admin)).toBeNull();
    expect(await changeRoles("no-such-user", ["FUNDER"], admin)).toBeNull();
  });
});

describe("the last active administrator", () => {
  beforeEach(async () => {
    // Each case starts with no active admins but the ones it makes.
    await db().user.updateMany({ where: { roles: { has: "ADMIN" } }, data: { disabledAt: new Date() } });
  });

  it("cannot remove their own administrator role or disable themselves", async () => {
    const only = await person(["ADMIN", "ORGANISER"]);
    expect(await changeRoles(only.id, ["ORGANISER"], only)).toEqual({
      ok: false,
      message:
        "You are the only active administrator, so you cannot remove your own administrator role. Make someone else an administrator first.",
    });
    expect(await setDisabled(only.id, true, only)).toMatchObject({ ok: false, message: expect.stringContaining("cannot disable your own account") });
    const still = await db().user.findUniqueOrThrow({ where: { id: only.id } });
    expect(still).toMatchObject({ roles: ["ADMIN", "ORGANISER"], disabledAt: null });
  });

  it("can step down once someone else is an active administrator", async () => {
    const first = await person(["ADMIN"]);
    const second = await person(["ORGANISER"]);
    await changeRoles(second.id, ["ADMIN"], first);
    expect(await changeRoles(first.id, ["AUDITOR"], first)).toEqual({ ok: true, changed: true });
    expect(await setDisabled(second.id, true, second)).toMatchObject({ ok: false });
  });

  it("is not counted when the other administrator is disabled", async () => {
    const active = await person(["ADMIN"]);
    const other = await person(["ADMIN"]);
    await setDisabled(other.id, true, active);
    expect(await changeRoles(active.id, ["FUNDER"], active)).toMatchObject({ ok: false });
  });

  it("survives two administrators demoting or disabling each other at the same moment", async () => {
    for (let round = 0; round < 8; round += 1) {
      await db().user.updateMany({ where: { roles: { has: "ADMIN" } }, data: { disabledAt: new Date() } });
      const a = await person(["ADMIN"]);
      const b = await person(["ADMIN"]);
      const results = await Promise.all(
        round % 2
          ? [changeRoles(b.id, ["FUNDER"], a), changeRoles(a.id, ["FUNDER"], b)]
          : [setDisabled(b.id, true, a), setDisabled(a.id, true, b)],
      );
      expect(results.filter((r) => r?.ok)).toHaveLength(1);
      expect(await db().user.count({ where: { disabledAt: null, roles: { has: "ADMIN" } } })).toBe(1);
    }
  });
});

describe("changing your own password", () => {
  it("needs the current password, then ends every other session and keeps this one", async () => {
    const user = await person();
    const here = await createSession(user.id, {});
    const elsewhere = await createSession(user.id, {});
    const session = (await findSessionUser(here))!;
    expect(await changePassword(session, { currentPassword: "wrong", newPassword: "fresh river lantern" })).toEqual({
      ok: false,
      reason: "wrong",
      field: "currentPassword",
      message: "Your current password is not right",
    });
    expect(await changePassword(session, { currentPassword: PASSWORD, newPassword: "fresh river lantern" })).toEqual({
      ok: true,
      sessionsEnded: 1,
    });
    expect(await findSessionUser(here)).not.toBeNull();
    expect(await findSessionUser(elsewhere)).toBeNull();
    expect(await authenticate({ email: user.email, password: PASSWORD, address: address() })).toMatchObject({ ok: false });
    expect(await authenticate({ email: user.email, password: "fresh river lantern", address: address() })).toMatchObject({ ok: true });
    expect(await db().auditEntry.count({ where: { action: "user.password_changed", subjectId: user.id } })).toBe(1);
  });

  it("limits guesses at the current password like sign-in attempts", async () => {
    const user = await person();
    const token = await createSession(user.id, {});
    const session = (await findSessionUser(token))!;
    const now = new Date("2027-03-05T10:00:00Z");
    for (let i = 0; i < ACCOUNT_LIMIT.max; i += 1) {
      await changePassword(session, { currentPassword: `guess ${i}`, newPassword: "fresh river lantern" }, now);
    }
    expect(await changePassword(session, { currentPassword: PASSWORD, newPassword: "fresh river lantern" }, now)).toMatchObject({
      ok: false,
      reason: "limited",
      message: expect.stringMatching(/^Too many attempts/),
    });
  });
});

describe("the account list and the audit log", () => {
  it("lists active accounts first with when they were last seen", async () => {
    const quiet = await person(["AUDITOR"], "Aaron Quiet");
    const gone = await person(["AUDITOR"], "Aaron Gone");
    await createSession(quiet.id, {});
    await db().user.update({ where: { id: gone.id }, data: { disabledAt: new Date() } });
    const users = await listUsers();
    const index = (id: string) => users.findIndex((u) => u.id === id);
    expect(index(quiet.id)).toBeLessThan(index(gone.id));
    expect(users[index(quiet.id)].lastSeenAt).toBeInstanceOf(Date);
    expect(users[index(gone.id)].lastSeenAt).toBeNull();
  });

  it("never records an email address or a name, and the chain verifies", async () => {
    const users = await db().user.findMany({ select: { email: true, name: true } });
    const payloads = JSON.stringify((await db().auditEntry.findMany()).map((e) => e.payload));
    for (const user of users) {
      expect(payloads).not.toContain(user.email);
      expect(payloads).not.toContain(user.name);
    }
    expect((await verifyAuditLog()).ok).toBe(true);
  });
});
