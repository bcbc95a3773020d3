import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { migrate, type SqlRunner } from "~/db/migrate.server";
import { SerialClient } from "~/db/serial-client.server";
import { runSqlTransaction, type SqlTx } from "~/db/sql-transaction.server";
import { PGLITE_SOCKET_PORT, startPgliteWorker } from "~/db/pglite-worker.server";
import { env } from "~/utils/env.server";

// One Prisma client per process, on PGlite (embedded, the default) or a PostgreSQL server
// (DATABASE_URL). Same schema, same migrations, same queries and the same driver (pg) on both:
// PGlite runs in a worker thread behind a socket (db/pglite-worker.server.ts).

export type Engine = "pglite" | "postgresql";

export interface Database {
  engine: Engine;
  prisma: PrismaClient;
  sql: SqlRunner;
  /** A transaction of hand-written statements on one connection (db/sql-transaction.server.ts). */
  transaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T>;
  /** Where the data lives, for people: a folder or a server without its password. */
  location: string;
  /**
   * A connection string another process can reach this same database with: the server's, or on
   * PGlite this process's socket (tests run a second instance's work against it).
   */
  url: string;
  /** Opens the connections the app will use now, not at the first busy moment. */
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

/** The hall's hot writes: app/db/sql-transaction.server.ts says when to use this, not Prisma's. */
export function sqlTransaction<T>(work: (tx: SqlTx) => Promise<T>): Promise<T> {
  return database().transaction(work);
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
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, idleTimeoutMillis: 10 * 60_000, Client: SerialClient });
  const where = new URL(url);
  return onPool(pool, options, {
    engine: "postgresql",
    location: `${where.hostname}:${where.port || 5432}${where.pathname}`,
    url,
    async warm() {
      // why: when a pitch ends every panellist submits at once; a connection opened then costs
      // each of them tens of milliseconds of password hashing, so the server opens them at start.
      const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()));
      for (const client of clients) client.release();
    },
    close: async () => undefined,
  });
}

async function connectPglite(options: OpenOptions): Promise<Database> {
  let location = "memory (test copy)";
  let dir: string | undefined;
  if (!options.pgliteTemplate) {
    dir = path.resolve(options.pgliteDir ?? env().PGLITE_DIR);
    mkdirSync(path.dirname(dir), { recursive: true });
    location = dir;
  }
  const template = options.pgliteTemplate ? new Uint8Array(await options.pgliteTemplate.arrayBuffer()) : undefined;
  const worker = await startPgliteWorker({ dir, template });
  // why: PGlite is one session, so the app keeps one connection to it, kept open for good;
  // queries queue in the pool as they queued inside PGlite.
  const pool = new pg.Pool({
    host: worker.socketDir,
    port: PGLITE_SOCKET_PORT,
    user: "postgres",
    database: "postgres",
    max: 1,
    idleTimeoutMillis: 0,
    Client: SerialClient,
  });
  try {
    return await onPool(pool, options, {
      engine: "pglite",
      location,
      url: `postgres://postgres@localhost:${PGLITE_SOCKET_PORT}/postgres?host=${encodeURIComponent(worker.socketDir)}`,
      warm: async () => void (await pool.query("SELECT 1")),
      close: () => worker.stop(),
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    await worker.stop();
    throw error;
  }
}

interface PoolDetails {
  engine: Engine;
  location: string;
  url: string;
  warm(): Promise<void>;
  /** Runs after the pool has ended. */
  close(): Promise<void>;
}

async function onPool(pool: pg.Pool, options: OpenOptions, details: PoolDetails): Promise<Database> {
  pool.on("error", (error) => console.error(`Database connection error (${details.engine}):`, error.message));
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
  return {
    engine: details.engine,
    prisma,
    sql: runnerFor(pool),
    transaction: (work) => runSqlTransaction(pool, work),
    location: details.location,
    url: details.url,
    warm: details.warm,
    async close() {
      await prisma.$disconnect();
      await pool.end();
      await details.close();
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
