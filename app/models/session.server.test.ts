import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { createUser } from "~/models/user.server";
import {
  SESSION_DAYS,
  createSession,
  deleteSession,
  findSessionUser,
  listSessions,
  pruneExpiredSessions,
  signOutEverywhere,
} from "~/models/session.server";
import { verifyAuditLog } from "~/models/audit.server";

useTestDatabase();

const DAY = 86_400_000;
let counter = 0;
async function person(roles: ("ADMIN" | "ORGANISER")[] = ["ORGANISER"]) {
  counter += 1;
  return createUser(
    { email: `person${counter}@example.org`, name: `Person ${counter}`, password: "a long enough passphrase", roles },
    { actor: { type: "system" }, via: "seed" },
  );
}

describe("database sessions", () => {
  it("finds the signed-in user from the cookie token, and stores only a hash of it", async () => {
    const user = await person();
    const token = await createSession(user.id, { userAgent: "Firefox", ipAddress: "10.0.0.1" });
    expect(await findSessionUser(token)).toMatchObject({ id: user.id, email: user.email, roles: ["ORGANISER"] });
    const rows = await db().session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token);
    expect(await findSessionUser(`${token}x`)).toBeNull();
  });

  it(`refuses a session after ${SESSION_DAYS} days`, async () => {
    const user = await person();
    const start = new Date("2027-03-01T09:00:00Z");
    const token = await createSession(user.id, {}, start);
    expect(await findSessionUser(token, new Date(start.getTime() + SESSION_DAYS * DAY - 1000))).not.toBeNull();
    expect(await findSessionUser(token, new Date(start.getTime() + SESSION_DAYS * DAY))).toBeNull();
  });

  it("refuses the session of an account that has been disabled", async () => {
    const user = await person();
    const token = await createSession(user.id, {});
    await db().user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await findSessionUser(token)).toBeNull();
  });

  it("notes when a session was last used, at most once a minute", async () => {
    const user = await person();
    const start = new Date();
    const token = await createSession(user.id, {}, start);
    const lastSeen = async () => (await db().session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt.getTime();
    const first = await lastSeen();
    await findSessionUser(token, new Date(first + 30_000));
    expect(await lastSeen()).toBe(first);
    await findSessionUser(token, new Date(first + 90_000));
    expect(await lastSeen()).toBe(first + 90_000);
  });

  it("signing out ends only this browser's session", async () => {
    const user = await person();
    const laptop = await createSession(user.id, {});
    const phone = await createSession(user.id, {});
    await deleteSession(laptop);
    expect(await findSessionUser(laptop)).toBeNull();
    expect(await findSessionUser(phone)).not.toBeNull();
  });

  it("signing out everywhere ends every session of that person only, and is audited", async () => {
    const user = await person();
    const other = await person();
    const tokens = await Promise.all([1, 2, 3].map(() => createSession(user.id, {})));
    const theirs = await createSession(other.id, {});
    expect(await signOutEverywhere(user.id, { type: "user", id: user.id })).toBe(3);
    for (const token of tokens) expect(await findSessionUser(token)).toBeNull();
    expect(await findSessionUser(theirs)).not.toBeNull();
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "user.signed_out_everywhere", subjectId: user.id } });
    expect(entry.payload).toEqual({ sessionsEnded: 3 });
    expect(entry.actorId).toBe(user.id);
    expect((await verifyAuditLog()).ok).toBe(true);
  });

  it("lists only sessions that still work, most recently used first, and prunes the rest", async () => {
    const user = await person();
    const now = new Date();
    await createSession(user.id, { userAgent: "old" }, new Date(now.getTime() - (SESSION_DAYS + 1) * DAY));
    const a = await createSession(user.id, { userAgent: "A" }, now);
    await createSession(user.id, { userAgent: "B" }, now);
    await findSessionUser(a, new Date(now.getTime() + 5 * 60_000));
    const listed = await listSessions(user.id, new Date(now.getTime() + 6 * 60_000));
    expect(listed.map((s) => s.userAgent)).toEqual(["A", "B"]);
    expect(await pruneExpiredSessions(now, user.id)).toBe(1);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(2);
  });
});
