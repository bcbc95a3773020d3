import { useTestDatabase } from "~/testing/database";
import { untilQueuedBehindLocks } from "~/testing/hold-transaction";
import { appendAudit, verifyAuditLog, readChain } from "~/models/audit.server";
import { db, database } from "~/db.server";

useTestDatabase();

// why the long wait: 40 transactions queue for a pool of a few connections, as the app's own
// writes do (they wait up to 20 s too); Prisma's default of 2 s fails on a busy machine.
const QUEUED_TX = { maxWait: 20_000, timeout: 30_000 } as const;

function append(i: number) {
  return db().$transaction(
    (tx) =>
      appendAudit(tx, {
        actor: { type: "system" },
        action: "bid.withdrawn",
        subject: { type: "bid", id: `bid-${i}` },
        payload: { reference: `PD-2026-${String(i).padStart(4, "0")}` },
      }),
    QUEUED_TX,
  );
}

describe("audit log on the real database", () => {
  it("keeps one unbroken chain when 40 appends race", async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => append(i)));
    const chain = await readChain();
    expect(chain).toHaveLength(40);
    expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verifyAuditLog()).toMatchObject({ ok: true, count: 40 });
  });

  it("writes nothing when the change it records is rolled back", async () => {
    const before = (await readChain()).length;
    await expect(
      db().$transaction(async (tx) => {
        await appendAudit(tx, {
          actor: { type: "system" },
          action: "bid.withdrawn",
          subject: { type: "bid", id: "x" },
          payload: { reference: "PD-2026-9999" },
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await readChain()).length).toBe(before);
  });

  it("gives the place of an entry whose change rolled back to the one that was waiting for it", async () => {
    const before = (await readChain()).length;
    let appended: () => void = () => undefined;
    const firstHasAppended = new Promise<void>((resolve) => (appended = resolve));
    let secondArrived: () => void = () => undefined;
    const secondIsWaiting = new Promise<void>((resolve) => (secondArrived = resolve));
    const failing = db().$transaction(async (tx) => {
      await appendAudit(tx, { actor: { type: "system" }, action: "bid.withdrawn", subject: { type: "bid", id: "a" }, payload: { reference: "PD-2026-0001" } });
      appended();
      await secondIsWaiting;
      throw new Error("the change failed");
    });
    await firstHasAppended;
    const waiting = append(2);
    // why: on PostgreSQL the second append must be waiting for the first's place before that
    // rolls back; on PGlite (one connection) it simply queues behind the transaction.
    if (process.env.DATABASE_URL) await untilQueuedBehindLocks(1);
    secondArrived();
    await expect(failing).rejects.toThrow("the change failed");
    const entry = await waiting;
    expect(entry.seq).toBe(before + 1);
    expect((await readChain()).map((e) => e.subjectId)).toEqual([...Array(before).fill(expect.any(String)), "bid-2"]);
    expect(await verifyAuditLog()).toMatchObject({ ok: true, count: before + 1 });
  });

  it("refuses a payload field that is not declared for the action (no personal data)", async () => {
    await expect(
      db().$transaction((tx) =>
        appendAudit(tx, {
          actor: { type: "system" },
          action: "bid.withdrawn",
          subject: { type: "bid", id: "x" },
          payload: { reference: "PD-1", email: "someone@example.org" } as never,
        }),
      ),
    ).rejects.toThrow();
  });

  it("names the first bad entry after a row is changed in the database", async () => {
    await database().sql.exec(
      `UPDATE "AuditEntry" SET payload = '{"reference":"PD-2026-HACK"}' WHERE seq = 7`,
    );
    expect(await verifyAuditLog()).toMatchObject({ ok: false, firstBadSeq: 7 });
  });
});
