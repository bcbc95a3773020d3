import { groupCommit } from "~/utils/group-commit";

// A batch runner the test releases by hand, so what is batched with what is decided by the
// order of events, not by time.
function heldRunner() {
  const batches: string[][] = [];
  const releases: (() => void)[] = [];
  const run = (items: string[]) => {
    batches.push(items);
    return new Promise<string[]>((resolve) => releases.push(() => resolve(items.map((i) => `saved ${i}`))));
  };
  const releaseNext = async () => {
    releases.shift()!();
    // why: let the resolved batch hand out its results and the next batch start.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { batches, run, releaseNext };
}

describe("group commit", () => {
  it("sends a lone item at once, alone", async () => {
    const held = heldRunner();
    const submit = groupCommit({ run: held.run, maxBatch: 10 });
    const result = submit("a");
    expect(held.batches).toEqual([["a"]]);
    await held.releaseNext();
    await expect(result).resolves.toBe("saved a");
  });

  it("gathers the items that arrive while a batch is saving into the next one, answering each its own", async () => {
    const held = heldRunner();
    const submit = groupCommit({ run: held.run, maxBatch: 10 });
    const results = ["a", "b", "c", "d"].map((item) => submit(item));
    expect(held.batches).toEqual([["a"]]);
    await held.releaseNext();
    expect(held.batches).toEqual([["a"], ["b", "c", "d"]]);
    await held.releaseNext();
    await expect(Promise.all(results)).resolves.toEqual(["saved a", "saved b", "saved c", "saved d"]);
  });

  it("keeps a batch to its maximum and to the items that fit together, the others going next in their order", async () => {
    const held = heldRunner();
    const sameLetter = (batch: readonly string[], item: string) => !batch.some((b) => b[0] === item[0]);
    const submit = groupCommit({ run: held.run, maxBatch: 3, fits: sameLetter });
    const results = ["a1", "a2", "b1", "c1", "a3", "d1", "e1"].map((item) => submit(item));
    await held.releaseNext();
    expect(held.batches[1]).toEqual(["a2", "b1", "c1"]);
    await held.releaseNext();
    expect(held.batches[2]).toEqual(["a3", "d1", "e1"]);
    await held.releaseNext();
    await expect(Promise.all(results)).resolves.toHaveLength(7);
  });

  it("gives every item of a failed batch its error, and goes on with the next batch", async () => {
    let calls = 0;
    const submit = groupCommit({
      maxBatch: 10,
      run: async (items: string[]) => {
        calls++;
        if (items.includes("bad")) throw new Error("the database said no");
        return items.map((i) => i.toUpperCase());
      },
    });
    const first = submit("ok");
    const [bad, alongside, later] = [submit("bad"), submit("alongside"), submit("later")];
    await expect(first).resolves.toBe("OK");
    await expect(bad).rejects.toThrow("the database said no");
    await expect(alongside).rejects.toThrow("the database said no");
    await expect(later).rejects.toThrow("the database said no");
    await expect(submit("after")).resolves.toBe("AFTER");
    expect(calls).toBe(3);
  });

  it("refuses a runner that answers some items and forgets others", async () => {
    const submit = groupCommit({ maxBatch: 10, run: async () => [] as string[] });
    await expect(submit("a")).rejects.toThrow("A batch of 1 returned 0 results.");
  });

  it("runs as many batches at once as it is allowed, each forming from what has arrived", async () => {
    const held = heldRunner();
    const submit = groupCommit({ run: held.run, maxBatch: 10, concurrency: () => 2 });
    const results = ["a", "b", "c", "d"].map((item) => submit(item));
    expect(held.batches).toEqual([["a"], ["b"]]);
    await held.releaseNext();
    expect(held.batches).toEqual([["a"], ["b"], ["c", "d"]]);
    await held.releaseNext();
    await held.releaseNext();
    await expect(Promise.all(results)).resolves.toEqual(["saved a", "saved b", "saved c", "saved d"]);
  });
});
