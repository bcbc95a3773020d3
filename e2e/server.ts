// Starts the built app for end-to-end tests on a brand-new database with the demo data:
// a fresh PGlite folder, or (with DATABASE_URL) a freshly created PostgreSQL database.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

async function main() {
  const env = { ...process.env };
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `pitchday_e2e_${process.env.PORT ?? "3210"}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
  } else {
    env.PGLITE_DIR = path.join(mkdtempSync(path.join(tmpdir(), "pitchday-e2e-")), "db");
  }
  const root = path.resolve(__dirname, "..");
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const seeded = spawnSync(tsx, ["prisma/seed.ts", "--if-empty"], { cwd: root, env, stdio: "inherit" });
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);
  const server = spawn(tsx, ["scripts/serve.ts"], { cwd: root, env, stdio: "inherit" });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
