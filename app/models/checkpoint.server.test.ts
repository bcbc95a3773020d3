import { useTestDatabase } from "~/testing/database";
import { database, db } from "~/db.server";
import { CHECKPOINT_FORMAT, checkpointFileText, describeVerdict } from "~/domain/checkpoint";
import { appendAudit, readChain } from "~/models/audit.server";
import {
  checkpointFile,
  createCheckpoint,
  latestCheckpoint,
  listCheckpoints,
  verifyAgainstFile,
  verifyLogState,
} from "~/models/checkpoint.server";

useTestDatabase();

let tag = 0;
async function append(n: number) {
  for (let i = 0; i < n; i++) {
    tag += 1;
    await db().$transaction((tx) =>
      appendAudit(tx, {
        actor: { type: "system" },
        action: "bid.withdrawn",
        subject: { type: "bid", id: `bid-${tag}` },
        payload: { reference: `PD-2027-${String(tag).padStart(4, "0")}` },
      }),
    );
  }
}

let auditor: { type: "user"; id: string };

beforeAll(async () => {
  const user = await db().user.create({ data: { email: "aud@example.test", name: "Ada Auditor", roles: ["AUDITOR"] } });
  auditor = { type: "user", id: user.id };
  await db().fund.create({
    data: { name: "Chest", potPence: 100_000, minAwardPence: 1_000, maxAwardPence: 50_000, funderName: "Thornbury Town Council", funderOrgId: "GB-LAE-TTC", grantIdPrefix: "360G-ttc" },
  });
});

beforeEach(async () => {
  await database().sql.exec(`DELETE FROM "AuditCheckpoint"; DELETE FROM "AuditEntry";`);
});

describe("taking a checkpoint", () => {
  it("names the head of the log, which is its own audit entry, and says who took it", async () => {
    await append(4);
    const at = new Date("2027-03-01T09:30:00Z");
    const result = await createCheckpoint({ note: "For the finance team", via: "web" }, auditor, at);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const chain = await readChain();
    const head = chain.at(-1)!;
    expect(result.checkpoint).toMatchObject({ seq: 5, hash: head.hash, note: "For the finance team", createdAt: at });
    expect(head).toMatchObject({
      action: "audit.checkpoint_created",
      actorType: "user",
      actorId: auditor.id,
      subjectType: "checkpoint",
      subjectId: result.checkpoint.id,
      payload: { checkpointId: result.checkpoint.id, via: "web" },
    });
    expect(await latestCheckpoint()).toMatchObject({ id: result.checkpoint.id, seq: 5 });
    expect((await listCheckpoints()).map((c) => [c.seq, c.takenBy, c.note])).toEqual([[5, "Ada Auditor", "For the finance team"]]);
  });

  it("lists the newest first and names the command line when no one signed in took it", async () => {
    await append(2);
    await createCheckpoint({ note: "first", via: "web" }, auditor);
    await append(2);
    await createCheckpoint({ note: "", via: "cli" }, { type: "system" });
    expect((await listCheckpoints()).map((c) => [c.seq, c.takenBy, c.note])).toEqual([
      [6, "Pitchday's command line", ""],
      [3, "Ada Auditor", "first"],
    ]);
  });

  it("stays true to the log when checkpoints are taken while other changes are written", async () => {
    await Promise.all([append(8), ...Array.from({ length: 3 }, () => createCheckpoint({ note: "", via: "web" }, auditor))]);
    const chain = await readChain();
    expect(chain).toHaveLength(11);
    const checkpoints = await listCheckpoints();
    expect(checkpoints).toHaveLength(3);
    for (const checkpoint of checkpoints) {
      expect(chain[checkpoint.seq - 1]).toMatchObject({ action: "audit.checkpoint_created", hash: checkpoint.hash });
    }
    expect((await verifyLogState()).latest?.verdict).toMatchObject({ ok: true });
  });

  it("can be taken on an empty log: its own entry is the first", async () => {
    const result = await createCheckpoint({ note: "", via: "cli" }, { type: "system" });
    expect(result).toMatchObject({ ok: true, checkpoint: { seq: 1 } });
  });

  it("is refused, and nothing written, when the chain is broken", async () => {
    await append(5);
    await database().sql.exec(`UPDATE "AuditEntry" SET payload = '{"reference":"PD-2027-HACK"}' WHERE seq = 3`);
    const result = await createCheckpoint({ note: "", via: "web" }, auditor);
    expect(result).toEqual({ ok: false, error: expect.stringContaining("The audit chain is broken at entry #3") });
    expect(await readChain()).toHaveLength(5);
    expect(await latestCheckpoint()).toBeNull();
  });

  it("is refused when entries the last checkpoint covered were cut off the end", async () => {
    await append(3);
    const first = await createCheckpoint({ note: "", via: "web" }, auditor);
    expect(first.ok).toBe(true);
    await database().sql.exec(`DELETE FROM "AuditEntry" WHERE seq >= 3`);
    const result = await createCheckpoint({ note: "", via: "web" }, auditor);
    expect(result).toEqual({ ok: false, error: "The log does not match the last checkpoint (entry #4), so no new checkpoint was taken." });
    expect((await listCheckpoints()).length).toBe(1);
  });
});

describe("checking the live log", () => {
  it("reports a verified chain that grew from the newest checkpoint", async () => {
    await append(3);
    await createCheckpoint({ note: "", via: "web" }, auditor);
    await append(2);
    const state = await verifyLogState();
    expect(state.chain).toMatchObject({ ok: true, count: 6, head: { seq: 6 } });
    expect(state.latest?.verdict).toMatchObject({ ok: true, added: 2, checkpoint: { seq: 4 } });
  });

  it("has no checkpoint verdict before the first checkpoint", async () => {
    await append(2);
    expect(await verifyLogState()).toMatchObject({ chain: { ok: true, count: 2 }, latest: null });
  });

  it("catches rows deleted from the end, which the chain alone cannot see", async () => {
    await append(3);
    await createCheckpoint({ note: "", via: "web" }, auditor);
    await append(3);
    await database().sql.exec(`DELETE FROM "AuditEntry" WHERE seq >= 4`);
    const state = await verifyLogState();
    expect(state.chain).toMatchObject({ ok: true, count: 3 });
    expect(state.latest?.verdict).toMatchObject({ ok: false, kind: "shrunk", headSeq: 3 });
  });
});

describe("checkpoint files", () => {
  it("downloads in the documented format, names the funder, and verifies the log that grew since", async () => {
    await append(2);
    const result = await createCheckpoint({ note: "Given to the trustees", via: "web" }, auditor, new Date("2027-03-01T09:30:00Z"));
    if (!result.ok) throw new Error(result.error);
    const file = await checkpointFile(result.checkpoint.id);
    expect(file).toEqual({
      format: CHECKPOINT_FORMAT,
      seq: 3,
      hash: result.checkpoint.hash,
      at: "2027-03-01T09:30:00.000Z",
      funder: "Thornbury Town Council",
      note: "Given to the trustees",
    });
    await append(4);
    const checked = await verifyAgainstFile(checkpointFileText(file!));
    expect(checked).toMatchObject({ ok: true, verdict: { ok: true, added: 4 } });
    expect(checked.ok && describeVerdict(checked.verdict)).toMatch(/^The log only grew: /);
  });

  it("has no file for a checkpoint that does not exist", async () => {
    expect(await checkpointFile("no-such-checkpoint")).toBeNull();
  });

  it("catches a log rebuilt with fresh hashes after the checkpoint (a fork)", async () => {
    await append(4);
    const result = await createCheckpoint({ note: "", via: "web" }, auditor);
    if (!result.ok) throw new Error(result.error);
    const text = checkpointFileText((await checkpointFile(result.checkpoint.id))!);
    // Someone with database access removes entries 3 onwards and writes a different history.
    await database().sql.exec(`DELETE FROM "AuditCheckpoint"; DELETE FROM "AuditEntry" WHERE seq >= 3`);
    await append(4);
    expect((await verifyLogState()).chain).toMatchObject({ ok: true, count: 6 });
    const checked = await verifyAgainstFile(text);
    expect(checked).toMatchObject({ ok: true, verdict: { ok: false, kind: "forked" } });
  });

  it("says what is wrong with a file that is not a checkpoint", async () => {
    expect(await verifyAgainstFile("not json")).toEqual({ ok: false, error: expect.stringContaining("This is not valid JSON") });
  });
});
