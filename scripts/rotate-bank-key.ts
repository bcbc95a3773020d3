// Usage: BANK_DETAILS_KEY=<old key> BANK_DETAILS_KEY_NEW=<new key> npm run payee:rotate-key
// Re-encrypts every stored set of bank details from the key in BANK_DETAILS_KEY (the public demo
// key when it is unset) to the one in BANK_DETAILS_KEY_NEW, in one transaction: all or nothing.
// Keys come from the environment, never the command line (it shows in `ps` and shell history).
// Stop every instance of the app first; then start it with BANK_DETAILS_KEY set to the new key.
// Exit codes: 0 rotated, 2 nothing changed (a key is missing or wrong, or a row would not open).
import { closeDatabase } from "~/db.server";
import { rotatePayeeKey } from "~/models/payee-key-rotation.server";
import { parsePayeeSecret, payeeSecret } from "~/utils/payee-crypto.server";
import { describeDatabase, openExistingDatabase } from "./verify-audit";

export async function main(environment: NodeJS.ProcessEnv = process.env): Promise<number> {
  let newSecret: Buffer;
  try {
    if (!environment.BANK_DETAILS_KEY_NEW) throw new Error("Set BANK_DETAILS_KEY_NEW to the new key (openssl rand -base64 32).");
    newSecret = parsePayeeSecret(environment.BANK_DETAILS_KEY_NEW);
  } catch (error) {
    console.error(`Could not rotate the bank details key: ${(error as Error).message}`);
    return 2;
  }
  try {
    const database = await openExistingDatabase();
    const { rows, erasedRows } = await rotatePayeeKey(payeeSecret(), newSecret);
    console.log(`Re-encrypted ${rows} set${rows === 1 ? "" : "s"} of bank details with the new key (${erasedRows} erased left as they were).`);
    console.log("Now start Pitchday with BANK_DETAILS_KEY set to the new key, and keep the old one until you have checked a payee page opens.");
    console.log(describeDatabase(database));
    return 0;
  } catch (error) {
    console.error(`Could not rotate the bank details key: ${(error as Error).message}`);
    return 2;
  } finally {
    await closeDatabase().catch(() => undefined);
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
