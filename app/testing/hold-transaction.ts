import { db } from "~/db.server";
import type { Tx } from "~/models/audit.server";

/**
 * Runs `race` while another transaction, opened by `hold`, stays open; commits it only once
 * `waiting` statements are queued behind its locks (PostgreSQL), so the racers really meet
 * what it holds. PostgreSQL only: PGlite has one connection, and `race` would wait for the holder.
 */
export async function whileTransactionHolds<T>(hold: (tx: Tx) => Promise<unknown>, waiting: number, race: () => Promise<T>): Promise<T> {
  let letGo!: () => void;
  const released = new Promise<void>((resolve) => (letGo = resolve));
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const holder = db().$transaction(
    async (tx) => {
      await hold(tx);
      holding();
      await released;
    },
    { timeout: 30_000 },
  );
  await held;
  const racing = race();
  racing.catch(() => letGo());
  await untilQueuedBehindLocks(waiting);
  letGo();
  await holder;
  return racing;
}

/** Resolves once `waiting` statements of this database wait for a lock (PostgreSQL only). */
export async function untilQueuedBehindLocks(waiting: number) {
  for (;;) {
    const [{ queued }] = await db().$queryRaw<{ queued: number }[]>`
      SELECT count(*)::int AS queued FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (queued >= waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
