import { coalesce } from "./coalesce";

// A run we finish by hand, so the test decides what happens while one is going.
function manualRuns() {
  const started: string[] = [];
  const finishers: Array<(error?: Error) => void> = [];
  const run = (key: string) =>
    new Promise<void>((resolve, reject) => {
      started.push(key);
      finishers.push((error) => (error ? reject(error) : resolve()));
    });
  const finishNext = async (error?: Error) => {
    finishers.shift()?.(error);
    // why: let the loop see the finish and start its next run, if one is due.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { started, run, finishNext };
}

describe("coalesce", () => {
  it("runs at once when nothing is going", () => {
    const runs = manualRuns();
    const announce = coalesce(runs.run, () => undefined);
    announce.trigger("event-1");
    expect(runs.started).toEqual(["event-1"]);
  });

  it("folds every trigger during a run into one more run after it", async () => {
    const runs = manualRuns();
    const announce = coalesce(runs.run, () => undefined);
    announce.trigger("event-1");
    for (let i = 0; i < 50; i++) announce.trigger("event-1");
    expect(runs.started).toEqual(["event-1"]);
    await runs.finishNext();
    expect(runs.started).toEqual(["event-1", "event-1"]);
    await runs.finishNext();
    expect(runs.started).toHaveLength(2);
    await announce.drain();
  });

  it("keeps keys apart", async () => {
    const runs = manualRuns();
    const announce = coalesce(runs.run, () => undefined);
    announce.trigger("event-1");
    announce.trigger("event-2");
    announce.trigger("event-1");
    expect(runs.started).toEqual(["event-1", "event-2"]);
    await runs.finishNext();
    expect(runs.started).toEqual(["event-1", "event-2", "event-1"]);
  });

  it("reports a failed run and still runs the next trigger", async () => {
    const runs = manualRuns();
    const failures: string[] = [];
    const announce = coalesce(runs.run, (key, error) => failures.push(`${key}: ${(error as Error).message}`));
    announce.trigger("event-1");
    await runs.finishNext(new Error("connection lost"));
    expect(failures).toEqual(["event-1: connection lost"]);
    announce.trigger("event-1");
    expect(runs.started).toEqual(["event-1", "event-1"]);
  });

  it("drains only when the run due after the current one has finished too", async () => {
    const runs = manualRuns();
    const announce = coalesce(runs.run, () => undefined);
    announce.trigger("event-1");
    announce.trigger("event-1");
    let drained = false;
    const draining = announce.drain().then(() => (drained = true));
    await runs.finishNext();
    expect(drained).toBe(false);
    await runs.finishNext();
    await draining;
    expect(drained).toBe(true);
  });
});
