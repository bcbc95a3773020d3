import { useTestDatabase } from "~/testing/database";
import { database, db } from "~/db.server";
import type { AuditAction, AuditActor, AuditPayload } from "~/domain/audit-events";
import { parseAuditFilter, type AuditFilter } from "~/domain/audit-filter";
import { appendAudit } from "~/models/audit.server";
import { auditFilterOptions, listAuditLog, logCurrency } from "~/models/audit-log.server";

useTestDatabase();

const ALL: AuditFilter = { eventId: null, actorType: null, actorId: null, action: null, from: null, before: null, page: 1 };

function write<A extends AuditAction>(at: string, actor: AuditActor, action: A, subject: { type: string; id: string }, payload: AuditPayload<A>) {
  return db().$transaction((tx) => appendAudit(tx, { at: new Date(at), actor, action, subject, payload }));
}

let olu: { id: string };
let fran: { id: string };
let bid: { id: string; reference: string };
let event: { id: string };
let round: { id: string };

beforeAll(async () => {
  olu = await db().user.create({ data: { email: "olu@example.test", name: "Olu Organiser", roles: ["ORGANISER"] } });
  fran = await db().user.create({ data: { email: "fran@example.test", name: "Fran Funder", roles: ["FUNDER"] } });
  const fund = await db().fund.create({
    data: { name: "Thornbury Chest", potPence: 1_000_000, minAwardPence: 10_000, maxAwardPence: 300_000, funderName: "Town Council", funderOrgId: "GB-X", grantIdPrefix: "360G-x" },
  });
  round = await db().round.create({
    data: { fundId: fund.id, title: "Autumn 2026", slug: "autumn-2026", opensAt: new Date("2026-09-01T08:00:00Z"), closesAt: new Date("2026-10-31T17:00:00Z") },
  });
  bid = await db().bid.create({ data: { roundId: round.id, reference: "PD-2026-0042", editTokenHash: "h1", groupName: "Scouts" } });
  event = await db().event.create({ data: { roundId: round.id, title: "Pitch night", startsAt: new Date("2026-11-20T18:00:00Z"), venue: "Hall", joinCode: "ABCD1234" } });

  await database().sql.exec(`DELETE FROM "AuditEntry"`);
  const user = (u: { id: string }) => ({ type: "user" as const, id: u.id });
  await write("2026-09-02T10:00:00Z", user(olu), "round.created", { type: "round", id: round.id }, { fundId: fund.id, title: "Autumn 2026", slug: "autumn-2026", opensAt: "2026-09-01T08:00:00.000Z", closesAt: "2026-10-31T17:00:00.000Z" });
  await write("2026-10-01T10:00:00Z", { type: "group", id: bid.id }, "bid.submitted", { type: "bid", id: bid.id }, { reference: bid.reference, version: 1, amountRequestedPence: 250_000 });
  // 23:30 on 4 November in London (GMT) is still 4 November.
  await write("2026-11-04T23:30:00Z", user(olu), "bid.shortlisted", { type: "bid", id: bid.id }, { reference: bid.reference, reason: "" });
  await write("2026-11-10T09:00:00Z", user(olu), "event.created", { type: "event", id: event.id }, { roundId: round.id, startsAt: "2026-11-20T18:00:00.000Z", pitchSeconds: 180, questionSeconds: 120, slotCount: 1 });
  await write("2026-11-20T19:00:00Z", { type: "panellist", id: "p1" }, "conflict.declared", { type: "conflict", id: "c1" }, { eventId: event.id, panellistId: "p1", bidId: bid.id, declaredBy: "panellist" });
  await write("2026-11-20T21:00:00Z", user(fran), "decision.confirmed", { type: "bid", id: bid.id }, { eventId: event.id, bidId: bid.id, reference: bid.reference, outcome: "FUNDED", amountPence: 250_000, proposedOutcome: "FUNDED", proposedAmountPence: 250_000, feedbackLength: 0 });
  await write("2026-11-21T09:00:00Z", { type: "system" }, "audit.checkpoint_created", { type: "checkpoint", id: "k1" }, { checkpointId: "k1", via: "cli" });
});

const seqs = (page: Awaited<ReturnType<typeof listAuditLog>>) => page.entries.map((e) => e.seq);

describe("listAuditLog", () => {
  it("shows the whole log newest first, with who did it and what it changed by name", async () => {
    const page = await listAuditLog(ALL);
    expect(seqs(page)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(page).toMatchObject({ total: 7, page: 1, pageCount: 1 });
    const bySeq = new Map(page.entries.map((e) => [e.seq, e]));
    expect(bySeq.get(1)).toMatchObject({ action: "round.created", actor: { type: "user", name: "Olu Organiser" }, subject: { type: "round", name: "Autumn 2026" } });
    expect(bySeq.get(2)).toMatchObject({ actor: { type: "group", name: "PD-2026-0042" }, subject: { type: "bid", id: bid.id, name: "PD-2026-0042" } });
    expect(bySeq.get(4)).toMatchObject({ subject: { type: "event", name: "Pitch night" } });
    expect(bySeq.get(5)).toMatchObject({ actor: { type: "panellist", name: null }, subject: { type: "conflict", name: null } });
  });

  it("pages through the log, newest first, and shows the last page for a page past the end", async () => {
    const first = await listAuditLog(ALL, 3);
    expect([seqs(first), first.pageCount]).toEqual([[7, 6, 5], 3]);
    expect(seqs(await listAuditLog({ ...ALL, page: 2 }, 3))).toEqual([4, 3, 2]);
    const past = await listAuditLog({ ...ALL, page: 9 }, 3);
    expect([seqs(past), past.page]).toEqual([[1], 3]);
  });

  it("filters by action", async () => {
    expect(seqs(await listAuditLog({ ...ALL, action: "bid.shortlisted" }))).toEqual([3]);
  });

  it("filters by a kind of actor, or by one actor", async () => {
    expect(seqs(await listAuditLog({ ...ALL, actorType: "user" }))).toEqual([6, 4, 3, 1]);
    expect(seqs(await listAuditLog({ ...ALL, actorType: "user", actorId: fran.id }))).toEqual([6]);
    expect(seqs(await listAuditLog({ ...ALL, actorType: "group", actorId: bid.id }))).toEqual([2]);
    expect(seqs(await listAuditLog({ ...ALL, actorType: "system" }))).toEqual([7]);
  });

  it("filters by event: changes to the event and everything that names it", async () => {
    expect(seqs(await listAuditLog({ ...ALL, eventId: event.id }))).toEqual([6, 5, 4]);
    expect(seqs(await listAuditLog({ ...ALL, eventId: "no-such-event" }))).toEqual([]);
  });

  it("filters by whole days in London", async () => {
    const days = (query: string) => {
      const parsed = parseAuditFilter(new URLSearchParams(query), "Europe/London");
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      return listAuditLog(parsed.filter);
    };
    expect(seqs(await days("from=2026-11-04&to=2026-11-04"))).toEqual([3]);
    expect(seqs(await days("from=2026-11-20"))).toEqual([7, 6, 5]);
    expect(seqs(await days("to=2026-10-01"))).toEqual([2, 1]);
  });

  it("combines filters", async () => {
    const page = await listAuditLog({ ...ALL, eventId: event.id, actorType: "user", action: "decision.confirmed" });
    expect(seqs(page)).toEqual([6]);
    expect(page.total).toBe(1);
  });

  it("says plainly when nothing matches", async () => {
    expect(await listAuditLog({ ...ALL, action: "payment.paid" })).toMatchObject({ entries: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe("auditFilterOptions", () => {
  it("offers every declared action, every staff member and every event", async () => {
    const options = await auditFilterOptions();
    expect(options.actions).toEqual(expect.arrayContaining(["bid.submitted", "personal_data.erased", "audit.checkpoint_created"]));
    expect(options.users.map((u) => u.name)).toEqual(["Fran Funder", "Olu Organiser"]);
    expect(options.events).toEqual([expect.objectContaining({ id: event.id, title: "Pitch night", round: { title: "Autumn 2026" } })]);
  });

  it("still offers an action found in the log that is no longer declared", async () => {
    await database().sql.exec(
      `INSERT INTO "AuditEntry" (seq, at, "actorType", action, "subjectType", "subjectId", payload, "prevHash", hash) VALUES (100, now(), 'system', 'legacy.thing', 'x', 'x', '{}', '${"0".repeat(64)}', '${"1".repeat(64)}')`,
    );
    expect((await auditFilterOptions()).actions).toContain("legacy.thing");
    await database().sql.exec(`DELETE FROM "AuditEntry" WHERE seq = 100`);
  });
});

describe("logCurrency", () => {
  it("is the funds' one currency, and none to assume once funds use different ones", async () => {
    expect(await logCurrency()).toBe("GBP");
    await db().fund.create({
      data: { name: "Euro fund", currency: "EUR", potPence: 1_000, minAwardPence: 100, maxAwardPence: 1_000, funderName: "Stichting", funderOrgId: "NL-X", grantIdPrefix: "360G-nl" },
    });
    expect(await logCurrency()).toBeNull();
  });
});
