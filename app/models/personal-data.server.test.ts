import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { appendAudit, verifyAuditLog } from "~/models/audit.server";
import { eraseExpiredContacts, eraseGroupContact, exportGroupData, findExpiredContacts } from "~/models/personal-data.server";
import { makeBid, makeFund, makeOrganiser, makeRound } from "~/testing/organiser-fixtures";
import { makePaidGrant } from "~/testing/grant-fixtures";

useTestDatabase();

let organiser: Awaited<ReturnType<typeof makeOrganiser>>;
let roundId: string;

beforeAll(async () => {
  organiser = await makeOrganiser();
  const fund = await makeFund(organiser.actor);
  const round = await makeRound(fund.id, organiser.actor, {
    opensAt: new Date("2026-09-01T08:00:00Z"),
    closesAt: new Date("2026-10-31T17:00:00Z"),
  });
  roundId = round.id;
});

async function fundedBid(contact = { name: "Priya Shah", email: "priya@example.test", phone: "07700 900123" }) {
  const bid = await makeBid(roundId, { status: "FUNDED", contact });
  const decision = await db().decision.create({
    data: { bidId: bid.id, proposedOutcome: "FUNDED", proposedAmountPence: 250_000, proposalReason: "Ranked first", outcome: "FUNDED", amountPence: 250_000, decidedById: organiser.user.id },
  });
  const award = await db().award.create({
    data: { decisionId: decision.id, bidId: bid.id, amountPence: 250_000, status: "PAID", createdById: organiser.user.id },
  });
  const payment = await db().payment.create({
    data: { awardId: award.id, method: "BANK_TRANSFER", amountPence: 250_000, status: "PAID", idempotencyKey: `key-${bid.id}`, reference: "BACS 1234", requestedById: organiser.user.id },
  });
  await db().$transaction(async (tx) => {
    await appendAudit(tx, { actor: { type: "group", id: bid.id }, action: "bid.submitted", subject: { type: "bid", id: bid.id }, payload: { reference: bid.reference, version: 1, amountRequestedPence: 250_000 } });
    await appendAudit(tx, { actor: organiser.actor, action: "payment.manual_recorded", subject: { type: "payment", id: payment.id }, payload: { awardId: award.id, method: "BANK_TRANSFER", amountPence: 250_000, reference: "BACS 1234", paidOn: "2026-12-01" } });
  });
  return { bid, decision, award, payment };
}

const lastEntry = () => db().auditEntry.findFirst({ orderBy: { seq: "desc" } });

describe("exportGroupData", () => {
  it("gives everything held about the group as JSON, and records who downloaded it", async () => {
    const { bid, award, payment } = await fundedBid();
    const now = new Date("2027-01-10T12:00:00Z");
    const result = await exportGroupData(bid.id, organiser.actor, now);
    expect(result).not.toBeNull();
    const { data, filename } = result!;
    expect(filename).toBe(`pitchday-${bid.reference}-data.json`);
    const json = JSON.parse(JSON.stringify(data));
    expect(json).toMatchObject({
      format: "pitchday-group-data/1",
      exportedAt: "2027-01-10T12:00:00.000Z",
      bid: { id: bid.id, reference: bid.reference, pseudonymId: bid.pseudonymId, groupName: "Thornbury Scouts", round: { title: "Test round" }, fund: { name: "Test Community Chest" } },
      contact: { name: "Priya Shah", email: "priya@example.test", phone: "07700 900123", erasedAt: null },
      budgetLines: [
        { item: "Tents", amountPence: 200_000 },
        { item: "Pegs and groundsheets", amountPence: 50_000 },
      ],
      versions: [{ version: 1, snapshot: { projectTitle: "New tents for the scout hut" } }],
      decision: { outcome: "FUNDED", amountPence: 250_000 },
      award: { id: award.id, status: "PAID", payments: [{ id: payment.id, reference: "BACS 1234", status: "PAID" }] },
    });
    expect(json.history.map((h: { action: string; by: string }) => [h.action, h.by])).toEqual([
      ["bid.submitted", "the group"],
      ["payment.manual_recorded", "staff"],
    ]);
    expect(json.history[0].what).toBe("Bid submitted");
    expect(JSON.stringify(json)).not.toContain(bid.editTokenHash);

    expect(await lastEntry()).toMatchObject({
      action: "personal_data.exported",
      actorType: "user",
      actorId: organiser.user.id,
      subjectType: "bid",
      subjectId: bid.id,
      payload: { pseudonymId: bid.pseudonymId },
    });
  });

  it("has nothing, and records nothing, for a bid that does not exist", async () => {
    const before = await lastEntry();
    expect(await exportGroupData("no-such-bid", organiser.actor)).toBeNull();
    expect((await lastEntry())?.seq).toBe(before?.seq);
  });
});

describe("eraseGroupContact", () => {
  it("replaces the contact details, keeps the award and payments under the pseudonymous id, and the chain still verifies", async () => {
    const { bid, award, payment } = await fundedBid();
    const other = await makeBid(roundId, { contact: { name: "Priya Shah", email: "priya@example.test" } });
    await db().mailMessage.createMany({
      data: [
        { to: "Priya@Example.test", subject: `Bid received: ${bid.reference}`, text: "Dear Priya Shah ...", sentAt: new Date() },
        { to: "priya@example.test", subject: `Payment sent for ${bid.reference}`, text: "Dear Priya Shah ..." },
        { to: "priya@example.test", subject: `Bid received: ${other.reference}`, text: "Dear Priya Shah ...", sentAt: new Date() },
      ],
    });
    const now = new Date("2027-02-01T10:00:00Z");

    const result = await eraseGroupContact(bid.id, organiser.actor, { reason: "request", note: "Asked by letter" }, now);

    expect(result).toEqual({ ok: true, erasedAt: now, mailRedacted: 2 });
    expect(await db().bidContact.findUnique({ where: { bidId: bid.id } })).toEqual({ bidId: bid.id, name: "[erased]", email: "[erased]", phone: null, erasedAt: now });
    const entry = await lastEntry();
    expect(entry).toMatchObject({ action: "personal_data.erased", actorType: "user", actorId: organiser.user.id, subjectType: "bid", subjectId: bid.id });
    expect(entry!.payload).toEqual({ pseudonymId: bid.pseudonymId, reason: "request", note: "Asked by letter", mailRedacted: 2 });
    expect(JSON.stringify(entry)).not.toMatch(/priya|Shah|07700/i);

    const mail = await db().mailMessage.findMany();
    expect(mail).toHaveLength(2);
    expect(mail.map((m) => [m.to, m.subject, m.text])).toEqual(
      expect.arrayContaining([
        ["[erased]", `Bid received: ${bid.reference}`, "[erased]"],
        ["priya@example.test", `Bid received: ${other.reference}`, "Dear Priya Shah ..."],
      ]),
    );

    expect(await db().award.findUnique({ where: { id: award.id } })).toMatchObject({ bidId: bid.id, status: "PAID", amountPence: 250_000 });
    expect(await db().payment.findUnique({ where: { id: payment.id } })).toMatchObject({ status: "PAID" });
    expect(await db().bid.findUnique({ where: { id: bid.id } })).toMatchObject({ pseudonymId: bid.pseudonymId, reference: bid.reference });
    expect(await db().bidContact.findUnique({ where: { bidId: other.id } })).toMatchObject({ name: "Priya Shah", erasedAt: null });
    expect(await verifyAuditLog()).toMatchObject({ ok: true });

    const exported = await exportGroupData(bid.id, organiser.actor);
    expect(exported!.data.contact).toEqual({ name: "[erased]", email: "[erased]", phone: null, erasedAt: now });
    expect(exported!.data.history.map((h) => h.action)).toContain("personal_data.erased");
  });

  it("erases once: a second erasure says when it was done and writes nothing", async () => {
    const bid = await makeBid(roundId);
    const first = new Date("2027-02-01T10:00:00Z");
    expect(await eraseGroupContact(bid.id, organiser.actor, { reason: "no_longer_needed" }, first)).toMatchObject({ ok: true });
    const seq = (await lastEntry())!.seq;
    expect(await eraseGroupContact(bid.id, organiser.actor, { reason: "request" })).toEqual({ ok: false, reason: "already_erased", erasedAt: first });
    expect((await lastEntry())!.seq).toBe(seq);
  });

  it("writes one audit entry when two people erase the same contact at once", async () => {
    const bid = await makeBid(roundId);
    const results = await Promise.all([
      eraseGroupContact(bid.id, organiser.actor, { reason: "request" }),
      eraseGroupContact(bid.id, organiser.actor, { reason: "request" }),
      eraseGroupContact(bid.id, organiser.actor, { reason: "request" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "already_erased")).toHaveLength(2);
    expect(await db().auditEntry.count({ where: { action: "personal_data.erased", subjectId: bid.id } })).toBe(1);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("says when there is no such bid, or no contact details to erase", async () => {
    expect(await eraseGroupContact("no-such-bid", organiser.actor, { reason: "request" })).toEqual({ ok: false, reason: "not_found" });
    const bid = await makeBid(roundId, { contact: null });
    expect(await eraseGroupContact(bid.id, organiser.actor, { reason: "request" })).toEqual({ ok: false, reason: "no_contact" });
  });
});

describe("eraseExpiredContacts", () => {
  it("erases contacts of rounds closed more than the retention period ago, keeps open awards, and the chain verifies", async () => {
    const fund = await makeFund(organiser.actor, { name: "Retention fund" });
    const old = await makeRound(fund.id, organiser.actor, { closesAt: new Date("2025-06-30T16:00:00Z"), opensAt: new Date("2025-04-01T08:00:00Z") });
    const recent = await makeRound(fund.id, organiser.actor, { closesAt: new Date("2026-09-30T16:00:00Z"), opensAt: new Date("2026-07-01T08:00:00Z") });
    const due = await makeBid(old.id, { reference: "PD-2025-0001" });
    const alreadyErased = await makeBid(old.id, { reference: "PD-2025-0002" });
    await eraseGroupContact(alreadyErased.id, organiser.actor, { reason: "request" });
    const beingPaid = await makeBid(old.id, { reference: "PD-2025-0003", status: "FUNDED" });
    const decision = await db().decision.create({
      data: { bidId: beingPaid.id, proposedOutcome: "FUNDED", proposedAmountPence: 100_000, proposalReason: "r", outcome: "FUNDED", amountPence: 100_000, decidedById: organiser.user.id },
    });
    await db().award.create({ data: { decisionId: decision.id, bidId: beingPaid.id, amountPence: 100_000, status: "ACCEPTED", createdById: organiser.user.id } });
    const tooRecent = await makeBid(recent.id, { reference: "PD-2026-0901" });
    const now = new Date("2027-08-01T09:00:00Z");

    // A dry run lists them and changes nothing.
    const listed = await findExpiredContacts(now, 12);
    const ours = listed.filter((c) => c.reference.startsWith("PD-2025"));
    expect(ours.map((c) => [c.reference, c.keptBecause])).toEqual([
      ["PD-2025-0001", null],
      ["PD-2025-0003", "its award is still being paid"],
    ]);
    expect(await db().bidContact.findUnique({ where: { bidId: due.id } })).toMatchObject({ erasedAt: null });

    const result = await eraseExpiredContacts(now, 12);
    expect(result.erased.map((c) => c.reference)).toContain("PD-2025-0001");
    expect(result.erased.map((c) => c.reference)).not.toContain("PD-2026-0901");
    expect(result.kept.map((c) => c.reference)).toEqual(["PD-2025-0003"]);

    expect(await db().bidContact.findUnique({ where: { bidId: due.id } })).toMatchObject({ name: "[erased]", email: "[erased]", phone: null, erasedAt: now });
    expect(await db().bidContact.findUnique({ where: { bidId: beingPaid.id } })).toMatchObject({ erasedAt: null });
    expect(await db().bidContact.findUnique({ where: { bidId: tooRecent.id } })).toMatchObject({ erasedAt: null });
    const entry = await db().auditEntry.findFirst({ where: { action: "personal_data.erased", subjectId: due.id } });
    expect(entry).toMatchObject({ actorType: "system", actorId: null, payload: { pseudonymId: due.pseudonymId, reason: "retention", retentionMonths: 12, mailRedacted: 0 } });
    expect(await verifyAuditLog()).toMatchObject({ ok: true });

    // Nothing is left to do on the next run, and a shorter period reaches the recent round.
    expect((await eraseExpiredContacts(now, 12)).erased).toEqual([]);
    expect((await findExpiredContacts(now, 6)).map((c) => c.reference)).toContain("PD-2026-0901");
  });

  it("uses 12 months when no period is given", async () => {
    const fund = await makeFund(organiser.actor, { name: "Default period fund" });
    const round = await makeRound(fund.id, organiser.actor, { opensAt: new Date("2030-01-01T08:00:00Z"), closesAt: new Date("2030-03-31T16:00:00Z") });
    const bid = await makeBid(round.id, { reference: "PD-2030-0001" });
    const refs = async (now: string) => (await findExpiredContacts(new Date(now))).map((c) => c.bidId);
    expect(await refs("2031-03-31T15:59:00Z")).not.toContain(bid.id);
    expect(await refs("2031-03-31T16:01:00Z")).toContain(bid.id);
  });
});

describe("the end-of-grant report's contact", () => {
  it("is in the group's copy of its data, and erasure blanks it with the bid's contact (the report itself stays)", async () => {
    const grant = await makePaidGrant({ email: "chair@group.example" });
    const report = await db().grantReport.create({
      data: { awardId: grant.awardId, status: "SUBMITTED", whatWasDone: "Painted the hall", participants: 40, contactName: "Sam Treasurer", contactEmail: "sam@group.example", contactPhone: "07700 900456" },
    });
    await db().mailMessage.create({ data: { to: "sam@group.example", subject: `Your report for ${grant.bid.reference}`, text: `Thank you, Sam, for the report on ${grant.bid.reference}.`, sentAt: new Date() } });

    const exported = await exportGroupData(grant.bid.id, organiser.actor);
    expect(exported!.data.award?.report).toMatchObject({ contactName: "Sam Treasurer", contactEmail: "sam@group.example", whatWasDone: "Painted the hall" });

    const toGroup = await db().mailMessage.count({ where: { to: "chair@group.example" } });
    const erased = await eraseGroupContact(grant.bid.id, organiser.actor, { reason: "request" });
    expect(erased).toMatchObject({ ok: true, mailRedacted: toGroup + 1 });
    expect(await db().grantReport.findUnique({ where: { id: report.id } })).toMatchObject({
      contactName: "[erased]",
      contactEmail: "[erased]",
      contactPhone: "",
      whatWasDone: "Painted the hall",
      participants: 40,
    });
    expect(await db().mailMessage.findMany({ where: { subject: `Your report for ${grant.bid.reference}` }, select: { to: true, text: true } })).toEqual([
      { to: "[erased]", text: "[erased]" },
    ]);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });
});
