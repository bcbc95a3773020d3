import { useEffect, useState } from "react";
import { browserQueue } from "~/utils/offline-queue";

// Which pads a page must keep on screen: a score still waiting to be sent, or a refusal not yet
// read, is keyed "score:<event>:<bid>" in the offline queue.

export function scoreKey(eventId: string, bidId: string) {
  return `score:${eventId}:${bidId}`;
}

/** Keys with a score waiting to be sent or a refusal not yet read (empty until the page runs). */
export function useUnsettledScores(): Set<string> {
  const [keys, setKeys] = useState<Set<string>>(() => new Set());
  useEffect(() => {
    const queue = browserQueue();
    const read = () => {
      const next = new Set(queue.pending().map((entry) => entry.key));
      for (const key of queue.refusalKeys()) next.add(key);
      setKeys((current) => (current.size === next.size && [...next].every((k) => current.has(k)) ? current : next));
    };
    read();
    return queue.subscribe(read);
  }, []);
  return keys;
}
