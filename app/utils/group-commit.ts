// Group commit: writes that arrive while one is being committed wait and are committed
// together, in one transaction, as soon as it finishes. A lone write goes at once (no timer, so
// a quiet hall sees no added latency); when a hundred phones send at the same moment, each
// transaction carries many of them and its round trips and commit are paid once for all.
//
// Interface:
//   groupCommit({ run, maxBatch, fits, concurrency }) -> submit(item): Promise<result>
//     run(items)          commits a batch; resolves to one result per item, in the same order.
//                         If it throws, every item in the batch gets that error.
//     maxBatch            most items in one batch
//     fits(batch, item)   whether item may join the batch (else it waits for the next one)
//     concurrency()       most batches in flight at once (1 unless given): asked each time one
//                         could start, so it can depend on what is known only later (the engine)
//
// Items keep their arrival order, and an item that does not fit the batch being formed is not
// overtaken by later items that would conflict with it (they cannot fit either, since fits()
// sees the batch, not the queue). Batches in flight together must be safe to run at once (the
// caller's locks see to that); fits() only keeps one batch free of conflicts within itself.

export interface GroupCommitOptions<I, O> {
  run(items: I[]): Promise<O[]>;
  maxBatch: number;
  fits?(batch: readonly I[], item: I): boolean;
  concurrency?(): number;
}

interface Waiting<I, O> {
  item: I;
  resolve(result: O): void;
  reject(error: unknown): void;
}

export function groupCommit<I, O>({ run, maxBatch, fits = () => true, concurrency = () => 1 }: GroupCommitOptions<I, O>) {
  let queue: Waiting<I, O>[] = [];
  let inFlight = 0;

  function takeBatch(): Waiting<I, O>[] {
    const batch: Waiting<I, O>[] = [];
    const items: I[] = [];
    const left: Waiting<I, O>[] = [];
    for (const waiting of queue) {
      if (batch.length < maxBatch && fits(items, waiting.item)) {
        batch.push(waiting);
        items.push(waiting.item);
      } else {
        left.push(waiting);
      }
    }
    queue = left;
    return batch;
  }

  async function commit(batch: Waiting<I, O>[]) {
    try {
      const results = await run(batch.map((b) => b.item));
      if (results.length !== batch.length) throw new Error(`A batch of ${batch.length} returned ${results.length} results.`);
      batch.forEach((b, i) => b.resolve(results[i]));
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }

  function pump() {
    while (queue.length > 0 && inFlight < Math.max(1, concurrency())) {
      const batch = takeBatch();
      inFlight += 1;
      void commit(batch).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  }

  return function submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
  };
}
