// Usage: npm run payments:reconcile
// Compares Pitchday's Stripe payments (in the database the app uses: PGLITE_DIR or
// DATABASE_URL) with every transfer on the Stripe account (STRIPE_SECRET_KEY, and
// STRIPE_API_BASE for another host) and lists each missing, extra or mismatched one.
// Exit codes: 0 everything matches, 1 differences were found, 2 it could not be checked.
import { existsSync } from "node:fs";
import path from "node:path";
import { closeDatabase, openDatabase } from "~/db.server";
import { reconcilePayments } from "~/coordinators/payments/reconcile.server";
import { paymentsConfigured } from "~/services/payments/stripe.server";
import { env } from "~/utils/env.server";

export async function main(log: (line: string) => void = console.log, fail: (line: string) => void = console.error): Promise<number> {
  const settings = env();
  if (!paymentsConfigured()) {
    fail("Could not reconcile payments: Stripe is not configured (set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET).");
    return 2;
  }
  if (!settings.DATABASE_URL && !existsSync(path.resolve(settings.PGLITE_DIR))) {
    // why: opening a missing PGlite folder would quietly create an empty database.
    fail(`Could not reconcile payments: there is no database in ${path.resolve(settings.PGLITE_DIR)}.`);
    return 2;
  }
  try {
    // why: checking must not change anything, so pending migrations are not applied here.
    await openDatabase({ migrate: false });
    const result = await reconcilePayments();
    for (const line of result.lines) fail(line);
    const summary = `${result.payments} Stripe payment${result.payments === 1 ? "" : "s"} in Pitchday, ${result.transfers} transfer${result.transfers === 1 ? "" : "s"} in Stripe`;
    if (result.discrepancies.length === 0) {
      log(`Payments reconciled: ${summary}, all match.`);
      return 0;
    }
    fail(`Payments DO NOT reconcile: ${result.discrepancies.length} difference${result.discrepancies.length === 1 ? "" : "s"} (${summary}).`);
    return 1;
  } catch (error) {
    fail(`Could not reconcile payments: ${(error as Error).message}`);
    return 2;
  } finally {
    await closeDatabase().catch(() => undefined);
  }
}

if (require.main === module) {
  main().then((code) => process.exit(code));
}
