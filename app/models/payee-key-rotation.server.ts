import { db } from "~/db.server";
import { appendAudit } from "~/models/audit.server";
import { payeeCipher, PayeeSealBroken } from "~/utils/payee-crypto.server";

// Rotating BANK_DETAILS_KEY: every stored set of bank details is opened with the old key and
// sealed again with the new one, in one transaction, so the database never holds a mixture.
// Fingerprints are keyed too, so each row gets its new one, and so does each bulk-payment file
// item made from it (a file's confirmation compares them). The audit log's older entries keep
// the fingerprints they were written with; the rotation's own entry pairs each old one with its
// new one. A row that will not open with the old key stops the rotation: nothing changes.
// Erased rows hold nothing to re-seal and are left as they are.
//
//   rotatePayeeKey(oldSecret, newSecret) -> { rows, erasedRows } | throws (nothing changed)

export class PayeeKeyMismatch extends Error {}

export async function rotatePayeeKey(oldSecret: Buffer, newSecret: Buffer): Promise<{ rows: number; erasedRows: number }> {
  if (oldSecret.equals(newSecret)) throw new PayeeKeyMismatch("The new key is the same as the old one.");
  const [from, to] = [payeeCipher(oldSecret), payeeCipher(newSecret)];
  return db().$transaction(
    async (tx) => {
      // why lock every row: a group saving details meanwhile would be sealed under the old key.
      await tx.$queryRaw`SELECT id FROM "PayeeDetails" ORDER BY id FOR UPDATE`;
      const rows = await tx.payeeDetails.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, bidId: true, sealed: true, fingerprint: true } });
      const pairs = new Map<string, string>();
      let erasedRows = 0;
      for (const row of rows) {
        if (!row.sealed) {
          erasedRows++;
          continue;
        }
        let details;
        try {
          details = from.open(row.sealed, row.bidId);
        } catch (error) {
          if (!(error instanceof PayeeSealBroken)) throw error;
          throw new PayeeKeyMismatch(`Bank details ${row.id} (bid ${row.bidId}) do not open with the old key: is BANK_DETAILS_KEY the key in use? Nothing was changed.`);
        }
        const fingerprint = to.fingerprint(details);
        pairs.set(row.fingerprint, fingerprint);
        await tx.payeeDetails.update({ where: { id: row.id }, data: { sealed: to.seal(details, row.bidId), fingerprint } });
        await tx.paymentBatchItem.updateMany({ where: { payeeDetailsId: row.id }, data: { fingerprint } });
      }
      const resealed = rows.length - erasedRows;
      await appendAudit(tx, {
        actor: { type: "system" },
        action: "payee.key_rotated",
        subject: { type: "system", id: "bank-details-key" },
        payload: { rows: resealed, erasedRows, fingerprints: [...pairs].map(([fromPrint, toPrint]) => ({ from: fromPrint, to: toPrint })) },
      });
      return { rows: resealed, erasedRows };
    },
    { maxWait: 20_000, timeout: 300_000 },
  );
}
