import { spawnSync } from "node:child_process";
import { database, sqlTransaction } from "~/db.server";
import { isPgUniqueViolation } from "~/db/sql-transaction.server";
import { Prisma } from "~/generated/prisma/client";
import { useTestDatabase } from "~/testing/database";
import { makeLiveEvent } from "~/testing/live-fixtures";

// The hall's hot writes run through this instead of Prisma's interactive transactions: it must
// commit, roll back and read values back exactly as Prisma would, on both engines.

const db = useTestDatabase();

let eventId: string;
beforeEach(async () => {
  eventId = (await makeLiveEvent({ bids: 1, panellists: 1 })).event.id;
});

async function ticketCodes() {
  return (await db().audienceTicket.findMany({ where: { eventId }, select: { code: true } })).map((t) => t.code);
}

// why tickets: a small table with a unique column (code).
function insertTicket(code: string) {
  return Prisma.sql`INSERT INTO "AudienceTicket" (id, "eventId", code) VALUES (${`ticket-${code}-${Math.random()}`}, ${eventId}, ${code})`;
}

test("what the work writes is committed, and its result returned", async () => {
  const result = await sqlTransaction(async (tx) => {
    await tx.query(insertTicket("YSTRAD"));
    return tx.query<{ code: string }>`SELECT code FROM "AudienceTicket" WHERE "eventId" = ${eventId}`;
  });
  expect(result).toEqual([{ code: "YSTRAD" }]);
  expect(await ticketCodes()).toEqual(["YSTRAD"]);
});

test("when the work throws, nothing it wrote is kept, the error reaches the caller and the connection works on", async () => {
  const failure = sqlTransaction(async (tx) => {
    await tx.query(insertTicket("LLANID"));
    throw new Error("refused after writing");
  });
  await expect(failure).rejects.toThrow("refused after writing");
  expect(await ticketCodes()).toEqual([]);
  // On PGlite the pool has one connection: a transaction left open would hang this.
  await sqlTransaction((tx) => tx.query(insertTicket("MACHYN")));
  expect(await ticketCodes()).toEqual(["MACHYN"]);
});

test("a unique constraint's refusal is recognised and rolls the whole transaction back", async () => {
  await sqlTransaction((tx) => tx.query(insertTicket("TYWYN")));
  const failure = sqlTransaction(async (tx) => {
    await tx.query(insertTicket("ABERDY"));
    await tx.query(insertTicket("TYWYN"));
  });
  const error = await failure.catch((caught: unknown) => caught);
  expect(isPgUniqueViolation(error)).toBe(true);
  expect(isPgUniqueViolation(new Error("duplicate key"))).toBe(false);
  expect(await ticketCodes()).toEqual(["TYWYN"]);
});

// why a second process: Jest gives tests a copy of process.env, so setting TZ here would not
// move the clock's zone; a laptop in Wales in summer is an hour off UTC.
test("times go in and come back as the same instant on a laptop whose zone is not UTC (stored as Prisma stores them: UTC)", () => {
  const probe = `(async () => {
    const pg = require("pg");
    const { runSqlTransaction } = require("./app/db/sql-transaction.server.ts");
    const pool = new pg.Pool({ connectionString: process.env.PROBE_URL, max: 1 });
    const at = new Date("2026-07-01T18:30:00.123Z");
    const [row] = await runSqlTransaction(pool, (tx) => tx.query\`SELECT \${at}::timestamp(3) AS at, (\${at}::timestamp(3))::text AS text\`);
    await pool.end();
    console.log(JSON.stringify({ offset: at.getTimezoneOffset(), at: row.at.toISOString(), text: row.text }));
  })();`;
  const child = spawnSync(process.execPath, ["--import", "tsx", "-e", probe], {
    env: { ...process.env, NODE_OPTIONS: "", TZ: "Europe/London", PROBE_URL: database().url },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(child.stderr).toBe("");
  expect(JSON.parse(child.stdout)).toEqual({ offset: -60, at: "2026-07-01T18:30:00.123Z", text: "2026-07-01 18:30:00.123" });
});

test("numbers come back as Prisma's raw queries give them: int as number, bigint as BigInt, json parsed", async () => {
  const [row] = await sqlTransaction((tx) =>
    tx.query<{ small: number; big: bigint; doc: unknown }>`SELECT 7::int AS small, 9007199254740993::bigint AS big, ${JSON.stringify({ a: [1, "b"] })}::json AS doc`,
  );
  expect(row).toEqual({ small: 7, big: 9007199254740993n, doc: { a: [1, "b"] } });
});
