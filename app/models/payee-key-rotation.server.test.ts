import { useTestDatabase } from "~/testing/database";
import { randomBytes } from "node:crypto";
import { db } from "~/db.server";
import type { PayeeDetails } from "~/domain/bank/payee-details";
import { verifyAuditLog } from "~/models/audit.server";
import { approvePayment, requestPayment } from "~/coordinators/payments/payments.server";
import { savePayeeDetails } from "~/models/payee-details.server";
import { createBatch } from "~/models/payment-batch.server";
import { PayeeKeyMismatch, rotatePayeeKey } from "~/models/payee-key-rotation.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { payeeCipher, PayeeSealBroken, payeeSecret } from "~/utils/payee-crypto.server";
import { makeAcceptedAward, makeFunder } from "~/testing/payments-fixtures";

// Rotating BANK_DETAILS_KEY re-seals every stored set of bank details in one transaction, with
// new fingerprints that a bulk-payment file's items follow; a row the old key cannot open
// stops it with nothing changed.

useTestDatabase();
afterAll(() => closeLiveBus());

const details = (accountName: string): PayeeDetails => ({ kind: "BANK", party: "GROUP", accountName, sortCode: "089999", accountNumber: "66374958", chequePayee: null });

async function withDetails(name: string) {
  const award = await makeAcceptedAward({ amountPence: 20_000 });
  await savePayeeDetails(award.bid.id, details(name), { type: "group", id: award.bid.id });
  return award;
}

describe("rotating the bank details key", () => {
  it("re-seals every row under the new key, moves fingerprints with it, and says so in the audit log", async () => {
    const [B, C] = [await makeFunder("Bea"), await makeFunder("Cal")];
    const one = await withDetails("First Group");
    const two = await withDetails("Second Group");
    // A replaced row and a bulk-payment file item are rotated too.
    await savePayeeDetails(two.bid.id, { ...details("Second Group"), accountName: "Second Group Acct" }, { type: "group", id: two.bid.id });
    const asked = await requestPayment(one.awardId, { method: "BANK_TRANSFER" }, B);
    if (!asked.ok) throw new Error(asked.message);
    await approvePayment(one.awardId, asked.payment.id, C);
    const batch = await createBatch({ paymentIds: [asked.payment.id], origin: { name: "Council", sortCode: "309457", accountNumber: "12345678" }, processingDay: new Date().toISOString().slice(0, 10) }, B);
    if (!batch.ok) throw new Error(batch.message);

    const oldSecret = payeeSecret();
    const newSecret = randomBytes(32);
    const before = await db().payeeDetails.findMany({ orderBy: { id: "asc" } });
    expect(await rotatePayeeKey(oldSecret, newSecret)).toMatchObject({ rows: before.length, erasedRows: 0 });

    const [oldKey, newKey] = [payeeCipher(oldSecret), payeeCipher(newSecret)];
    const after = await db().payeeDetails.findMany({ orderBy: { id: "asc" } });
    for (const [i, row] of after.entries()) {
      const opened = newKey.open(row.sealed!, row.bidId);
      expect(opened).toEqual(oldKey.open(before[i].sealed!, before[i].bidId));
      expect(() => oldKey.open(row.sealed!, row.bidId)).toThrow(PayeeSealBroken);
      expect(row.fingerprint).toBe(newKey.fingerprint(opened));
      expect(row.fingerprint).not.toBe(before[i].fingerprint);
    }
    const current = after.find((r) => r.bidId === one.bid.id)!;
    expect(await db().paymentBatchItem.findFirstOrThrow({ where: { batchId: batch.batchId } })).toMatchObject({ fingerprint: current.fingerprint });

    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "payee.key_rotated" } });
    expect(entry.payload).toMatchObject({ rows: before.length, fingerprints: expect.arrayContaining([{ from: before[0].fingerprint, to: after[0].fingerprint }]) });
    expect(JSON.stringify(entry.payload)).not.toMatch(/66374958|First Group/);
    expect(await verifyAuditLog()).toMatchObject({ ok: true });

    // Back again, so the rest of this database opens with the key in force.
    await rotatePayeeKey(newSecret, oldSecret);
  });

  it("stops with nothing changed when a row does not open with the old key", async () => {
    const award = await withDetails("Tampered Group");
    const row = await db().payeeDetails.findFirstOrThrow({ where: { bidId: award.bid.id } });
    // Sealed under some other key: the old key in hand is not the one in use for this row.
    await db().payeeDetails.update({ where: { id: row.id }, data: { sealed: payeeCipher(randomBytes(32)).seal(details("Tampered Group"), award.bid.id) } });
    const before = await db().payeeDetails.findMany({ orderBy: { id: "asc" } });
    const entries = await db().auditEntry.count();
    await expect(rotatePayeeKey(payeeSecret(), randomBytes(32))).rejects.toThrow(PayeeKeyMismatch);
    expect(await db().payeeDetails.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db().auditEntry.count()).toBe(entries);
    await expect(rotatePayeeKey(payeeSecret(), payeeSecret())).rejects.toThrow(/same as the old one/);
  });
});
