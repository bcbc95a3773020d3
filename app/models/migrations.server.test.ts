import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { migrate, readMigrations, type SqlRunner } from "~/db/migrate.server";
import { withDatabase } from "~/testing/template";
import { diffMigrationsAgainstSchema } from "../../scripts/lib/migration-diff";
import { dropTestDatabase } from "~/testing/admin-database";

// The migrations folder is the one history of the database: it must build exactly what
// schema.prisma describes, and the runner must keep Prisma's own bookkeeping so stock
// `prisma migrate deploy` agrees with it. Runs on an empty database of the engine under test.

const serverUrl = process.env.DATABASE_URL;

interface Empty {
  sql: SqlRunner;
  close(): Promise<void>;
}

async function emptyDatabase(): Promise<Empty> {
  if (serverUrl) {
    const name = `pitchday_migrations_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const client = new pg.Client({ connectionString: withDatabase(serverUrl, name) });
    await client.connect();
    return {
      sql: {
        exec: async (text) => void (await client.query(text)),
        query: async (text, params) => (await client.query(text, params as unknown[])).rows,
      },
      async close() {
        await client.end();
        await admin.end();
        await dropTestDatabase(serverUrl, name);
      },
    };
  }
  const db = new PGlite();
  await db.waitReady;
  return {
    sql: {
      exec: async (text) => void (await db.exec(text)),
      query: async (text, params) => (await db.query(text, params as unknown[])).rows as never[],
    },
    close: () => db.close(),
  };
}

let empty: Empty;
beforeAll(async () => {
  empty = await emptyDatabase();
});
afterAll(async () => {
  await empty.close();
});

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

describe("migrations", () => {
  it("agree with schema.prisma (no drift)", () => {
    const diff = diffMigrationsAgainstSchema();
    expect(diff.sql).toBe("");
    expect(diff.changed).toBe(false);
  }, 180_000);

  it("would notice a model added to schema.prisma without a migration", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pitchday-drift-"));
    try {
      const schema = path.join(dir, "schema.prisma");
      writeFileSync(schema, `${readFileSync(path.resolve("prisma/schema.prisma"), "utf8")}\nmodel DriftProbe {\n  id String @id\n}\n`);
      const diff = diffMigrationsAgainstSchema(undefined, schema);
      expect(diff.changed).toBe(true);
      expect(diff.sql).toContain('CREATE TABLE "DriftProbe"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("are recorded in _prisma_migrations with the sha256 of each file, as Prisma records them", async () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const applied = await migrate(empty.sql);
    expect(applied).toEqual(migrations.map((m) => m.name));
    const rows = await empty.sql.query<Row>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const row of rows) {
      const file = readFileSync(path.resolve("prisma/migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await empty.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('Fund', 'Round', 'Bid', 'AuditEntry')`,
    );
    expect(tables.map((t) => t.table_name).sort()).toEqual(["AuditEntry", "Bid", "Fund", "Round"]);
  });

  it("apply nothing the second time", async () => {
    expect(await migrate(empty.sql)).toEqual([]);
  });

  it("refuse to run when an applied migration file was changed afterwards", async () => {
    const [first, ...rest] = readMigrations();
    const edited = { ...first, sql: `${first.sql}\n-- edited later`, checksum: createHash("sha256").update(`${first.sql}\n-- edited later`).digest("hex") };
    await expect(migrate(empty.sql, [edited, ...rest])).rejects.toThrow(
      `Migration ${first.name} was changed after it was applied (checksum differs).`,
    );
  });

  it("apply a new migration once and record it, and roll back one that fails", async () => {
    const extra = {
      name: "99999999999999_test_extra",
      sql: `CREATE TABLE "MigrationProbe" ("id" INTEGER PRIMARY KEY);`,
      checksum: createHash("sha256").update(`CREATE TABLE "MigrationProbe" ("id" INTEGER PRIMARY KEY);`).digest("hex"),
    };
    expect(await migrate(empty.sql, [...readMigrations(), extra])).toEqual([extra.name]);
    const broken = { name: "99999999999999_test_broken", sql: `CREATE TABLE "Probe2" ("id" INTEGER); SELECT no_such_function();`, checksum: "x".repeat(64) };
    await expect(migrate(empty.sql, [...readMigrations(), extra, broken])).rejects.toThrow(/Migration 99999999999999_test_broken failed/);
    const recorded = await empty.sql.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE migration_name LIKE '99999999999999_%'`,
    );
    expect(recorded.map((r) => r.migration_name)).toEqual([extra.name]);
    const probe2 = await empty.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'Probe2'`);
    expect(probe2).toEqual([]);
  });
});
