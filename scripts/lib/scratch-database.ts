import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { closeDatabase, openDatabase } from "~/db.server";
import { pgliteTemplateFile, templateDatabaseName, withDatabase } from "~/testing/template";
import { dropTestDatabase } from "~/testing/admin-database";

// For tests of the command-line scripts: a migrated database on disk (a PGlite folder, or a
// PostgreSQL database when DATABASE_URL is set) that the test fills in this process and the
// script then opens in its own. why not useTestDatabase(): that database lives in the test's
// memory, where another process cannot reach it.

const root = path.resolve(__dirname, "../..");
export const serverUrl = process.env.DATABASE_URL;

interface Scratch {
  env: Record<string, string>;
  open(): Promise<void>;
  drop(): Promise<void>;
}

async function scratchDatabase(): Promise<Scratch> {
  if (serverUrl) {
    const name = `pitchday_script_${randomBytes(5).toString("hex")}`;
    await admin(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
    const url = withDatabase(serverUrl, name);
    return {
      env: { DATABASE_URL: url },
      open: async () => void (await openDatabase({ url, migrate: false })),
      drop: () => dropTestDatabase(serverUrl!, name),
    };
  }
  const folder = mkdtempSync(path.join(tmpdir(), "pitchday-script-"));
  const dir = path.join(folder, "db");
  const copy = new PGlite(dir, { loadDataDir: new Blob([readFileSync(pgliteTemplateFile())]) });
  await copy.waitReady;
  await copy.close();
  return {
    env: { PGLITE_DIR: dir, DATABASE_URL: "" },
    open: async () => void (await openDatabase({ pgliteDir: dir, migrate: false })),
    drop: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A scratch database prepared by `setup` in this process, then closed for the scripts `check` runs. */
export async function withScratch<T>(setup: () => Promise<T>, check: (env: Record<string, string>, prepared: T) => void | Promise<void>) {
  const scratch = await scratchDatabase();
  try {
    await scratch.open();
    const prepared = await setup();
    await closeDatabase();
    await check(scratch.env, prepared);
  } finally {
    await closeDatabase();
    await scratch.drop();
  }
}

/** Runs a script with tsx as `npm run` would, and returns its exit code and all it printed. */
export function runScript(script: string, env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), [script, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}
