import { verifyAuditLog } from "~/models/audit.server";
import { makeBid, makeFund, makeOrganiser, makeRound } from "~/testing/organiser-fixtures";
import { closeDatabase, db, openDatabase } from "~/db.server";
import { runScript, withScratch } from "./lib/scratch-database";

// `npm run data:erase-expired` as its own process against a database on disk.

const run = (env: Record<string, string>, args: string[] = []) => runScript("scripts/erase-expired.ts", env, args);

/** One bid in a round that closed two years ago, one in a round that closed 40 days ago. */
async function twoRounds() {
  const { actor } = await makeOrganiser();
  const fund = await makeFund(actor);
  const now = Date.now();
  const day = 86_400_000;
  const old = await makeRound(fund.id, actor, { opensAt: new Date(now - 800 * day), closesAt: new Date(now - 730 * day) });
  const recent = await makeRound(fund.id, actor, { opensAt: new Date(now - 90 * day), closesAt: new Date(now - 40 * day) });
  const expired = await makeBid(old.id, { reference: "PD-2025-0007" });
  const current = await makeBid(recent.id, { reference: "PD-2027-0008" });
  return { expired, current };
}

async function reopen(env: Record<string, string>) {
  await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL, migrate: false } : { pgliteDir: env.PGLITE_DIR, migrate: false });
}

describe("npm run data:erase-expired", () => {
  it("lists on a dry run, then erases only contacts past the retention period, and the chain still verifies", async () => {
    await withScratch(twoRounds, async (env, { expired, current }) => {
      const dry = run(env, ["--dry-run"]);
      expect(dry.out).toContain("Dry run: 1 contact would be erased (rounds closed more than 12 months ago). Nothing was changed.");
      expect(dry.out).toContain("PD-2025-0007");
      expect(dry.out).not.toContain("PD-2027-0008");
      expect(dry.code).toBe(0);

      const real = run(env);
      expect(real.out).toContain("Erased 1 contact (rounds closed more than 12 months ago).");
      expect(real.out).toContain("PD-2025-0007");
      expect(real.code).toBe(0);

      const again = run(env);
      expect(again.out).toContain("Erased 0 contacts");

      await reopen(env);
      try {
        expect(await db().bidContact.findUnique({ where: { bidId: expired.id } })).toMatchObject({ name: "[erased]", email: "[erased]", phone: null });
        expect(await db().bidContact.findUnique({ where: { bidId: current.id } })).toMatchObject({ name: "Sam Contact", erasedAt: null });
        expect(await db().auditEntry.count({ where: { action: "personal_data.erased", actorType: "system" } })).toBe(1);
        expect(await verifyAuditLog()).toMatchObject({ ok: true });
      } finally {
        await closeDatabase();
      }
    });
  });

  it("takes a shorter period with --months", async () => {
    await withScratch(twoRounds, (env) => {
      const refused = run(env, ["--months", "0"]);
      expect(refused.out).toContain("--months must be a whole number of months from 1 to 120.");
      expect(refused.code).toBe(2);

      const listed = run(env, ["--months", "1", "--dry-run"]);
      expect(listed.out).toContain("Dry run: 2 contacts would be erased (rounds closed more than 1 month ago).");
      expect(listed.out).toContain("PD-2027-0008");
      expect(listed.code).toBe(0);
    });
  });
});
