import pg from "pg";
import { useTestDatabase } from "~/testing/database";
import { makeLiveEvent } from "~/testing/live-fixtures";

// Prisma sends some queries of one transaction at once on its client; pg 9 will refuse a
// query() while another runs on the same client. Through the app's pool they must queue, in order.

const db = useTestDatabase();

/** Counts, for each query pg is asked to run, how many were already running on that client. */
function watchOverlaps() {
  const running = new Map<pg.Client, number>();
  let worst = 0;
  const original = pg.Client.prototype.query;
  const spy = jest.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const now = running.get(this) ?? 0;
    worst = Math.max(worst, now);
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) {
      running.set(this, now + 1);
      const done = () => running.set(this, (running.get(this) ?? 1) - 1);
      result.then(done, done);
    }
    return result as never;
  });
  return { worst: () => worst, stop: () => spy.mockRestore() };
}

test("queries Prisma sends together inside one transaction reach pg one at a time, and all answer", async () => {
  await makeLiveEvent({ bids: 3, panellists: 2 });
  const overlaps = watchOverlaps();
  try {
    // why relations: Prisma loads a record's relations with queries sent at the same time.
    const events = await db().$transaction((tx) =>
      tx.event.findMany({ include: { slots: { include: { scoreSheets: true } }, panellists: true, tickets: true, decisions: true } }),
    );
    expect(events).toHaveLength(1);
    const answers = await db().$transaction(async (tx) =>
      Promise.all([
        tx.$queryRaw<{ n: number }[]>`SELECT 1::int AS n, pg_sleep(0.02)::text AS slept`,
        tx.$queryRaw<{ n: number }[]>`SELECT 2::int AS n`,
        tx.$queryRaw<{ n: number }[]>`SELECT 3::int AS n`,
      ]),
    );
    expect(answers.map((rows) => rows[0].n)).toEqual([1, 2, 3]);
  } finally {
    overlaps.stop();
  }
  expect(overlaps.worst()).toBe(0);
});

test("a failed query does not stop the ones queued behind it", async () => {
  const [failed, next] = await Promise.allSettled([
    db().$queryRaw`SELECT 1/0`,
    db().$queryRaw<{ n: number }[]>`SELECT 4::int AS n`,
  ]);
  expect(failed.status).toBe("rejected");
  expect(next).toEqual({ status: "fulfilled", value: [{ n: 4 }] });
});
