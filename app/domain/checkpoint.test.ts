import { hashEntry, nextEntry, type AuditRecord } from "~/domain/audit-chain";
import {
  CHECKPOINT_FORMAT,
  checkpointFileText,
  describeVerdict,
  parseCheckpointFile,
  toCheckpointFile,
  verifyAgainstCheckpoint,
} from "~/domain/checkpoint";

function grow(chain: AuditRecord[], n: number, tag = "a"): AuditRecord[] {
  const out = [...chain];
  for (let i = 0; i < n; i++) {
    const k = out.length;
    out.push(
      nextEntry(out.at(-1) ?? null, {
        at: new Date(Date.UTC(2027, 2, 1, 9, 0, k)),
        actorType: "user",
        actorId: "u1",
        action: "bid.shortlisted",
        subjectType: "bid",
        subjectId: `bid-${tag}-${k}`,
        payload: { reference: `PD-2027-${String(k).padStart(4, "0")}`, reason: "" },
      }),
    );
  }
  return out;
}

const mark = (entry: AuditRecord) => ({ seq: entry.seq, hash: entry.hash });

describe("verifyAgainstCheckpoint", () => {
  it("accepts a log that only grew, and counts what was added", () => {
    const early = grow([], 5);
    const later = grow(early, 3);
    const verdict = verifyAgainstCheckpoint(later, mark(early[4]));
    expect(verdict).toEqual({ ok: true, checkpoint: mark(early[4]), count: 8, head: mark(later[7]), added: 3 });
    expect(describeVerdict(verdict)).toBe(
      `The log only grew: entry #5 ${early[4].hash.slice(0, 16)}… is unchanged, the chain verifies to the head #8, and 3 entries have been added since.`,
    );
  });

  it("accepts an untouched log that has not grown at all", () => {
    const chain = grow([], 4);
    const verdict = verifyAgainstCheckpoint(chain, mark(chain[3]));
    expect(verdict).toMatchObject({ ok: true, added: 0 });
    expect(describeVerdict(verdict)).toContain("nothing has been added since");
  });

  it("catches entries deleted from the end, which the chain alone cannot see", () => {
    const chain = grow([], 8);
    const cut = chain.slice(0, 6);
    const verdict = verifyAgainstCheckpoint(cut, mark(chain[7]));
    expect(verdict).toEqual({ ok: false, kind: "shrunk", checkpoint: mark(chain[7]), headSeq: 6 });
    expect(describeVerdict(verdict)).toBe(
      `The log has SHRUNK: the checkpoint names entry #8 ${chain[7].hash.slice(0, 16)}… but the log now ends at #6. Entries were deleted from the end.`,
    );
  });

  it("catches a log emptied completely", () => {
    const chain = grow([], 2);
    const verdict = verifyAgainstCheckpoint([], mark(chain[1]));
    expect(verdict).toMatchObject({ ok: false, kind: "shrunk", headSeq: null });
    expect(describeVerdict(verdict)).toContain("the log is now empty");
  });

  it("catches a rewritten log whose hashes were all recomputed (a fork)", () => {
    const original = grow([], 6);
    // Someone changes entry 3 and rebuilds every hash after it: the chain verifies on its own.
    const rewritten = grow(original.slice(0, 2), 6, "forged");
    const verdict = verifyAgainstCheckpoint(rewritten, mark(original[4]));
    expect(verdict).toEqual({ ok: false, kind: "forked", checkpoint: mark(original[4]), foundHash: rewritten[4].hash });
    expect(describeVerdict(verdict)).toContain("The log has FORKED: entry #5 now has the hash");
  });

  it("reports a broken chain before anything else, naming the first bad entry", () => {
    const chain = grow([], 6);
    chain[2] = { ...chain[2], payload: { reference: "PD-2027-HACK", reason: "" } };
    const verdict = verifyAgainstCheckpoint(chain, mark(chain[5]));
    expect(verdict).toMatchObject({ ok: false, kind: "broken", firstBadSeq: 3 });
    expect(describeVerdict(verdict)).toMatch(/^The chain is BROKEN at entry #3: its content does not match its hash/);
  });

  it("reports a broken chain even when the entry at the checkpoint still matches", () => {
    const chain = grow([], 6);
    const deleted = [...chain.slice(0, 3), ...chain.slice(4)];
    expect(verifyAgainstCheckpoint(deleted, mark(chain[1]))).toMatchObject({ ok: false, kind: "broken", firstBadSeq: 5 });
  });

  it("does not trust a stored hash that was overwritten at the checkpoint's entry", () => {
    const chain = grow([], 3);
    const forged = { ...chain[1], hash: "f".repeat(64) };
    expect(hashEntry(forged, forged.prevHash)).not.toBe(forged.hash);
    expect(verifyAgainstCheckpoint([chain[0], forged, chain[2]], mark(chain[1]))).toMatchObject({ ok: false, kind: "broken", firstBadSeq: 2 });
  });
});

describe("checkpoint files", () => {
  const stored = { seq: 41, hash: "ab".repeat(32), createdAt: new Date("2027-03-01T09:30:00.000Z"), note: "For the finance team" };

  it("writes the documented format and reads it back", () => {
    const file = toCheckpointFile(stored, "Thornbury Town Council");
    expect(file).toEqual({
      format: CHECKPOINT_FORMAT,
      seq: 41,
      hash: "ab".repeat(32),
      at: "2027-03-01T09:30:00.000Z",
      funder: "Thornbury Town Council",
      note: "For the finance team",
    });
    const text = checkpointFileText(file);
    expect(text.endsWith("}\n")).toBe(true);
    expect(parseCheckpointFile(text)).toEqual({ ok: true, checkpoint: file });
  });

  it("leaves out the funder when there is none", () => {
    expect("funder" in toCheckpointFile(stored, null)).toBe(false);
    expect(parseCheckpointFile(checkpointFileText(toCheckpointFile(stored)))).toMatchObject({ ok: true });
  });

  it("accepts a pasted file with white space around it", () => {
    expect(parseCheckpointFile(`\n\n  ${checkpointFileText(toCheckpointFile(stored))}  \n`)).toMatchObject({ ok: true, checkpoint: { seq: 41 } });
  });

  const base = toCheckpointFile(stored);
  it.each([
    ["nothing", "", "The checkpoint is empty"],
    ["half a file", "{ seq: 41", "This is not valid JSON"],
    ["a list", "[1, 2]", "it should be one JSON object"],
    ["another format", JSON.stringify({ ...base, format: "something-else/1" }), `its "format" must be "${CHECKPOINT_FORMAT}"`],
    ["entry 0", JSON.stringify({ ...base, seq: 0 }), 'entry number ("seq") must be a whole number, 1 or more'],
    ["a number in quotes", JSON.stringify({ ...base, seq: "41" }), 'entry number ("seq")'],
    ["an upper-case hash", JSON.stringify({ ...base, hash: "AB".repeat(32) }), 'hash ("hash") must be 64 lower-case hexadecimal'],
    ["a short hash", JSON.stringify({ ...base, hash: "ab" }), 'hash ("hash")'],
    ["a time in words", JSON.stringify({ ...base, at: "yesterday" }), 'time ("at")'],
    ["no note", JSON.stringify({ ...base, note: undefined }), '"note" must be text'],
    ["an added field", JSON.stringify({ ...base, extra: 1 }), "fields Pitchday does not write (extra)"],
  ])("refuses %s with a reason a person can act on", (_label, text, message) => {
    const parsed = parseCheckpointFile(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.error).toContain(message);
  });
});
