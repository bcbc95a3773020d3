import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { closeDatabase, db, openDatabase } from "~/db.server";
import { approvePayment, requestPayment } from "~/coordinators/payments/payments.server";
import { closeLiveBus } from "~/db/live/bus.server";
import { stripeClient } from "~/services/payments/stripe.server";
import { makeAcceptedAward, makeFunder, onboardRecipient, startStripeHarness, type StripeHarness } from "~/testing/payments-fixtures";
import { pgliteTemplateFile, templateDatabaseName, withDatabase } from "~/testing/template";
import { dropTestDatabase } from "~/testing/admin-database";

// `npm run payments:reconcile` run as its own process against a database on disk (a PGlite
// folder, or a PostgreSQL database when DATABASE_URL is set) and the Stripe fake.
// why not useTestDatabase(): that database lives in this process's memory; the script needs
// one it can open itself (and PGlite lets only one process open a folder at a time).

const root = path.resolve(__dirname, "..");
const serverUrl = process.env.DATABASE_URL;

let stripe: StripeHarness;
let scratch: { env: Record<string, string>; open(): Promise<void>; drop(): Promise<void> };

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (serverUrl) {
    const name = `pitchday_reconcile_${randomBytes(5).toString("hex")}`;
    await admin(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
    const url = withDatabase(serverUrl, name);
    scratch = {
      env: { DATABASE_URL: url },
      open: async () => void (await openDatabase({ url, migrate: false })),
      drop: () => dropTestDatabase(serverUrl!, name),
    };
  } else {
    const folder = mkdtempSync(path.join(tmpdir(), "pitchday-reconcile-"));
    const dir = path.join(folder, "db");
    const copy = new PGlite(dir, { loadDataDir: new Blob([readFileSync(pgliteTemplateFile())]) });
    await copy.waitReady;
    await copy.close();
    scratch = {
      env: { PGLITE_DIR: dir, DATABASE_URL: "" },
      open: async () => void (await openDatabase({ pgliteDir: dir, migrate: false })),
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  await scratch.open();
  stripe = await startStripeHarness();
});

afterAll(async () => {
  await stripe.stop();
  await closeLiveBus();
  await closeDatabase();
  await scratch.drop();
});

// why not spawnSync: the Stripe fake answers from this process, so its event loop must run.
function runReconcile(extraEnv: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/payments-reconcile.ts"], {
      cwd: root,
      env: {
        ...process.env,
        STRIPE_SECRET_KEY: stripe.fake.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.fake.webhookSecret,
        STRIPE_API_BASE: stripe.fake.url,
        ...scratch.env,
        ...extraEnv,
      },
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** The database is closed while the script runs (PGlite allows one process per folder). */
async function reconcileWithDatabaseClosed(extraEnv: Record<string, string> = {}) {
  await stripe.fake.webhooksSettled();
  await closeDatabase();
  try {
    return await runReconcile(extraEnv);
  } finally {
    await scratch.open();
  }
}

async function paidThroughStripe() {
  const A = await makeFunder();
  const B = await makeFunder();
  const award = await makeAcceptedAward({ decider: A });
  const accountId = await onboardRecipient(stripe.fake, award.bid.id);
  const asked = await requestPayment(award.awardId, { method: "STRIPE" }, A);
  if (!asked.ok) throw new Error(asked.message);
  const paid = await approvePayment(award.awardId, asked.payment.id, B);
  if (!paid.ok || paid.payment.status !== "PAID") throw new Error("not paid");
  await stripe.fake.webhooksSettled();
  return { ...award, accountId, paymentId: asked.payment.id, providerId: paid.payment.providerId!, decider: A };
}

describe("npm run payments:reconcile", () => {
  it("exits 0 when every Stripe payment has its transfer and Stripe has nothing else", async () => {
    await paidThroughStripe();
    await paidThroughStripe();
    const { code, out } = await reconcileWithDatabaseClosed();
    expect(out).toContain("Payments reconciled: 2 Stripe payments in Pitchday, 2 transfers in Stripe, all match.");
    expect(code).toBe(0);
  }, 60_000);

  it("lists every missing, extra and mismatched transfer across all pages of Stripe's list, and exits 1", async () => {
    const [first, second] = await db().payment.findMany({ where: { method: "STRIPE" }, orderBy: { createdAt: "asc" }, include: { award: { include: { bid: true } } } });
    // Mismatched amount: our record says £900 for a £1,000 transfer.
    await db().payment.update({ where: { id: second.id }, data: { amountPence: 90_000 } });
    // Missing: a payment marked paid by a transfer Stripe never made.
    const third = await paidThroughStripe();
    const gone = await db().payment.create({
      data: {
        awardId: (await makeAcceptedAward({ decider: third.decider })).awardId,
        method: "STRIPE",
        amountPence: 100_000,
        status: "PAID",
        idempotencyKey: `award-gone-payment-1`,
        providerId: "tr_never_made_000000000",
        requestedById: third.decider.id,
      },
    });
    // Extra: 100 transfers made in the Stripe dashboard, newer than ours, so ours sit on page 2.
    for (let i = 0; i < 100; i++) {
      await stripeClient().transfers.create({ amount: 1_000 + i, currency: "gbp", destination: third.accountId });
    }
    const { code, out } = await reconcileWithDatabaseClosed();
    expect(code).toBe(1);
    expect(out).toContain(`MISMATCH payment ${second.id} (${second.award.bid.reference}) and transfer ${second.providerId}: amount: ours £900, Stripe £1,000`);
    expect(out).toContain(`MISSING  payment ${gone.id}`);
    expect(out).toContain("is PAID as tr_never_made_000000000, but Stripe has no such transfer");
    expect(out.match(/^EXTRA {4}transfer tr_\w+ of £1\d(\.\d\d)? to acct_\w+ matches no payment in Pitchday$/gm)).toHaveLength(100);
    expect(out).not.toContain(`payment ${first.id}`);
    expect(out).toContain("Payments DO NOT reconcile: 102 differences (4 Stripe payments in Pitchday, 103 transfers in Stripe).");
  }, 120_000);

  it("exits 2 when Stripe is not configured", async () => {
    const { code, out } = await reconcileWithDatabaseClosed({ STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "" });
    expect(out).toContain("Could not reconcile payments: Stripe is not configured");
    expect(code).toBe(2);
  }, 60_000);
});
