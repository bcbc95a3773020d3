import { useTestDatabase } from "~/testing/database";
import { createHash } from "node:crypto";
import { db } from "~/db.server";
import type { PayeeDetails } from "~/domain/bank/payee-details";
import type { BatchCreateInput } from "~/domain/bank/batch-forms";
import { verifyAuditLog } from "~/models/audit.server";
import { approvePayment, requestPayment } from "~/coordinators/payments/payments.server";
import { savePayeeDetails } from "~/models/payee-details.server";
import { batchCandidates, batchFile, cancelBatch, confirmBatch, createBatch } from "~/models/payment-batch.server";
import { recordManualPayment } from "~/models/payment.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { makeAcceptedAward, makeFunder } from "~/testing/payments-fixtures";

// The bank bulk-payment file, on the real engine: made only from approved bank transfers,
// recorded with its checksum, given out again byte for byte, paid only on confirmation and only
// where the bank details did not change since; a payment is never in two open files.

useTestDatabase();
afterAll(() => closeLiveBus());

const origin = { name: "Thornbury Town Council", sortCode: "309457", accountNumber: "12345678" };
const day = new Date().toISOString().slice(0, 10);
const input = (paymentIds: string[]): BatchCreateInput => ({ paymentIds, origin, processingDay: day });
const bank = (accountName: string, sortCode = "089999", accountNumber = "66374958"): PayeeDetails => ({ kind: "BANK", party: "GROUP", accountName, sortCode, accountNumber, chequePayee: null });

let B: Awaited<ReturnType<typeof makeFunder>>;
let C: Awaited<ReturnType<typeof makeFunder>>;
beforeAll(async () => {
  [B, C] = [await makeFunder("Bea"), await makeFunder("Cal")];
});

/** An accepted award whose group gave these details, with a bank transfer asked for by B and approved by C. */
async function approvedTransfer(details: PayeeDetails, amountPence = 50_000) {
  const award = await makeAcceptedAward({ amountPence });
  expect(await savePayeeDetails(award.bid.id, details, { type: "group", id: award.bid.id })).toMatchObject({ ok: true });
  const asked = await requestPayment(award.awardId, { method: "BANK_TRANSFER" }, B);
  if (!asked.ok) throw new Error(asked.message);
  expect(await approvePayment(award.awardId, asked.payment.id, C)).toMatchObject({ ok: true });
  const bid = await db().bid.findUniqueOrThrow({ where: { id: award.bid.id }, select: { reference: true } });
  return { ...award, paymentId: asked.payment.id, reference: bid.reference };
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

describe("a bank bulk-payment file", () => {
  it("is made from approved bank transfers, recorded with its checksum and total, and downloads the same every time", async () => {
    const one = await approvedTransfer(bank("Hill St Gardeners"), 50_000);
    const two = await approvedTransfer(bank("Bowls Club", "107999", "88837491"), 12_345);
    const ready = (await batchCandidates()).filter((c) => [one.paymentId, two.paymentId].includes(c.paymentId));
    expect(ready.map((c) => c.problem)).toEqual([null, null]);
    expect(ready[0].masked).toMatchObject({ account: "08-99-99, account ending 4958" });

    const made = await createBatch(input([two.paymentId, one.paymentId]), B);
    if (!made.ok) throw new Error(made.message);
    const batch = await db().paymentBatch.findUniqueOrThrow({ where: { id: made.batchId }, include: { items: true } });
    expect(batch).toMatchObject({ totalPence: 62_345, format: "BACS_STD18", createdById: B.id, confirmedAt: null });
    expect(batch.items).toHaveLength(2);

    const first = await batchFile(made.batchId, B);
    const again = await batchFile(made.batchId, C);
    if (!first.ok || !again.ok) throw new Error("no file");
    expect(again.text).toBe(first.text);
    expect(sha(first.text)).toBe(batch.fileSha256);
    const lines = first.text.split("\r\n").filter(Boolean);
    expect(lines.map((l) => l.length)).toEqual([106, 106]);
    // Sorted by reference; each names its payee's account and the bid's reference.
    const [a, b] = [one, two].sort((x, y) => (x.reference < y.reference ? -1 : 1));
    // (the fixtures' references are longer than the app's PD-2027-0042; Bacs carries 18 characters)
    expect(lines[0].slice(64, 82).trim()).toBe(a.reference.slice(0, 18));
    expect(lines[1].slice(64, 82).trim()).toBe(b.reference.slice(0, 18));
    expect(first.text).toContain("08999966374958099309457");

    // Audited: made once, each download a look at every payee's details; never the details themselves.
    const entries = await db().auditEntry.findMany({ where: { subjectId: { in: [made.batchId, one.awardId, two.awardId] } } });
    expect(entries.filter((e) => e.action === "payment.batch_exported")).toHaveLength(1);
    expect(entries.filter((e) => e.action === "payment.batch_downloaded")).toHaveLength(2);
    expect(entries.filter((e) => e.action === "payee.details_viewed" && (e.payload as { purpose: string }).purpose === "bulk_file")).toHaveLength(4);
    expect(JSON.stringify(entries.map((e) => e.payload))).not.toMatch(/66374958|88837491|Hill St|HILL ST|12345678/);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("keeps a payment out of a second open file, and out of a manual record while its file is open", async () => {
    const one = await approvedTransfer(bank("Knit and Natter"));
    const made = await createBatch(input([one.paymentId]), B);
    expect(made).toMatchObject({ ok: true });
    const twice = await createBatch(input([one.paymentId]), C);
    expect(twice).toMatchObject({ ok: false, errors: { paymentIds: expect.stringMatching(/already in a bulk-payment file/) } });
    expect((await batchCandidates()).find((c) => c.paymentId === one.paymentId)).toMatchObject({ problem: "in_batch" });
    expect(await recordManualPayment(one.awardId, one.paymentId, { reference: "BACS1", paidOn: day }, B, day)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/waiting for confirmation/),
    });
  });

  it("lets only one of two funders making files at the same moment take a payment", async () => {
    const one = await approvedTransfer(bank("Race Club"));
    const results = await Promise.all([createBatch(input([one.paymentId]), B), createBatch(input([one.paymentId]), C)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db().paymentBatchItem.count({ where: { paymentId: one.paymentId } })).toBe(1);
  });

  it("on confirmation pays the unchanged payees only, and flags one whose bank details changed after the file was made", async () => {
    const kept = await approvedTransfer(bank("Kept Account"), 40_000);
    const changed = await approvedTransfer(bank("Changed Account"), 30_000);
    const made = await createBatch(input([kept.paymentId, changed.paymentId]), B);
    if (!made.ok) throw new Error(made.message);
    const before = await batchFile(made.batchId, B);

    // The group changes its account: the approval is withdrawn; even approved again, this file must not pay it.
    await savePayeeDetails(changed.bid.id, bank("Changed Account", "107999", "88837491"), { type: "group", id: changed.bid.id });
    expect(await approvePayment(changed.awardId, changed.paymentId, C)).toMatchObject({ ok: true, payment: { status: "APPROVED" } });

    const confirmed = await confirmBatch(made.batchId, { paidOn: day }, C);
    expect(confirmed).toEqual({ ok: true, paid: [kept.paymentId], skipped: [changed.paymentId] });
    expect(await db().payment.findUniqueOrThrow({ where: { id: kept.paymentId } })).toMatchObject({ status: "PAID", reference: kept.reference });
    expect(await db().award.findUniqueOrThrow({ where: { id: kept.awardId } })).toMatchObject({ status: "PAID" });
    expect(await db().payment.findUniqueOrThrow({ where: { id: changed.paymentId } })).toMatchObject({ status: "APPROVED" });
    expect(await db().paymentBatchItem.findMany({ where: { batchId: made.batchId }, orderBy: { amountPence: "desc" }, select: { outcome: true } })).toEqual([
      { outcome: "PAID" },
      { outcome: "PAYEE_CHANGED" },
    ]);
    const [entry] = await db().auditEntry.findMany({ where: { action: "payment.batch_confirmed", subjectId: made.batchId } });
    expect(entry.payload).toMatchObject({ paidPaymentIds: [kept.paymentId], skippedPaymentIds: [changed.paymentId] });
    expect(await db().auditEntry.count({ where: { action: "payment.manual_recorded", subjectId: kept.paymentId } })).toBe(1);

    // Confirming again changes nothing; the flagged payment can go in a new file; the old file is still the same file.
    expect(await confirmBatch(made.batchId, { paidOn: day }, B)).toEqual(confirmed);
    expect((await batchCandidates()).find((c) => c.paymentId === changed.paymentId)).toMatchObject({ problem: null });
    const after = await batchFile(made.batchId, B);
    expect(after.ok && before.ok && after.text === before.text).toBe(true);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
  });

  it("once cancelled pays nothing and frees its payments for another file", async () => {
    const one = await approvedTransfer(bank("Cancel Club"));
    const made = await createBatch(input([one.paymentId]), B);
    if (!made.ok) throw new Error(made.message);
    expect(await cancelBatch(made.batchId, { reason: "The bank rejected the upload" }, C)).toMatchObject({ ok: true });
    expect(await confirmBatch(made.batchId, { paidOn: day }, C)).toMatchObject({ ok: false, message: expect.stringMatching(/cancelled/) });
    expect(await db().payment.findUniqueOrThrow({ where: { id: one.paymentId } })).toMatchObject({ status: "APPROVED" });
    expect(await createBatch(input([one.paymentId]), B)).toMatchObject({ ok: true });
  });

  it("refuses payees it cannot put in a Bacs file, and anyone but a funder", async () => {
    const cheque = await approvedTransfer({ kind: "CHEQUE", party: "GROUP", accountName: null, sortCode: null, accountNumber: null, chequePayee: "Cheque Club" });
    expect((await batchCandidates()).find((c) => c.paymentId === cheque.paymentId)).toMatchObject({ problem: "cheque", masked: { kind: "CHEQUE" } });
    expect(await createBatch(input([cheque.paymentId]), B)).toMatchObject({ ok: false, message: expect.stringMatching(/asked for a cheque/) });

    const one = await approvedTransfer(bank("Door Club"));
    const organiser = { id: B.id, roles: ["ORGANISER" as const] };
    expect(await createBatch(input([one.paymentId]), organiser)).toMatchObject({ ok: false, message: expect.stringMatching(/Only a funder/) });
    const made = await createBatch(input([one.paymentId]), B);
    if (!made.ok) throw new Error(made.message);
    expect(await batchFile(made.batchId, { id: C.id, roles: ["AUDITOR"] })).toMatchObject({ ok: false });
    expect(await confirmBatch(made.batchId, { paidOn: day }, { id: C.id, roles: ["AUDITOR"] })).toMatchObject({ ok: false });
  });
});
