// Work that only needs doing once more after the latest change, not once per change: while a
// run for a key is going, any number of further calls for that key fold into one more run
// after it. Screens are told that scores changed this way: a hundred scores in a second need a
// few announcements, not a hundred, and no phone's answer waits for one.
//
// Interface:
//   coalesce(run, onError) -> { trigger(key), drain() }
//     trigger(key)   starts run(key) now, or once more after the run going on for that key
//     drain()        resolves when no run is going or due (shutdown, tests)
//   A run that throws is passed to onError; later triggers run again as usual.

export function coalesce(run: (key: string) => Promise<void>, onError: (key: string, error: unknown) => void) {
  const again = new Map<string, boolean>();
  const going = new Set<Promise<void>>();

  async function loop(key: string) {
    do {
      again.set(key, false);
      try {
        await run(key);
      } catch (error) {
        onError(key, error);
      }
    } while (again.get(key));
    again.delete(key);
  }

  return {
    trigger(key: string) {
      if (again.has(key)) {
        again.set(key, true);
        return;
      }
      const running = loop(key).finally(() => going.delete(running));
      going.add(running);
    },
    async drain() {
      while (going.size > 0) await Promise.all(going);
    },
  };
}
