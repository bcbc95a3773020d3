import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { database, db } from "~/db.server";
import { checkpointFileText } from "~/domain/checkpoint";
import { appendAudit } from "~/models/audit.server";
import { checkpointFile, createCheckpoint } from "~/models/checkpoint.server";
import { withDatabase } from "~/testing/template";
import { runScript, serverUrl, withScratch } from "./lib/scratch-database";
import { summarise } from "./verify-audit";

// `npm run audit:verify` and `npm run audit:checkpoint` run as separate processes against a
// real database on disk (see scripts/lib/scratch-database.ts), before and after tampering.

function runVerify(env: Record<string, string>, args: string[] = []) {
  return runScript("scripts/verify-audit.ts", env, args);
}

let appended = 0;
async function append(count: number) {
  for (let i = 1; i <= count; i++) {
    appended += 1;
    await db().$transaction((tx) =>
      appendAudit(tx, {
        actor: { type: "system" },
        action: "bid.withdrawn",
        subject: { type: "bid", id: `bid-${appended}` },
        payload: { reference: `PD-2026-${String(appended).padStart(4, "0")}` },
      }),
    );
  }
}

/** A database holding a chain of `count` entries; `tamper` then runs SQL on it before the script looks. */
async function chainThen(count: number, tamper?: string) {
  let result!: ReturnType<typeof runVerify> & { head: { hash: string } | null };
  await withScratch(
    async () => {
      await append(count);
      const head = await db().auditEntry.findFirst({ orderBy: { seq: "desc" } });
      if (tamper) await database().sql.exec(tamper);
      return head;
    },
    (env, head) => {
      result = { ...runVerify(env), head };
    },
  );
  return result;
}

describe("npm run audit:verify", () => {
  it("reports an intact chain with its length and head, and exits 0", async () => {
    const { code, out, head } = await chainThen(8);
    expect(out).toContain(`Audit chain OK: 8 entries, head #8 ${head!.hash.slice(0, 16)}…`);
    expect(code).toBe(0);
  });

  it("names the entry whose payload was changed, and exits 1", async () => {
    const { code, out } = await chainThen(8, `UPDATE "AuditEntry" SET payload = '{"reference":"PD-2026-HACK"}' WHERE seq = 5`);
    expect(out).toContain("Audit chain BROKEN at entry #5: its content does not match its hash");
    expect(code).toBe(1);
  });

  it("names the entry after a deleted row, and exits 1", async () => {
    const { code, out } = await chainThen(8, `DELETE FROM "AuditEntry" WHERE seq = 4`);
    expect(out).toContain("Audit chain BROKEN at entry #5: expected entry 4 here but found 5");
    expect(code).toBe(1);
  });

  it("names the first of two swapped rows, and exits 1", async () => {
    const swap = `
      UPDATE "AuditEntry" SET seq = -3 WHERE seq = 3;
      UPDATE "AuditEntry" SET seq = 3 WHERE seq = 4;
      UPDATE "AuditEntry" SET seq = 4 WHERE seq = -3;`;
    const { code, out } = await chainThen(8, swap);
    expect(out).toContain("Audit chain BROKEN at entry #3: its previous-hash does not match the entry before it");
    expect(code).toBe(1);
  });

  it("names an entry whose stored hash was overwritten", async () => {
    const { code, out } = await chainThen(6, `UPDATE "AuditEntry" SET hash = repeat('a', 64) WHERE seq = 2`);
    expect(out).toMatch(/Audit chain BROKEN at entry #2: /);
    expect(code).toBe(1);
  });

  it("exits 2 when there is no database to check", () => {
    const missing: Record<string, string> = serverUrl
      ? { DATABASE_URL: withDatabase(serverUrl, "pitchday_no_such_database") }
      : { DATABASE_URL: "", PGLITE_DIR: path.join(tmpdir(), `pitchday-missing-${randomBytes(4).toString("hex")}`) };
    const { code, out } = runVerify(missing);
    expect(out).toContain("Could not verify the audit chain");
    expect(code).toBe(2);
  });
});

describe("npm run audit:verify with checkpoints", () => {
  it("says when no checkpoint is stored yet, and still passes an intact chain", async () => {
    const { code, out } = await chainThen(3);
    expect(out).toContain("No checkpoint is stored yet");
    expect(code).toBe(0);
  });

  it("checks against the newest stored checkpoint and passes a log that only grew", async () => {
    await withScratch(
      async () => {
        await append(3);
        await createCheckpoint({ note: "", via: "web" }, { type: "system" });
        await append(2);
      },
      (env) => {
        const { code, out } = runVerify(env);
        expect(out).toContain("Audit chain OK: 6 entries");
        expect(out).toMatch(/Checked against the newest stored checkpoint \(taken [^)]+\): The log only grew: entry #4 [0-9a-f]{16}… is unchanged, the chain verifies to the head #6, and 2 entries have been added since\./);
        expect(code).toBe(0);
      },
    );
  });

  it("catches rows deleted from the end of the log, which the chain alone would pass, and exits 1", async () => {
    await withScratch(
      async () => {
        await append(3);
        await createCheckpoint({ note: "", via: "web" }, { type: "system" });
        await database().sql.exec(`DELETE FROM "AuditEntry" WHERE seq >= 3`);
      },
      (env) => {
        const { code, out } = runVerify(env);
        expect(out).toContain("Audit chain OK: 2 entries");
        expect(out).toContain("The log has SHRUNK: the checkpoint names entry #4");
        expect(out).toContain("the log now ends at #2. Entries were deleted from the end.");
        expect(code).toBe(1);
      },
    );
  });

  it("catches a cut tail with the stored checkpoints deleted, given the head written down elsewhere", async () => {
    await withScratch(
      async () => {
        await append(4);
        const head = await db().auditEntry.findFirstOrThrow({ orderBy: { seq: "desc" } });
        await createCheckpoint({ note: "", via: "web" }, { type: "system" });
        await database().sql.exec(`DELETE FROM "AuditCheckpoint"; DELETE FROM "AuditEntry" WHERE seq >= 3`);
        return head;
      },
      (env, head) => {
        // Without the head the cut passes: that is the hole --expect-head closes.
        expect(runVerify(env).code).toBe(0);
        const { code, out } = runVerify(env, ["--expect-head", `${head.seq}:${head.hash}`]);
        expect(out).toContain("Audit chain OK: 2 entries");
        expect(out).toContain(`Checked against the expected head #${head.seq}: The log has SHRUNK`);
        expect(code).toBe(1);
        expect(runVerify(env, ["--expect-head", "12:not-a-hash"]).code).toBe(2);
      },
    );
  });

  it("checks against a checkpoint file written by npm run audit:checkpoint", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "pitchday-checkpoint-"));
    const file = path.join(folder, "checkpoint.json");
    try {
      await withScratch(
        () => append(4),
        (env) => {
          const taken = runScript("scripts/audit-checkpoint.ts", env, ["--out", file, "--note", "For the finance team"]);
          expect(taken.out).toContain(`Checkpoint taken at entry #5`);
          expect(taken.out).toContain(`written to ${file}`);
          expect(taken.code).toBe(0);
          const written = JSON.parse(readFileSync(file, "utf8"));
          expect(written).toEqual({ format: "pitchday-audit-checkpoint/1", seq: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: expect.any(String), note: "For the finance team" });

          const again = runScript("scripts/audit-checkpoint.ts", env, ["--out", file]);
          expect(again.out).toContain("already exists");
          expect(again.code).toBe(2);

          const verified = runVerify(env, ["--checkpoint", file]);
          expect(verified.out).toContain(`Checked against the checkpoint file ${file} (taken ${written.at}): The log only grew: entry #5`);
          expect(verified.out).not.toContain("newest stored checkpoint");
          expect(verified.code).toBe(0);
        },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("catches a log rewritten with fresh hashes after the checkpoint file was handed out (a fork)", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "pitchday-checkpoint-"));
    const file = path.join(folder, "checkpoint.json");
    try {
      await withScratch(
        async () => {
          await append(4);
          const result = await createCheckpoint({ note: "", via: "web" }, { type: "system" });
          if (!result.ok) throw new Error(result.error);
          writeFileSync(file, checkpointFileText((await checkpointFile(result.checkpoint.id))!));
          // Rebuild history from entry 3 with valid hashes, and remove the stored checkpoint too.
          await database().sql.exec(`DELETE FROM "AuditCheckpoint"; DELETE FROM "AuditEntry" WHERE seq >= 3`);
          await append(5);
        },
        (env) => {
          const { code, out } = runVerify(env, ["--checkpoint", file]);
          expect(out).toContain("Audit chain OK: 7 entries");
          expect(out).toContain("The log has FORKED: entry #5 now has the hash");
          expect(code).toBe(1);
        },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("exits 2 for a checkpoint file that is missing or is not a checkpoint, and for unknown options", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "pitchday-checkpoint-"));
    try {
      const env = { DATABASE_URL: "", PGLITE_DIR: path.join(folder, "unused") };
      const missing = runVerify(env, ["--checkpoint", path.join(folder, "nope.json")]);
      expect(missing.out).toContain("could not read the checkpoint file");
      expect(missing.code).toBe(2);

      const junk = path.join(folder, "junk.json");
      writeFileSync(junk, JSON.stringify({ format: "pitchday-audit-checkpoint/1", seq: 3 }));
      const bad = runVerify(env, ["--checkpoint", junk]);
      expect(bad.out).toContain(`the checkpoint file ${junk} is not usable: The checkpoint's hash ("hash")`);
      expect(bad.code).toBe(2);

      const unknown = runVerify(env, ["--checkpiont", junk]);
      expect(unknown.out).toContain("Usage: npm run audit:verify");
      expect(unknown.code).toBe(2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("npm run audit:checkpoint", () => {
  it("refuses, and writes no file, when the chain is broken", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "pitchday-checkpoint-"));
    const file = path.join(folder, "checkpoint.json");
    try {
      await withScratch(
        async () => {
          await append(4);
          await database().sql.exec(`UPDATE "AuditEntry" SET payload = '{"reference":"PD-2026-HACK"}' WHERE seq = 2`);
        },
        (env) => {
          const { code, out } = runScript("scripts/audit-checkpoint.ts", env, ["--out", file]);
          expect(out).toContain("The audit chain is broken at entry #2");
          expect(code).toBe(1);
          expect(existsSync(file)).toBe(false);
        },
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("needs --out", () => {
    const { code, out } = runScript("scripts/audit-checkpoint.ts", { DATABASE_URL: "", PGLITE_DIR: "/nonexistent" });
    expect(out).toContain("Say where to write the checkpoint with --out FILE.");
    expect(code).toBe(2);
  });
});

describe("summarise", () => {
  it("says an empty log is fine", () => {
    expect(summarise({ ok: true, count: 0, head: null })).toEqual({ line: "Audit chain OK: 0 entries (the log is empty)", code: 0 });
    expect(summarise({ ok: true, count: 1, head: { seq: 1, hash: "ab".repeat(32) } }).line).toBe(
      `Audit chain OK: 1 entry, head #1 ${"ab".repeat(8)}…`,
    );
  });
});
