import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Asks Prisma's schema engine for the SQL that takes the migrations folder to schema.prisma.
// why: Prisma 7's CLI needs a native engine it cannot download here; Prisma 6's CLI (installed
// as `prisma6`) carries a WASM engine that works through a PGlite driver adapter.

const root = path.resolve(__dirname, "../..");

export interface DiffResult {
  changed: boolean;
  sql: string;
}

export function diffMigrationsAgainstSchema(
  migrationsDir = path.join(root, "prisma/migrations"),
  schemaFile = path.join(root, "prisma/schema.prisma"),
): DiffResult {
  const work = mkdtempSync(path.join(tmpdir(), "pitchday-diff-"));
  try {
    // Prisma 6 wants a datasource url; Prisma 7 forbids one. The copy gets a dummy.
    const schema = readFileSync(schemaFile, "utf8").replace(
      /datasource db \{([^}]*)\}/,
      (_, body) => `datasource db {${body}  url = "postgresql://unused"\n}`,
    );
    const schemaCopy = path.join(work, "schema.prisma");
    writeFileSync(schemaCopy, schema);
    const config = path.join(work, "prisma.config.ts");
    writeFileSync(config, configSource(migrationsDir, schemaCopy));
    const result = spawnSync(
      process.execPath,
      [
        path.join(root, "node_modules/prisma6/build/index.js"),
        "migrate",
        "diff",
        "--config",
        config,
        "--from-migrations",
        migrationsDir,
        "--to-schema-datamodel",
        schemaCopy,
        "--script",
        "--exit-code",
      ],
      {
        cwd: root,
        encoding: "utf8",
        env: {
          ...process.env,
          // why: any existing file stops the CLI from trying to download native engines.
          PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
          PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
        timeout: 120_000,
      },
    );
    const sql = (result.stdout ?? "").replace(/^Loaded Prisma config.*\n/m, "").trim();
    // why: the CLI sometimes exits 99 after printing its complete answer (PGlite left open).
    const finished = result.status === 0 || result.status === 2 || result.status === 99;
    if (finished && (sql === "" || sql.includes("This is an empty migration"))) {
      return { changed: false, sql: "" };
    }
    if (finished && /^(CREATE|ALTER|DROP|--)/m.test(sql)) return { changed: true, sql: sql + "\n" };
    throw new Error(`prisma migrate diff failed (exit ${result.status}):\n${result.stderr}\n${sql}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function configSource(migrationsDir: string, schemaFile: string) {
  const from = (p: string) => JSON.stringify(path.join(root, "node_modules", p));
  return `
const { PGlite } = require(${from("@electric-sql/pglite")});
const { PrismaPGlite } = require(${from("pglite-prisma-adapter")});
// why: the adapter runs migration scripts as one prepared statement, which PostgreSQL refuses
// for several statements; exec() runs them as a script.
function scriptable(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (q) => {
    if (q.args.length === 0) { await adapter.client.exec(q.sql); return 0; }
    return executeRaw(q);
  };
  adapter.executeScript = async (script) => { await adapter.client.exec(script); };
  return adapter;
}
let db;
module.exports = {
  experimental: { adapter: true },
  engine: "js",
  schema: ${JSON.stringify(schemaFile)},
  migrations: { path: ${JSON.stringify(migrationsDir)} },
  async adapter() {
    db ??= new PGlite();
    const factory = new PrismaPGlite(db);
    const connect = factory.connect.bind(factory);
    const shadow = factory.connectToShadowDb.bind(factory);
    factory.connect = async () => scriptable(await connect());
    factory.connectToShadowDb = async () => scriptable(await shadow());
    return factory;
  },
};
`;
}
