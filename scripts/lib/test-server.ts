import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "../../app/db.server";
import { adminQuery, dropTestDatabase } from "../../app/testing/admin-database";
import { pgliteTemplateFile, templateDatabaseName, withDatabase } from "../../app/testing/template";
import { buildProblem, ROOT, type Env } from "../bench/processes";

// For Jest tests that run the built app as a real server process on a database of their own:
// build it when the build is missing or older than the code, and copy the run's migrated
// template into a fresh database (PGlite folder, or a PostgreSQL database with DATABASE_URL),
// opened in this process too, so the test can write its fixtures before the server starts.
//
// Interface:
//   ensureBuilt()              runs `remix build` (production) when needed; throws on failure
//   openTestDatabaseCopy(label) -> { env (for the server), drop() }; close it in-process before serving on PGlite

export function ensureBuilt() {
  // why: the suite runs Jest before `remix build`; test this code, not a missing or older build.
  if (!buildProblem()) return;
  // why: Jest sets NODE_ENV=test, which would make remix build a development bundle.
  const { NODE_OPTIONS: _vm, ...parent } = process.env;
  const built = spawnSync(path.join(ROOT, "node_modules/.bin/remix"), ["build"], {
    cwd: ROOT,
    env: { ...parent, NODE_ENV: "production" },
    encoding: "utf8",
    timeout: 170_000,
  });
  if (built.status !== 0) throw new Error(`npx remix build failed:\n${built.stdout}\n${built.stderr}`);
}

export async function openTestDatabaseCopy(label: string): Promise<{ env: Env; drop: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `pitchday_test_${label}_${randomBytes(6).toString("hex")}`;
    await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
    const env = { DATABASE_URL: withDatabase(url, name) };
    await openDatabase({ url: env.DATABASE_URL, migrate: false });
    return { env, drop: () => dropTestDatabase(url, name) };
  }
  const folder = mkdtempSync(path.join(tmpdir(), `pitchday-${label}-`));
  const env = { PGLITE_DIR: path.join(folder, "db"), DATABASE_URL: "" };
  // why: a folder from the run's migrated template; the server opens it once we have closed it.
  const copy = new PGlite(env.PGLITE_DIR, { loadDataDir: new Blob([readFileSync(pgliteTemplateFile())]) });
  await copy.waitReady;
  await copy.close();
  await openDatabase({ pgliteDir: env.PGLITE_DIR, migrate: false });
  return { env, drop: async () => rmSync(folder, { recursive: true, force: true }) };
}
