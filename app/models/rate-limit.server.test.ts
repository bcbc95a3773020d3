import pg from "pg";
import { useTestDatabase } from "~/testing/database";
import { database, db } from "~/db.server";
import { hit, isLimited, pruneRateLimits, reset } from "~/models/rate-limit.server";

useTestDatabase();

const limit = (key: string) => ({ key, max: 3, windowSeconds: 900 });
const at = (iso: string) => new Date(iso);

describe("rate limits in the database", () => {
  it("allows up to the maximum in a window, then refuses, saying when the window ends", async () => {
    const now = at("2027-03-01T10:05:00Z"); // window 10:00 to 10:15
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await hit(limit("a"), now));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]).toMatchObject({ count: 4, retryAfterSeconds: 600 });
    expect(await isLimited(limit("a"), now)).toBe(true);
  });

  it("starts afresh in the next window", async () => {
    for (let i = 0; i < 3; i += 1) await hit(limit("b"), at("2027-03-01T10:14:59Z"));
    expect(await isLimited(limit("b"), at("2027-03-01T10:14:59Z"))).toBe(true);
    expect(await isLimited(limit("b"), at("2027-03-01T10:15:00Z"))).toBe(false);
    expect((await hit(limit("b"), at("2027-03-01T10:15:00Z"))).allowed).toBe(true);
  });

  it("keeps separate counts for separate keys", async () => {
    const now = at("2027-03-01T11:00:00Z");
    for (let i = 0; i < 3; i += 1) await hit(limit("c1"), now);
    expect(await isLimited(limit("c1"), now)).toBe(true);
    expect(await isLimited(limit("c2"), now)).toBe(false);
  });

  it("counts every one of many simultaneous attempts exactly once", async () => {
    const now = at("2027-03-01T12:00:00Z");
    const results = await Promise.all(Array.from({ length: 25 }, () => hit(limit("d"), now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
    expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it("keeps the count in the database, where every app instance sees it", async () => {
    const now = at("2027-03-01T13:00:00Z");
    await hit(limit("e"), now);
    await hit(limit("e"), now);
    // A second, independent connection stands in for another app instance.
    const rows = await readThroughAnotherConnection(`SELECT count FROM "RateLimit" WHERE key = 'e'`);
    expect(rows).toEqual([{ count: 2 }]);
    // And a count written by "another instance" limits this one.
    await database().sql.exec(`UPDATE "RateLimit" SET count = 3 WHERE key = 'e'`);
    expect(await isLimited(limit("e"), now)).toBe(true);
  });

  it("forgets a key on reset and prunes old windows", async () => {
    await hit(limit("f"), at("2027-03-01T14:00:00Z"));
    await reset("f");
    expect(await db().rateLimit.count({ where: { key: "f" } })).toBe(0);
    await hit(limit("g"), at("2027-03-01T00:00:00Z"));
    await hit(limit("g"), at("2027-03-02T12:00:00Z"));
    await pruneRateLimits(at("2027-03-02T12:00:00Z"));
    expect((await db().rateLimit.findMany({ where: { key: "g" } })).map((r) => r.windowStart.toISOString())).toEqual([
      "2027-03-02T12:00:00.000Z",
    ]);
  });
});

async function readThroughAnotherConnection(sql: string) {
  if (database().engine === "pglite") {
    // why: PGlite is one embedded connection by design; the query still goes to the stored table.
    return database().sql.query(sql);
  }
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = new URL(`postgres://${database().location}`).pathname; // this test file's own database
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
