import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { reportSchema } from "~/domain/grant-report-forms";
import { spentField } from "~/domain/grant-report-limits";
import { verifyAuditLog } from "~/models/audit.server";
import { grantById, grantByToken, grantList, recordReturnedMoney, reviewReport, saveReport, spendOf, type Grant } from "~/models/grant-report.server";
import { makePaidGrant } from "~/testing/grant-fixtures";
import { makeFunder } from "~/testing/payments-fixtures";
import { parseForm } from "~/utils/forms";

useTestDatabase();
afterAll(() => closeLiveBus());

const DONE = "We repainted the community hall with forty volunteers over three weekends, and held an open day.";

function parsed(grant: Grant, values: Record<string, string>, submit: boolean) {
  const result = parseForm(reportSchema(grant.bid.budgetLines, { submit }), values);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

function fullReport(grant: Grant) {
  const [hall, paint] = grant.bid.budgetLines;
  return { whatWasDone: DONE, participants: "40", [spentField(hall.id)]: "550", [spentField(paint.id)]: "400.50", underspendNote: "The hall gave us a discount.", contactName: "Sam Treasurer", contactEmail: "sam@example.test", contactPhone: "" };
}

describe("the end-of-grant report", () => {
  it("opens only for a paid grant, saves drafts, and once sent is audited and cannot change", async () => {
    const { token, awardId } = await makePaidGrant();
    const grant = (await grantByToken(token))!;
    expect(grant.id).toBe(awardId);

    const draft = { whatWasDone: "Started", participants: "", [spentField(grant.bid.budgetLines[0].id)]: "100" };
    const refusedSend = parseForm(reportSchema(grant.bid.budgetLines, { submit: true }), draft);
    expect(refusedSend.ok).toBe(false);
    if (!refusedSend.ok) {
      expect(refusedSend.errors.whatWasDone).toBe("bid.report.error.whatTooShort");
      expect(refusedSend.errors.participants).toBe("bid.report.error.participantsMissing");
      expect(refusedSend.errors[spentField(grant.bid.budgetLines[1].id)]).toBe("bid.report.error.spentMissing");
    }
    expect(await saveReport(grant, parsed(grant, draft, false), { submit: false })).toEqual({ ok: true });
    expect(spendOf((await grantById(awardId))!).spentPence).toBe(10_000);

    expect(await saveReport(grant, parsed(grant, fullReport(grant), true), { submit: true })).toEqual({ ok: true });
    const sent = (await grantById(awardId))!;
    expect(sent.report).toMatchObject({ status: "SUBMITTED", participants: 40, contactName: "Sam Treasurer" });
    expect(spendOf(sent)).toMatchObject({ spentPence: 95_050, underspendPence: 4_950 });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "grant_report.submitted", subjectId: awardId } });
    expect(entry.payload).toEqual({ awardId, bidId: sent.bid.id, spentPence: 95_050, underspendPence: 4_950, participants: 40, photoCount: 0 });
    expect(JSON.stringify(entry.payload)).not.toContain("sam@example.test");

    expect(await saveReport(grant, parsed(grant, draft, false), { submit: false })).toEqual({ ok: false, message: "bid.report.locked" });
  });

  it("the funder asks for more (emailed), the group sends again, the funder accepts and the grant closes", async () => {
    const { token, awardId, decider } = await makePaidGrant({ paidOn: "2027-06-01" });
    const funder = await makeFunder("Fay Funder");
    const grant = (await grantByToken(token))!;
    expect(await reviewReport(awardId, { decision: "accept", message: "" }, funder)).toMatchObject({ ok: false });
    await saveReport(grant, parsed(grant, fullReport(grant), true), { submit: true });

    expect(await reviewReport(awardId, { decision: "more", message: "Please add receipts for the paint." }, { id: "x", roles: ["ORGANISER"] })).toMatchObject({ ok: false });
    expect(await reviewReport(awardId, { decision: "more", message: "Please add receipts for the paint." }, funder)).toEqual({ ok: true });
    const mail = await db().mailMessage.findFirstOrThrow({ where: { subject: { startsWith: "The funder asks for more" } }, orderBy: { createdAt: "desc" } });
    expect(mail.to).toBe("group1@example.test");
    expect(mail.text).toContain("Please add receipts for the paint.");

    const now = new Date("2027-09-01T00:00:00Z");
    expect((await grantList(now)).find((g) => g.grant.id === awardId)?.state).toBe("report_due");
    expect(await saveReport(grant, parsed(grant, fullReport(grant), true), { submit: true })).toEqual({ ok: true });
    expect((await grantList(now)).find((g) => g.grant.id === awardId)?.state).toBe("report_in");
    expect(await reviewReport(awardId, { decision: "accept", message: "" }, decider)).toEqual({ ok: true });
    expect((await grantList(now)).find((g) => g.grant.id === awardId)?.state).toBe("closed");
    expect(await db().auditEntry.count({ where: { subjectId: awardId, action: { startsWith: "grant_report." } } })).toBe(4);
    expect((await verifyAuditLog()).ok).toBe(true);
  });

  it("records returned money in pence, never more than was paid", async () => {
    const { awardId } = await makePaidGrant({ amountPence: 100_000 });
    const funder = await makeFunder("Rita Returns");
    const returnedOn = new Date("2027-10-01T00:00:00Z");
    expect(await recordReturnedMoney(awardId, { amount: 4_950, returnedOn }, funder)).toEqual({ ok: true });
    expect(await recordReturnedMoney(awardId, { amount: 95_051, returnedOn }, funder)).toMatchObject({ ok: false, errors: { amount: expect.stringMatching(/more than the group was paid/) } });
    expect(await recordReturnedMoney(awardId, { amount: 1_000, returnedOn }, funder)).toEqual({ ok: true });
    expect((await grantById(awardId))!.report).toMatchObject({ returnedPence: 5_950, status: "DRAFT" });
    const entries = await db().auditEntry.findMany({ where: { action: "grant.money_returned", subjectId: awardId }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => e.payload)).toEqual([
      { awardId, amountPence: 4_950, totalReturnedPence: 4_950, returnedOn: "2027-10-01" },
      { awardId, amountPence: 1_000, totalReturnedPence: 5_950, returnedOn: "2027-10-01" },
    ]);
  });
});
