import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { migrate, type SqlRunner } from "~/db/migrate.server";
import { env } from "~/utils/env.server";

// One Prisma client per process, on PGlite (embedded, the default) or a PostgreSQL server
// (DATABASE_URL). Same schema, same migrations, same queries on both.

export type Engine = "pglite" | "postgresql";

export interface Database {
  engine: Engine;
  prisma: PrismaClient;
  sql: SqlRunner;
  /** Where the data lives, for people: a folder or a server without its password. */
  location: string;
  /** Opens the server connections the app will use now, not on the first busy moment (servers only). */
  warm(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  pgliteDir?: string;
  /** A dumped, already-migrated PGlite data folder (tests start from one). */
  pgliteTemplate?: Blob;
  migrate?: boolean;
}

type Holder = { db?: Database; opening?: Promise<Database> };
const globalHolder = globalThis as unknown as { __pitchdayDb?: Holder };
// why: Remix dev reloads the server bundle; the database must stay one instance.
const holder: Holder = (globalHolder.__pitchdayDb ??= {});

export function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (holder.db) return Promise.resolve(holder.db);
  holder.opening ??= connect(options)
    .then((db) => (holder.db = db))
    .finally(() => (holder.opening = undefined));
  return holder.opening;
}

export function db(): PrismaClient {
  return database().prisma;
}

export function database(): Database {
  if (!holder.db) throw new Error("The database is not open yet: call openDatabase() at start-up.");
  return holder.db;
}

export async function closeDatabase() {
  const current = holder.db ?? (await holder.opening);
  holder.db = undefined;
  await current?.close();
}

async function connect(options: OpenOptions): Promise<Database> {
  const url = options.url ?? (options.pgliteDir || options.pgliteTemplate ? undefined : env().DATABASE_URL);
  return url ? connectPostgres(url, options) : connectPglite(options);
}

const POOL_SIZE = 10;

async function connectPostgres(url: string, options: OpenOptions): Promise<Database> {
  // why: between pitches a hall is quiet for minutes; then every panellist submits at once. A
  // new connection costs tens of milliseconds (password hashing on both ends), so idle ones are
  // kept for a while rather than the default ten seconds.
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, idleTimeoutMillis: 10 * 60_000 });
  pool.on("error", (error) => console.error("PostgreSQL pool error:", error.message));
  if (options.migrate !== false) {
    // why: BEGIN/COMMIT and the advisory lock in the runner need one session, not a pool.
    const client = await pool.connect();
    try {
      await migrate(runnerFor(client));
    } finally {
      client.release();
    }
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const where = new URL(url);
  return {
    engine: "postgresql",
    prisma,
    sql: runnerFor(pool),
    location: `${where.hostname}:${where.port || 5432}${where.pathname}`,
    async warm() {
      // why: when a pitch ends every panellist submits at once; a connection opened then costs
      // each of them tens of milliseconds of password hashing, so the server opens them at start.
      const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()));
      for (const client of clients) client.release();
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

function runnerFor(client: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async exec(text) {
      await client.query(text);
    },
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows;
    },
  };
}

async function connectPglite(options: OpenOptions): Promise<Database> {
  let client: PGlite;
  let location: string;
  if (options.pgliteTemplate) {
    client = new PGlite({ loadDataDir: options.pgliteTemplate });
    location = "memory (test copy)";
  } else {
    const dir = path.resolve(options.pgliteDir ?? env().PGLITE_DIR);
    mkdirSync(path.dirname(dir), { recursive: true });
    client = new PGlite(dir);
    location = dir;
  }
  await client.waitReady;
  const sql: SqlRunner = {
    async exec(text) {
      await client.exec(text);
    },
    async query(text, params) {
      return (await client.query(text, params as unknown[])).rows as never[];
    },
  };
  if (options.migrate !== false) await migrate(sql);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  return {
    engine: "pglite",
    prisma,
    sql,
    location,
    warm: async () => undefined,
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
}
