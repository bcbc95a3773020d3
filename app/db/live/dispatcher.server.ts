// Local fan-out shared by every live bus: listeners per event, newest version wins.
//
// Versions are audit sequence numbers (every live change is audited in the transaction that
// makes it, and the audit chain is written one transaction at a time), so they grow in commit
// order. A signal older than one already delivered for the same event is dropped: whoever
// listens re-reads the whole state, which already includes the older change.

export interface LiveSignal {
  eventId: string;
  version: number;
  /** "resync": the bus may have missed changes (a dropped connection); re-read the state. */
  reason: "change" | "resync";
}

export type LiveListener = (signal: LiveSignal) => void;

export class Dispatcher {
  private listeners = new Map<string, Set<LiveListener>>();
  private latest = new Map<string, number>();

  constructor(private readonly onError: (error: unknown) => void = (error) => console.error("Live listener failed:", error)) {}

  get size() {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  add(eventId: string, listener: LiveListener): () => void {
    const set = this.listeners.get(eventId) ?? new Set<LiveListener>();
    set.add(listener);
    this.listeners.set(eventId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(eventId) === set) this.listeners.delete(eventId);
    };
  }

  /** Delivers a change unless a newer one for the event was already delivered. */
  deliver(eventId: string, version: number) {
    const last = this.latest.get(eventId);
    if (last !== undefined && version <= last) return false;
    this.latest.set(eventId, version);
    this.emit({ eventId, version, reason: "change" });
    return true;
  }

  /** Tells every listener to re-read its event's state. */
  resyncAll() {
    for (const eventId of [...this.listeners.keys()]) {
      this.emit({ eventId, version: this.latest.get(eventId) ?? 0, reason: "resync" });
    }
  }

  clear() {
    this.listeners.clear();
  }

  private emit(signal: LiveSignal) {
    for (const listener of [...(this.listeners.get(signal.eventId) ?? [])]) {
      try {
        listener(signal);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

/** One process's view of the live bus (memory, or PostgreSQL LISTEN/NOTIFY in notify-bus.server.ts). */
export interface LiveBus {
  kind: "memory" | "postgres-notify";
  publish(eventId: string, version: number): Promise<void>;
  subscribe(eventId: string, listener: LiveListener): () => void;
  /** Resolves once this bus hears other instances (immediately for the memory bus). */
  ready(): Promise<void>;
  close(): Promise<void>;
}
