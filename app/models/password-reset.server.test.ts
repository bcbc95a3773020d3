import { useTestDatabase } from "~/testing/database";
import { whileTransactionHolds } from "~/testing/hold-transaction";
import { database, db } from "~/db.server";
import { RESET_LIMITS } from "~/domain/password-reset";
import type { Role } from "~/domain/permissions";
import { verifyAuditLog } from "~/models/audit.server";
import {
  RESET_HOURS,
  findPasswordReset,
  requestPasswordReset,
  resetPassword,
  sendPasswordReset,
} from "~/models/password-reset.server";
import { createSession, findSessionUser } from "~/models/session.server";
import { authenticate, createUser, setDisabled } from "~/models/user.server";

useTestDatabase();

const OLD_PASSWORD = "a long enough passphrase";
const HOUR = 3_600_000;
let counter = 0;
let admin: { id: string; name: string };

async function person(roles: Role[] = ["ORGANISER"]) {
  counter += 1;
  return createUser(
    { email: `staff${counter}@example.org`, name: `Staff Member ${counter}`, password: OLD_PASSWORD, roles },
    { actor: { type: "system" }, via: "seed" },
  );
}
const address = () => `203.0.113.${(counter += 1)}`;

beforeAll(async () => {
  admin = await createUser(
    { email: "ada@example.org", name: "Ada Admin", password: OLD_PASSWORD, roles: ["ADMIN"] },
    { actor: { type: "system" }, via: "seed" },
  );
});

/**
 * Runs `race` while another transaction holds the link's row, and lets go only once `waiting`
 * statements are queued behind it: every tab has then read the link as unused before any can
 * commit, which is the race PostgreSQL allows. PGlite has one connection, so its statements
 * already take turns and there is nothing to hold.
 */
async function whileRowIsLocked<T>(resetId: string, waiting: number, race: () => Promise<T>): Promise<T> {
  if (database().engine === "pglite") return race();
  return whileTransactionHolds((tx) => tx.$queryRaw`SELECT id FROM "PasswordReset" WHERE id = ${resetId} FOR UPDATE`, waiting, race);
}

function mailTo(email: string) {
  return db().mailMessage.findMany({ where: { to: email }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** The token in the newest reset email to `email`. */
async function tokenMailedTo(email: string) {
  const [mail] = (await mailTo(email)).filter((m) => m.subject === "Choose a new Pitchday password");
  const link = mail?.text.match(/https?:\/\/\S+\/password\/reset\/([A-Za-z0-9_-]+)/);
  if (!link) throw new Error(`no reset link was mailed to ${email}`);
  return link[1];
}

async function signsIn(email: string, password: string, now = new Date()) {
  return (await authenticate({ email, password, address: address() }, now)).ok;
}

describe("asking for a link on the sign-in page", () => {
  it("emails a link that works for a day, stores only a hash of its token, and audits without personal data", async () => {
    const user = await person();
    const now = new Date("2027-02-01T09:00:00Z");
    expect(await requestPasswordReset({ email: ` ${user.email.toUpperCase()} `, address: address() }, now)).toEqual({ ok: true });

    const [mail] = await mailTo(user.email);
    expect(mail.subject).toBe("Choose a new Pitchday password");
    expect(mail.text).toContain(`Hello ${user.name},`);
    expect(mail.text).toContain("Someone asked for a link to choose a new password");
    expect(mail.text).toContain("until 2 February 2027");
    const token = await tokenMailedTo(user.email);
    const row = await db().passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row).toMatchObject({ createdById: null, usedAt: null, revokedAt: null });
    expect(row.expiresAt.getTime() - now.getTime()).toBe(RESET_HOURS * HOUR);

    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "user.password_reset_requested", subjectId: user.id } });
    expect(entry).toMatchObject({ actorType: "system", actorId: null, payload: { by: "self" } });
    expect(JSON.stringify(entry.payload)).not.toMatch(/@|Staff Member/);

    expect(await findPasswordReset(token, now)).toMatchObject({
      status: "valid",
      reset: { user: { id: user.id, email: user.email, name: user.name } },
    });
  });

  it("gives the same answer for an unknown address and a disabled account, and sends them nothing", async () => {
    const disabled = await person();
    await setDisabled(disabled.id, true, admin);
    const mailBefore = await db().mailMessage.count();
    const resetsBefore = await db().passwordReset.count();

    expect(await requestPasswordReset({ email: "nobody-here@example.org", address: address() })).toEqual({ ok: true });
    expect(await requestPasswordReset({ email: disabled.email, address: address() })).toEqual({ ok: true });

    expect(await db().mailMessage.count()).toBe(mailBefore);
    expect(await db().passwordReset.count()).toBe(resetsBefore);
    expect(await db().auditEntry.count({ where: { action: "user.password_reset_requested", subjectId: disabled.id } })).toBe(0);
  });

  it("replaces an earlier link with the newer one", async () => {
    const user = await person();
    await requestPasswordReset({ email: user.email, address: address() });
    const first = await tokenMailedTo(user.email);
    await requestPasswordReset({ email: user.email, address: address() });
    const second = await tokenMailedTo(user.email);
    expect(second).not.toBe(first);
    expect(await findPasswordReset(first)).toEqual({ status: "withdrawn" });
    expect(await resetPassword(first, { password: "copper lantern meadow" })).toEqual({ ok: false, status: "withdrawn" });
    expect((await findPasswordReset(second)).status).toBe("valid");
    expect(await signsIn(user.email, OLD_PASSWORD)).toBe(true);
  });
});

describe("rate limits", () => {
  it(`allows ${RESET_LIMITS.email.max} links an hour for one address, however many connections ask`, async () => {
    const user = await person();
    const now = new Date("2027-02-02T10:00:00Z");
    for (let i = 0; i < RESET_LIMITS.email.max; i += 1) {
      expect(await requestPasswordReset({ email: user.email, address: address() }, now)).toEqual({ ok: true });
    }
    const refused = await requestPasswordReset({ email: user.email, address: address() }, new Date("2027-02-02T10:20:00Z"));
    expect(refused).toEqual({ ok: false, reason: "limited", retryAfterSeconds: 40 * 60 });
    const links = await db().passwordReset.count({ where: { userId: user.id } });
    expect(links).toBe(RESET_LIMITS.email.max);
    // The counters hold no email address.
    const keys = (await db().rateLimit.findMany({ where: { key: { startsWith: "reset:" } } })).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => !key.includes("@"))).toBe(true);
    // The next hour, a link can be asked for again.
    expect(await requestPasswordReset({ email: user.email, address: address() }, new Date("2027-02-02T11:00:00Z"))).toEqual({ ok: true });
    expect(await db().passwordReset.count({ where: { userId: user.id } })).toBe(links + 1);
  });

  it("counts unknown addresses exactly like known ones, so the limit tells nobody which exist", async () => {
    const user = await person();
    const now = new Date("2027-02-03T10:00:00Z");
    const ask = (email: string) => requestPasswordReset({ email, address: address() }, now);
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i <= RESET_LIMITS.email.max; i += 1) {
      known.push(await ask(user.email));
      unknown.push(await ask("no-account@example.org"));
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatchObject({ ok: false, reason: "limited" });
  });

  it(`allows ${RESET_LIMITS.address.max} requests an hour from one connection, across addresses`, async () => {
    const from = address();
    const now = new Date("2027-02-04T10:00:00Z");
    for (let i = 0; i < RESET_LIMITS.address.max; i += 1) {
      expect(await requestPasswordReset({ email: `someone${i}@example.org`, address: from }, now)).toEqual({ ok: true });
    }
    const user = await person();
    expect(await requestPasswordReset({ email: user.email, address: from }, now)).toMatchObject({ ok: false, reason: "limited" });
    expect(await db().passwordReset.count({ where: { userId: user.id } })).toBe(0);
    // A refusal by the connection's limit does not use up the person's own allowance.
    for (let i = 0; i < RESET_LIMITS.email.max; i += 1) {
      expect(await requestPasswordReset({ email: user.email, address: address() }, now)).toEqual({ ok: true });
    }
  });
});

describe("an admin sending a link", () => {
  it("emails the person in the admin's name and audits who sent it", async () => {
    const user = await person(["FUNDER"]);
    expect(await sendPasswordReset(user.id, admin)).toEqual({ ok: true });
    const [mail] = await mailTo(user.email);
    expect(mail.text).toContain("Ada Admin has sent you a link to choose a new password");
    const row = await db().passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.createdById).toBe(admin.id);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "user.password_reset_requested", subjectId: user.id } });
    expect(entry).toMatchObject({ actorType: "user", actorId: admin.id, payload: { by: "admin" } });
    expect((await findPasswordReset(await tokenMailedTo(user.email))).status).toBe("valid");
  });

  it("refuses a disabled account and answers null for one that does not exist", async () => {
    const user = await person();
    await setDisabled(user.id, true, admin);
    expect(await sendPasswordReset(user.id, admin)).toEqual({
      ok: false,
      message: "This account is disabled. Enable it before sending a password reset link.",
    });
    expect(await db().passwordReset.count({ where: { userId: user.id } })).toBe(0);
    expect(await mailTo(user.email)).toHaveLength(0);
    expect(await sendPasswordReset("no-such-user", admin)).toBeNull();
  });
});

describe("choosing a new password with the link", () => {
  it("changes the password, ends every session, uses up the link, tells the person, and is audited", async () => {
    const user = await person();
    const sessions = [await createSession(user.id, {}), await createSession(user.id, {}), await createSession(user.id, {})];
    await sendPasswordReset(user.id, admin);
    const token = await tokenMailedTo(user.email);

    const result = await resetPassword(token, { password: "tidal marmalade kite" });
    expect(result).toEqual({ ok: true, user: { id: user.id }, sessionsEnded: 3 });
    for (const session of sessions) expect(await findSessionUser(session)).toBeNull();
    expect(await signsIn(user.email, "tidal marmalade kite")).toBe(true);
    expect(await signsIn(user.email, OLD_PASSWORD)).toBe(false);

    expect(await findPasswordReset(token)).toEqual({ status: "used" });
    expect(await resetPassword(token, { password: "another long phrase" })).toEqual({ ok: false, status: "used" });
    expect(await signsIn(user.email, "tidal marmalade kite")).toBe(true);

    const [done] = await mailTo(user.email);
    expect(done.subject).toBe("Your Pitchday password has been changed");
    expect(done.text).toContain("Every other device signed in to your account has been signed out.");

    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "user.password_reset", subjectId: user.id } });
    expect(entry).toMatchObject({ actorType: "user", actorId: user.id, payload: { sessionsEnded: 3 } });
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("lets only one of several tabs submitting the same link at once through", async () => {
    const user = await person();
    await requestPasswordReset({ email: user.email, address: address() });
    const token = await tokenMailedTo(user.email);
    const link = await db().passwordReset.findFirstOrThrow({ where: { userId: user.id, usedAt: null, revokedAt: null } });
    const passwords = Array.from({ length: 6 }, (_, i) => `tab number ${i} long phrase`);
    const results = await whileRowIsLocked(link.id, passwords.length, () =>
      Promise.all(passwords.map((password) => resetPassword(token, { password }))),
    );

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(passwords.length - 1).fill({ ok: false, status: "used" }));
    const winner = passwords[results.findIndex((r) => r.ok)];
    expect(await signsIn(user.email, winner)).toBe(true);
    for (const loser of passwords.filter((p) => p !== winner)) expect(await signsIn(user.email, loser)).toBe(false);
    expect(await db().auditEntry.count({ where: { action: "user.password_reset", subjectId: user.id } })).toBe(1);
    expect(await db().mailMessage.count({ where: { to: user.email, subject: "Your Pitchday password has been changed" } })).toBe(1);
  });

  it(`stops working after ${RESET_HOURS} hours and leaves the password as it was`, async () => {
    const user = await person();
    const sent = new Date("2027-02-05T18:30:00Z");
    await requestPasswordReset({ email: user.email, address: address() }, sent);
    const token = await tokenMailedTo(user.email);
    const lastMoment = new Date(sent.getTime() + RESET_HOURS * HOUR - 1000);
    const expired = new Date(sent.getTime() + RESET_HOURS * HOUR);

    expect((await findPasswordReset(token, lastMoment)).status).toBe("valid");
    expect(await findPasswordReset(token, expired)).toEqual({ status: "expired" });
    expect(await resetPassword(token, { password: "too late long phrase" }, expired)).toEqual({ ok: false, status: "expired" });
    expect(await signsIn(user.email, OLD_PASSWORD)).toBe(true);
    expect(await resetPassword(token, { password: "just in time phrase" }, lastMoment)).toMatchObject({ ok: true });
  });

  it("does not work for an account disabled after the link was sent", async () => {
    const user = await person();
    await sendPasswordReset(user.id, admin);
    const token = await tokenMailedTo(user.email);
    await setDisabled(user.id, true, admin);
    expect(await findPasswordReset(token)).toEqual({ status: "disabled" });
    expect(await resetPassword(token, { password: "disabled long phrase" })).toEqual({ ok: false, status: "disabled" });
    await setDisabled(user.id, false, admin);
    expect(await signsIn(user.email, OLD_PASSWORD)).toBe(true);
  });

  it("withdraws the account's other links once one has been used", async () => {
    const user = await person();
    // Two links alive at once (an admin's and the person's own, sent in the same moment elsewhere).
    await sendPasswordReset(user.id, admin);
    const first = await tokenMailedTo(user.email);
    await db().passwordReset.updateMany({ where: { userId: user.id }, data: { revokedAt: null } });
    await requestPasswordReset({ email: user.email, address: address() });
    const second = await tokenMailedTo(user.email);
    await db().passwordReset.updateMany({ where: { userId: user.id }, data: { revokedAt: null } });

    expect(await resetPassword(second, { password: "second link phrase" })).toMatchObject({ ok: true });
    expect(await findPasswordReset(first)).toEqual({ status: "withdrawn" });
    expect(await resetPassword(first, { password: "first link phrase" })).toEqual({ ok: false, status: "withdrawn" });
    expect(await signsIn(user.email, "second link phrase")).toBe(true);
  });

  it("does not know a made-up link", async () => {
    expect(await findPasswordReset("not-a-real-token")).toEqual({ status: "unknown" });
    expect(await resetPassword("not-a-real-token", { password: "made up long phrase" })).toEqual({ ok: false, status: "unknown" });
  });

  it("lifts the sign-in slow-down caused by wrong guesses at the old password", async () => {
    const user = await person();
    const now = new Date();
    for (let i = 0; i < 12; i += 1) await authenticate({ email: user.email, password: `guess ${i}`, address: address() }, now);
    expect(await authenticate({ email: user.email, password: OLD_PASSWORD, address: address() }, now)).toMatchObject({ reason: "limited" });

    await requestPasswordReset({ email: user.email, address: address() }, now);
    expect(await resetPassword(await tokenMailedTo(user.email), { password: "fresh start phrase" }, now)).toMatchObject({ ok: true });
    expect(await authenticate({ email: user.email, password: "fresh start phrase", address: address() }, now)).toMatchObject({ ok: true });
  });
});
