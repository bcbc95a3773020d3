import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { closeDatabase, database, db, openDatabase } from "~/db.server";
import { appendAudit } from "~/models/audit.server";
import { pgliteTemplateFile, templateDatabaseName, withDatabase } from "~/testing/template";
import { summarise } from "./verify-audit";

// `npm run audit:verify` run as a separate process against a real database on disk (a PGlite
// folder, or a PostgreSQL database when DATABASE_URL is set), before and after tampering.
// why not useTestDatabase(): that database lives in this process's memory; the script needs
// one it can open itself.

const root = path.resolve(__dirname, "..");
const serverUrl = process.env.DATABASE_URL;

interface Scratch {
  env: Record<string, string>;
  open(): Promise<void>;
  drop(): Promise<void>;
}

async function scratchDatabase(): Promise<Scratch> {
  if (serverUrl) {
    const name = `pitchday_verify_${randomBytes(5).toString("hex")}`;
    await admin(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
    const url = withDatabase(serverUrl, name);
    return {
      env: { DATABASE_URL: url },
      open: async () => void (await openDatabase({ url, migrate: false })),
      drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const folder = mkdtempSync(path.join(tmpdir(), "pitchday-verify-"));
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

function runVerify(env: Record<string, string>) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/verify-audit.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** A database holding a chain of `count` entries; `tamper` then runs SQL on it before the script looks. */
async function chainThen(count: number, tamper?: string) {
  const scratch = await scratchDatabase();
  try {
    await scratch.open();
    for (let i = 1; i <= count; i++) {
      await db().$transaction((tx) =>
        appendAudit(tx, {
          actor: { type: "system" },
          action: "bid.withdrawn",
          subject: { type: "bid", id: `bid-${i}` },
          payload: { reference: `PD-2026-${String(i).padStart(4, "0")}` },
        }),
      );
    }
    const head = await db().auditEntry.findFirst({ orderBy: { seq: "desc" } });
    if (tamper) await database().sql.exec(tamper);
    await closeDatabase();
    return { ...runVerify(scratch.env), head };
  } finally {
    await closeDatabase();
    await scratch.drop();
  }
}

describe("npm run audit:verify", () => {
  it("reports an intact chain with its length and head, and exits 0", async () => {
    const { code, out, head } = await chainThen(8);
    expect(out).toContain(`Audit chain OK: 8 entries, head #8 ${head!.hash.slice(0, 16)}…`);
    expect(code).toBe(0);
  });

  it("names the entry whose payload was changed, and exits 1", async () => {
    const { code, out } = await chainThen(8, `UPDATE "AuditEntry" SET payload = '{"reference":"PD-2026-HACK"}' WHERE seq = 5`);
    expect(out).toContain("Audit chain BROKEN at entry #5: its content does not match its hash");
    expect(code).toBe(1);
  });

  it("names the entry after a deleted row, and exits 1", async () => {
    const { code, out } = await chainThen(8, `DELETE FROM "AuditEntry" WHERE seq = 4`);
    expect(out).toContain("Audit chain BROKEN at entry #5: expected entry 4 here but found 5");
    expect(code).toBe(1);
  });

  it("names the first of two swapped rows, and exits 1", async () => {
    const swap = `
      UPDATE "AuditEntry" SET seq = -3 WHERE seq = 3;
      UPDATE "AuditEntry" SET seq = 3 WHERE seq = 4;
      UPDATE "AuditEntry" SET seq = 4 WHERE seq = -3;`;
    const { code, out } = await chainThen(8, swap);
    expect(out).toContain("Audit chain BROKEN at entry #3: its previous-hash does not match the entry before it");
    expect(code).toBe(1);
  });

  it("names an entry whose stored hash was overwritten", async () => {
    const { code, out } = await chainThen(6, `UPDATE "AuditEntry" SET hash = repeat('a', 64) WHERE seq = 2`);
    expect(out).toMatch(/Audit chain BROKEN at entry #2: /);
    expect(code).toBe(1);
  });

  it("exits 2 when there is no database to check", () => {
    const missing: Record<string, string> = serverUrl
      ? { DATABASE_URL: withDatabase(serverUrl, "pitchday_no_such_database") }
      : { DATABASE_URL: "", PGLITE_DIR: path.join(tmpdir(), `pitchday-missing-${randomBytes(4).toString("hex")}`) };
    const { code, out } = runVerify(missing);
    expect(out).toContain("Could not verify the audit chain");
    expect(code).toBe(2);
  });
});

describe("summarise", () => {
  it("says an empty log is fine", () => {
    expect(summarise({ ok: true, count: 0, head: null })).toEqual({ line: "Audit chain OK: 0 entries (the log is empty)", code: 0 });
    expect(summarise({ ok: true, count: 1, head: { seq: 1, hash: "ab".repeat(32) } }).line).toBe(
      `Audit chain OK: 1 entry, head #1 ${"ab".repeat(8)}…`,
    );
  });
});
