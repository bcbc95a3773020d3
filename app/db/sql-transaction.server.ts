import pg from "pg";
import { Prisma } from "~/generated/prisma/client";

// A transaction of hand-written statements on one connection of the app's pool, for the two
// writes a hall makes a hundred times a second (a score batch and an audience ballot).
//
// why not Prisma's interactive transaction: measured on PostgreSQL, BEGIN, three raw statements
// and COMMIT cost the app 1.5-1.8 ms of CPU through it and 0.6 ms through pg directly, on a
// 2-core laptop that also runs the database. The statements are the same Prisma.sql templates,
// prepared once per connection by SerialClient like Prisma's own.
//
// Interface:
//   runSqlTransaction(pool, work) -> work's result, committed; rolled back if work throws
//   tx.query<Row>`SELECT ...` or tx.query<Row>(Prisma.sql`...`) -> Row[]
//   isPgUniqueViolation(error)    -> a unique constraint refused the write

export interface SqlTx {
  query<Row>(statement: Prisma.Sql): Promise<Row[]>;
  query<Row>(strings: TemplateStringsArray, ...values: unknown[]): Promise<Row[]>;
}

// why the timeout: a statement waiting on a lock must not hold the connection (and the phones
// queued behind it) for ever; the same limit as Prisma's transactions in the hall (LIVE_TX).
const BEGIN = "BEGIN; SET LOCAL statement_timeout = 30000";

export async function runSqlTransaction<T>(pool: pg.Pool, work: (tx: SqlTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(BEGIN);
    const result = await work(onClient(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw error;
  } finally {
    // why: a connection that could not roll back is closed, not handed to the next request.
    client.release(broken);
  }
}

function onClient(client: pg.PoolClient): SqlTx {
  return {
    async query<Row>(first: Prisma.Sql | TemplateStringsArray, ...values: unknown[]) {
      const statement = first instanceof Prisma.Sql ? first : Prisma.sql(first, ...values);
      const result = await client.query({ text: statement.text, values: statement.values.map(param), types: PRISMA_LIKE_TYPES });
      return result.rows as Row[];
    },
  };
}

// why: Prisma stores DateTime as UTC in `timestamp` columns (no zone). pg would send a Date in
// the process's zone and read a timestamp back as local time; both would shift every time on a
// laptop set to Europe/London in summer.
function param(value: unknown) {
  return value instanceof Date ? value.toISOString() : value;
}

const TIMESTAMP = 1114;
const INT8 = 20;
const PRISMA_LIKE_TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    // why: as Prisma's $queryRaw, a bigint (count(*), sums) comes back as a BigInt, never rounded.
    if (oid === INT8) return (text: string) => BigInt(text);
    return pg.types.getTypeParser(oid, format);
  },
};

export function isPgUniqueViolation(error: unknown) {
  return error instanceof pg.DatabaseError && error.code === "23505";
}
