import { useTestDatabase } from "~/testing/database";
import { db } from "~/db.server";
import type { PayeeDetails } from "~/domain/bank/payee-details";
import { verifyAuditLog } from "~/models/audit.server";
import { approvePayment, requestPayment } from "~/coordinators/payments/payments.server";
import { payeeForPayment, payeeSummary, savePayeeDetails } from "~/models/payee-details.server";
import { eraseGroupContact, exportGroupData } from "~/models/personal-data.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeAcceptedAward, makeFunder } from "~/testing/payments-fixtures";

useTestDatabase();
afterAll(() => closeLiveBus());

const first: PayeeDetails = { kind: "BANK", party: "GROUP", accountName: "Hill St Gardeners", sortCode: "089999", accountNumber: "66374958", chequePayee: null };
const second: PayeeDetails = { ...first, sortCode: "107999", accountNumber: "88837491" };

async function ready() {
  const award = await makeAcceptedAward({ amountPence: 50_000 });
  const group = { type: "group" as const, id: award.bid.id };
  return { ...award, group, email: `group1@example.test` };
}

function mailTo(email: string) {
  return db().mailMessage.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

async function auditOf(action: string) {
  return db().auditEntry.findMany({ where: { action }, orderBy: { seq: "asc" } });
}

describe("the group's bank details", () => {
  it("are kept encrypted, shown back masked, audited by fingerprint only, and confirmed by email", async () => {
    const { bid, group, email } = await ready();
    const saved = await savePayeeDetails(bid.id, first, group);
    expect(saved).toMatchObject({ ok: true, changed: false, same: false });

    expect(await payeeSummary(bid.id)).toMatchObject({ payee: { name: "Hill St Gardeners", account: "08-99-99, account ending 4958" }, erased: false });
    const [row] = await db().payeeDetails.findMany({ where: { bidId: bid.id } });
    expect(row!.sealed).not.toContain("66374958");
    const [entry] = (await auditOf("payee.details_saved")).filter((e) => (e.payload as { bidId: string }).bidId === bid.id);
    expect(JSON.stringify(entry!.payload)).not.toMatch(/66374958|089999|Hill St/);
    expect(entry!.payload).toMatchObject({ fingerprint: row!.fingerprint, previousFingerprint: null });
    const mail = await mailTo(email);
    expect(mail.at(-1)).toMatchObject({ subject: expect.stringMatching(/^Bank details received/) });
    expect(mail.at(-1)!.text).toContain("account ending 4958");
    expect(mail.at(-1)!.text).not.toContain("66374958");
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("giving the same details again changes nothing and sends nothing", async () => {
    const { bid, group, email } = await ready();
    await savePayeeDetails(bid.id, first, group);
    const before = (await mailTo(email)).length;
    expect(await savePayeeDetails(bid.id, { ...first }, group)).toMatchObject({ ok: true, same: true });
    expect(await db().payeeDetails.count({ where: { bidId: bid.id } })).toBe(1);
    expect((await mailTo(email)).length).toBe(before);
  });

  it("a change after the payment was approved withdraws the approval, needs a new one, and tells the group", async () => {
    const { bid, group, email, awardId } = await ready();
    const [B, C] = [await makeFunder("Bea"), await makeFunder("Cal")];
    await savePayeeDetails(bid.id, first, group);
    const asked = await requestPayment(awardId, { method: "BANK_TRANSFER" }, B);
    if (!asked.ok) throw new Error(asked.message);
    expect(await approvePayment(awardId, asked.payment.id, C)).toMatchObject({ ok: true, payment: { status: "APPROVED" } });

    const changed = await savePayeeDetails(bid.id, second, group);
    expect(changed).toMatchObject({ ok: true, changed: true, approvalsWithdrawn: [asked.payment.id] });
    expect(await db().payment.findUnique({ where: { id: asked.payment.id } })).toMatchObject({ status: "REQUESTED", approvedById: null });
    const withdrawn = (await auditOf("payment.approval_withdrawn")).filter((e) => e.subjectId === asked.payment.id);
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]!.payload).toMatchObject({ approvedById: C.id, reason: "payee_details_changed" });
    const mail = (await mailTo(email)).at(-1)!;
    expect(mail.subject).toMatch(/^Bank details changed/);
    expect(mail.text).toMatch(/approved again/);
    // The old row stays, replaced; the new one is current.
    expect(await db().payeeDetails.count({ where: { bidId: bid.id, replacedAt: { not: null } } })).toBe(1);
    expect(await payeeSummary(bid.id)).toMatchObject({ payee: { account: "10-79-99, account ending 7491" } });

    expect(await approvePayment(awardId, asked.payment.id, B)).toMatchObject({ ok: false });
    expect(await approvePayment(awardId, asked.payment.id, C)).toMatchObject({ ok: true, payment: { status: "APPROVED" } });
  });

  it("can only be given once the award is accepted, and not for a parent organisation the bid does not name", async () => {
    const { bid, group, awardId } = await ready();
    expect(await savePayeeDetails(bid.id, { ...first, party: "PARENT" }, group)).toMatchObject({ ok: false, message: "bid.payee.refusal.noParent" });
    await db().award.update({ where: { id: awardId }, data: { status: "OFFERED" } });
    expect(await savePayeeDetails(bid.id, first, group)).toMatchObject({ ok: false, message: "bid.payee.refusal.acceptFirst" });
  });

  it("are shown whole only to a funder preparing the payment, and each look is audited", async () => {
    const { bid, group, awardId, decider } = await ready();
    const none = await payeeForPayment(awardId, decider);
    expect(none).toMatchObject({ ok: true, payee: { details: null, problem: "none_given" } });
    await savePayeeDetails(bid.id, first, group);
    const seen = await payeeForPayment(awardId, decider);
    expect(seen).toMatchObject({ ok: true, payee: { details: first, problem: null, payeeName: bid.groupName } });
    const views = (await auditOf("payee.details_viewed")).filter((e) => e.subjectId === awardId);
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ actorType: "user", actorId: decider.id });
    expect(await payeeForPayment(awardId, { id: decider.id, roles: ["ORGANISER"] })).toMatchObject({ ok: false });
  });

  it("a tampered sealed value is reported as unreadable, not shown", async () => {
    const { bid, group, awardId, decider } = await ready();
    await savePayeeDetails(bid.id, first, group);
    const row = await db().payeeDetails.findFirstOrThrow({ where: { bidId: bid.id } });
    const other = await ready();
    await savePayeeDetails(other.bid.id, second, other.group);
    const foreign = await db().payeeDetails.findFirstOrThrow({ where: { bidId: other.bid.id } });
    await db().payeeDetails.update({ where: { id: row.id }, data: { sealed: foreign.sealed } });
    expect(await payeeForPayment(awardId, decider)).toMatchObject({ ok: true, payee: { details: null, problem: "unreadable" } });
  });

  it("are in the group's copy of its data, and erased with its contact details", async () => {
    const { bid, group, decider } = await ready();
    await savePayeeDetails(bid.id, first, group);
    await savePayeeDetails(bid.id, second, group);
    const exported = await exportGroupData(bid.id, { type: "user", id: decider.id });
    expect(exported!.data.payeeDetails.map((p) => p.details?.accountNumber)).toEqual(["66374958", "88837491"]);

    expect(await eraseGroupContact(bid.id, { type: "user", id: decider.id }, { reason: "request" })).toMatchObject({ ok: true });
    const rows = await db().payeeDetails.findMany({ where: { bidId: bid.id } });
    expect(rows.map((r) => [r.sealed, Boolean(r.erasedAt)])).toEqual([[null, true], [null, true]]);
    const after = await exportGroupData(bid.id, { type: "user", id: decider.id });
    expect(after!.data.payeeDetails.map((p) => p.details)).toEqual([null, null]);
    expect(await payeeSummary(bid.id)).toMatchObject({ payee: null, erased: true });
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });
});
