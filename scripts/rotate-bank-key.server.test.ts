import { randomBytes } from "node:crypto";
import { db, openDatabase } from "~/db.server";
import type { PayeeDetails } from "~/domain/bank/payee-details";
import { savePayeeDetails } from "~/models/payee-details.server";
import { makeAcceptedAward } from "~/testing/payments-fixtures";
import { parsePayeeSecret, payeeCipher, payeeSecret } from "~/utils/payee-crypto.server";
import { runScript, withScratch } from "./lib/scratch-database";

// `npm run payee:rotate-key` as its own process against a database on disk: the keys come from
// the environment; a missing or malformed new key changes nothing.

const run = (env: Record<string, string>) => runScript("scripts/rotate-bank-key.ts", env);
const details: PayeeDetails = { kind: "BANK", party: "GROUP", accountName: "Script Group", sortCode: "089999", accountNumber: "66374958", chequePayee: null };

async function reopen(env: Record<string, string>) {
  await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL, migrate: false } : { pgliteDir: env.PGLITE_DIR, migrate: false });
}

describe("npm run payee:rotate-key", () => {
  it("refuses without a good new key, then re-seals every row under the new one", async () => {
    await withScratch(
      async () => {
        const award = await makeAcceptedAward({ amountPence: 10_000 });
        await savePayeeDetails(award.bid.id, details, { type: "group", id: award.bid.id });
        return award.bid.id;
      },
      async (env, bidId) => {
        const missing = run({ ...env, BANK_DETAILS_KEY: "", BANK_DETAILS_KEY_NEW: "" });
        expect(missing).toMatchObject({ code: 2, out: expect.stringContaining("Set BANK_DETAILS_KEY_NEW") });
        expect(run({ ...env, BANK_DETAILS_KEY_NEW: "c2hvcnQ=" })).toMatchObject({ code: 2, out: expect.stringContaining("32 bytes in base64") });

        const key = randomBytes(32).toString("base64");
        const done = run({ ...env, BANK_DETAILS_KEY: "", BANK_DETAILS_KEY_NEW: key });
        expect(done.out).toContain("Re-encrypted 1 set of bank details with the new key");
        expect(done.code).toBe(0);

        await reopen(env);
        const row = await db().payeeDetails.findFirstOrThrow({ where: { bidId } });
        expect(payeeCipher(parsePayeeSecret(key)).open(row.sealed!, bidId)).toEqual(details);
        expect(() => payeeCipher(payeeSecret()).open(row.sealed!, bidId)).toThrow();
      },
    );
  });
});
