// Starts the built app for end-to-end tests on a brand-new database with the demo data:
// a fresh PGlite folder, or (with DATABASE_URL) a freshly created PostgreSQL database.
// With STRIPE_FAKE=on it also starts the local Stripe fake (app/testing/stripe-fake) on a free
// port, points the app at it and has it send its signed webhooks to the app. Specs find the
// fake where the app sends them: the onboarding page's address.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { dropTestDatabase } from "../app/testing/admin-database";
import { startStripeFake, type StripeFake } from "../app/testing/stripe-fake";

async function main() {
  const env = { ...process.env };
  // why: one project checks the app as started with no APP_URL at all, whatever the runner's environment holds.
  if (process.env.E2E_NO_APP_URL === "on") delete env.APP_URL;
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `pitchday_e2e_${process.env.PORT ?? "3210"}`;
    await dropTestDatabase(url, name);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
  } else {
    env.PGLITE_DIR = path.join(mkdtempSync(path.join(tmpdir(), "pitchday-e2e-")), "db");
  }
  let fake: StripeFake | null = null;
  if (process.env.STRIPE_FAKE === "on") {
    const port = process.env.PORT ?? "3210";
    // why: enough in the platform's balance for every award the demo pot can make.
    fake = await startStripeFake({ balance: 5_000_000, webhookUrl: `http://127.0.0.1:${port}/webhooks/stripe` });
    env.STRIPE_SECRET_KEY = fake.secretKey;
    env.STRIPE_WEBHOOK_SECRET = fake.webhookSecret;
    env.STRIPE_API_BASE = fake.url;
    console.log(`Stripe fake for the e2e app on ${fake.url}`);
  }
  const root = path.resolve(__dirname, "..");
  const tsx = path.join(root, "node_modules/.bin/tsx");
  // why not spawnSync: the Stripe fake runs in this process and must keep answering meanwhile.
  const seeded = await new Promise<number>((resolve) => {
    spawn(tsx, ["prisma/seed.ts", "--if-empty"], { cwd: root, env, stdio: "inherit" }).on("exit", (code) => resolve(code ?? 1));
  });
  if (seeded !== 0) process.exit(seeded);
  // why: a group's specs may need data the demo lacks, written through the models beforehand.
  // E2E_SEED names e2e/seed-<name>.ts.
  const seed = process.env.E2E_SEED ?? "";
  if (seed) {
    if (!/^[a-z-]+$/.test(seed)) throw new Error(`E2E_SEED must name an e2e/seed-<name>.ts file, not "${seed}".`);
    const extra = await new Promise<number>((resolve) => {
      spawn(tsx, [`e2e/seed-${seed}.ts`, process.env.PORT ?? "3210"], { cwd: root, env, stdio: "inherit" }).on("exit", (code) => resolve(code ?? 1));
    });
    if (extra !== 0) process.exit(extra);
  }
  const server = spawn(tsx, ["scripts/serve.ts"], { cwd: root, env, stdio: "inherit" });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => {
    void (fake ? fake.stop() : Promise.resolve()).finally(() => process.exit(code ?? 0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
