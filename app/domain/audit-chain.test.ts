import { chainTemplate, GENESIS_HASH, hashEntry, hashFromTemplate, nextEntry, verifyChain, type AuditContent, type AuditRecord } from "~/domain/audit-chain";
import { canonicalJson } from "~/domain/canonical-json";

function chainOf(n: number): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      nextEntry(out.at(-1) ?? null, {
        at: new Date(Date.UTC(2026, 10, 29, 18, 0, i)),
        actorType: "user",
        actorId: `u${i % 3}`,
        action: "bid.submitted",
        subjectType: "bid",
        subjectId: `b${i}`,
        payload: { reference: `PD-2026-${String(i).padStart(4, "0")}`, amountRequestedPence: 1000 * i, version: 1 },
      }),
    );
  }
  return out;
}

describe("audit chain", () => {
  it("starts from the genesis hash and links each entry to the one before", () => {
    const chain = chainOf(3);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(chain[0].prevHash).toBe(GENESIS_HASH);
    expect(chain[1].prevHash).toBe(chain[0].hash);
    expect(chain[2].prevHash).toBe(chain[1].hash);
  });

  it("verifies an untouched chain and reports its head", () => {
    const chain = chainOf(5);
    expect(verifyChain(chain)).toEqual({ ok: true, count: 5, head: { seq: 5, hash: chain[4].hash } });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: null });
  });

  it("catches a single changed byte in a payload at that entry", () => {
    const chain = chainOf(6);
    chain[3] = { ...chain[3], payload: { ...(chain[3].payload as object), amountRequestedPence: 3001 } };
    const result = verifyChain(chain);
    expect(result).toMatchObject({ ok: false, firstBadSeq: 4, index: 3 });
  });

  it("catches a changed actor, action, subject or time", () => {
    for (const change of [
      { actorId: "someone-else" },
      { action: "bid.withdrawn" },
      { subjectId: "other" },
      { at: new Date(Date.UTC(2020, 0, 1)) },
    ]) {
      const chain = chainOf(4);
      chain[1] = { ...chain[1], ...change };
      expect(verifyChain(chain)).toMatchObject({ ok: false, firstBadSeq: 2 });
    }
  });

  it("catches a deleted entry at the entry after the gap", () => {
    const chain = chainOf(5);
    chain.splice(2, 1);
    const result = verifyChain(chain);
    expect(result).toMatchObject({ ok: false, firstBadSeq: 4, index: 2 });
    if (!result.ok) expect(result.reason).toMatch(/deleted or reordered/);
  });

  it("catches two swapped entries at the first of them", () => {
    const chain = chainOf(5);
    [chain[1], chain[2]] = [chain[2], chain[1]];
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBadSeq: 3, index: 1 });
  });

  it("catches swapped contents even when the sequence numbers are rewritten to look right", () => {
    const chain = chainOf(5);
    const a = chain[1];
    const b = chain[2];
    chain[1] = { ...b, seq: 2 };
    chain[2] = { ...a, seq: 3 };
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it("catches a rehashed entry because the next entry no longer links to it", () => {
    const chain = chainOf(4);
    const forged = nextEntry(chain[0], { ...chain[1], actorId: "forger" });
    chain[1] = forged;
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });
});

describe("verifying only what follows a head already verified", () => {
  it("passes the entries after it, and catches one that does not follow on from it", () => {
    const chain = chainOf(6);
    const head = { seq: chain[3].seq, hash: chain[3].hash };
    expect(verifyChain(chain.slice(4), head)).toEqual({ ok: true, count: 2, head: { seq: 6, hash: chain[5].hash } });
    expect(verifyChain([], head)).toEqual({ ok: true, count: 0, head });
    expect(verifyChain(chain.slice(5), head)).toMatchObject({ ok: false, firstBadSeq: 6 });
    expect(verifyChain(chain.slice(4), { ...head, hash: "f".repeat(64) })).toMatchObject({ ok: false, firstBadSeq: 5 });
  });
});

describe("the chain template the database hashes with", () => {
  it("gives the same hash as the entry's own canonical JSON, whatever the content", () => {
    const contents: Omit<AuditContent, "seq">[] = [
      { at: new Date("2026-12-06T19:30:00.123Z"), actorType: "audience", actorId: "b1", action: "audience.ballot_cast", subjectType: "ballot", subjectId: "b1", payload: { bidIds: ["x", "y"], points: 2, z: null } },
      { at: new Date(0), actorType: "system", actorId: null, action: "a", subjectType: "s\"},{\"seq\":1", subjectId: "é ☃ \u0001", payload: { prevHash: "fake", seq: 9, nested: { b: [1.5, -2e-7, true] } } },
      { at: new Date("2030-01-01T00:00:00Z"), actorType: "user", actorId: "u", action: "x", subjectType: "t", subjectId: "", payload: [] },
    ];
    for (const [i, content] of contents.entries()) {
      const prevHash = i === 0 ? GENESIS_HASH : "ab".repeat(32);
      const seq = [1, 42, 1_000_000][i];
      expect(hashFromTemplate(chainTemplate(content), prevHash, seq)).toBe(hashEntry({ ...content, seq }, prevHash));
    }
  });
});

describe("canonical JSON", () => {
  it("gives the same text whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });
  it("drops undefined fields and writes dates as ISO text", () => {
    expect(canonicalJson({ a: undefined, at: new Date(Date.UTC(2026, 0, 2)) })).toBe('{"at":"2026-01-02T00:00:00.000Z"}');
  });
  it("refuses numbers that JSON cannot hold", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/NaN/);
  });
});
