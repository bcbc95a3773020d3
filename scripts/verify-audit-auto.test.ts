import { database, db } from "~/db.server";
import { confirmEventDecisions } from "~/coordinators/checkpoints.server";
import { recordDecision } from "~/models/decision.server";
import { makeFunder, makeScoredEvent, scores } from "~/testing/payments-fixtures";
import { runScript, withScratch } from "./lib/scratch-database";

// The hole the automatic checkpoints close: cutting the log's tail used to pass
// `npm run audit:verify` whenever nobody had taken a checkpoint by hand since. Now confirming the
// decisions takes one, stored and emailed to the auditors; the script is run as its own process
// against the database on disk after the tampering.

async function confirmedWithMail() {
  await db().user.create({ data: { email: "ada.auditor@example.test", name: "Ada Auditor", roles: ["AUDITOR"] } });
  const { event, bids } = await makeScoredEvent({ bids: [{ amountPence: 100_000, scores: scores([5, 5]) }] });
  const funder = await makeFunder();
  const decided = await recordDecision({ eventId: event.id, bidId: bids[0].id, outcome: "FUNDED", amountPence: 100_000, overrideReason: "", feedback: "" }, funder);
  if (!decided.ok) throw new Error(decided.message);
  const confirmed = await confirmEventDecisions(event.id, funder);
  if (!confirmed.ok) throw new Error(confirmed.message);
  const mail = await db().mailMessage.findFirstOrThrow({ where: { to: "ada.auditor@example.test" } });
  const head = /--expect-head (\d+:[0-9a-f]{64})/.exec(mail.text)?.[1];
  if (!head) throw new Error(`No head in the auditor's email:\n${mail.text}`);
  const decidedSeq = (await db().auditEntry.findFirstOrThrow({ where: { action: "event.decided" } })).seq;
  return { head, decidedSeq };
}

describe("npm run audit:verify after an automatic checkpoint", () => {
  it("fails when the tail holding the confirmation is cut, from the stored checkpoint", async () => {
    await withScratch(
      async () => {
        const { decidedSeq } = await confirmedWithMail();
        await database().sql.exec(`DELETE FROM "AuditEntry" WHERE seq >= ${decidedSeq}`);
      },
      (env) => {
        const { code, out } = runScript("scripts/verify-audit.ts", env);
        expect(out).toContain("Audit chain OK");
        expect(out).toMatch(/Checked against the newest stored checkpoint .*The log has SHRUNK/);
        expect(code).toBe(1);
      },
    );
  });

  it("fails when the tail is cut and the stored checkpoints deleted too, given the head from the auditor's email", async () => {
    await withScratch(
      async () => {
        const { head, decidedSeq } = await confirmedWithMail();
        await database().sql.exec(`DELETE FROM "AuditCheckpoint"; DELETE FROM "AuditEntry" WHERE seq >= ${decidedSeq}`);
        return head;
      },
      (env, head) => {
        // Without the emailed head the cut would pass: the database no longer knows better.
        expect(runScript("scripts/verify-audit.ts", env).code).toBe(0);
        const { code, out } = runScript("scripts/verify-audit.ts", env, ["--expect-head", head]);
        expect(out).toContain(`Checked against the expected head #${head.split(":")[0]}: The log has SHRUNK`);
        expect(code).toBe(1);
      },
    );
  });

  it("passes an untouched log against the emailed head", async () => {
    await withScratch(
      async () => (await confirmedWithMail()).head,
      (env, head) => {
        const { code, out } = runScript("scripts/verify-audit.ts", env, ["--expect-head", head]);
        expect(out).toContain("The log only grew");
        expect(code).toBe(0);
      },
    );
  });
});
