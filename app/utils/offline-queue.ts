// The phone's outbox for writes that must not be lost on a village hall's Wi-Fi: score sheets
// and audience ballots. Plain TypeScript with no library, because every phone downloads it.
//
// Interface:
//   createOfflineQueue(deps, options?) -> OfflineQueue     (deps injected so tests fake the world)
//   browserQueue()                     -> this page's queue on fetch + localStorage, resumed on load,
//                                         retried on the `online` event and when the page is shown
//   newClientId(crypto?)               -> a v4 UUID, also where crypto.randomUUID is missing
//                                         (it needs HTTPS, and a hall laptop may serve plain http)
//   OfflineQueue:
//     submit({ id, key, url, body })   keep it (deduplicated by id) and try to send it now
//     flush({ now? })                  send what is due, oldest first; `now` skips the back-off wait
//     pending(key?)                    what is still waiting to be sent
//     refusal(key) / dismiss(key)      the server's last refusal for a key (survives a reload)
//     refusalKeys()                    keys with a refusal not yet dismissed
//     subscribe(listener)              -> unsubscribe; listener(event) for every change
//
// Rules:
// - `id` is the client mutation id the server deduplicates on: the same id is one submission,
//   however often it is sent. The page keeps the id in the form and makes a new one only when
//   the answers change, so tapping Save twice, a retry and a replay after reload are one write.
// - One entry is sent at a time, oldest first, so two edits of one sheet arrive in order.
// - A network error, a timeout, 408, 429 or 5xx is "not sent yet": the entry stays and is tried
//   again after 1 s, 2 s, 4 s ... up to 30 s (with jitter, so sixty phones do not retry in step),
//   at once when the browser says it is back online, and on the next page load.
// - Any other answer is final: 2xx is "saved" (the reply is passed on), 4xx is a refusal (pitch
//   locked, a conflict declared, answers invalid): the entry leaves the queue and the server's
//   message is kept for the page to show, with the answers still on screen (no message: the
//   page says in its own language that the server did not accept it).
// - Storage that is full or forbidden (private browsing) degrades to memory for this page.

export interface Outbound {
  /** Client mutation id: the server treats every copy with this id as one submission. */
  id: string;
  /** What the submission is about ("score:<eventId>:<bidId>"), for the page that shows it. */
  key: string;
  url: string;
  /** application/x-www-form-urlencoded, exactly what the form would post without JavaScript. */
  body: string;
}

export interface Queued extends Outbound {
  attempts: number;
  queuedAt: number;
  nextAttemptAt: number;
}

export type Reply = Record<string, unknown>;

export interface Refusal {
  id: string;
  /** The server's words, already in the person's language; null when it gave none (the page says "not accepted"). */
  message: string | null;
  reply: Reply;
  body: string;
}

export type QueueEvent =
  | { type: "queued"; entry: Queued }
  | { type: "sending"; entry: Queued }
  | { type: "waiting"; entry: Queued; reason: "offline" | "network" | "server"; retryAt: number | null }
  | { type: "saved"; entry: Queued; reply: Reply }
  | { type: "refused"; entry: Queued; message: string | null; reply: Reply }
  | { type: "dismissed"; key: string };

export interface QueueDeps {
  fetch: (url: string, init: RequestInit) => Promise<Pick<Response, "ok" | "status" | "json">>;
  storage: Pick<Storage, "getItem" | "setItem"> | null;
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  isOnline: () => boolean;
  /** 0 <= x < 1, for jitter. */
  random: () => number;
}

export interface QueueOptions {
  storageKey?: string;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
}

export interface OfflineQueue {
  submit(outbound: Outbound): void;
  flush(options?: { now?: boolean }): Promise<void>;
  pending(key?: string): Queued[];
  refusal(key: string): Refusal | null;
  refusalKeys(): string[];
  dismiss(key: string): void;
  subscribe(listener: (event: QueueEvent) => void): () => void;
}

interface Stored {
  entries: Queued[];
  refusals: Record<string, Refusal>;
}

const RETRY_STATUSES = new Set([408, 425, 429]);

type Outcome = { kind: "saved"; reply: Reply } | { kind: "refused"; reply: Reply; message: string | null } | { kind: "retry"; reason: "network" | "server" };

export function createOfflineQueue(deps: QueueDeps, options: QueueOptions = {}): OfflineQueue {
  const storageKey = options.storageKey ?? "pitchday:outbox";
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const listeners = new Set<(event: QueueEvent) => void>();
  let memory: Stored = { entries: [], refusals: {} };
  let useStorage = deps.storage !== null;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let again = false;
  let skipWait = false;

  function load(): Stored {
    if (!useStorage || !deps.storage) return memory;
    try {
      const raw = deps.storage.getItem(storageKey);
      if (!raw) return { entries: [], refusals: {} };
      const parsed = JSON.parse(raw) as Partial<Stored>;
      return { entries: Array.isArray(parsed.entries) ? parsed.entries : [], refusals: parsed.refusals ?? {} };
    } catch {
      return memory;
    }
  }

  function save(state: Stored) {
    memory = state;
    if (!useStorage || !deps.storage) return;
    try {
      deps.storage.setItem(storageKey, JSON.stringify(state));
    } catch {
      // why: quota or private browsing; the page keeps working from memory until it is closed.
      useStorage = false;
    }
  }

  function emit(event: QueueEvent) {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error("Offline queue listener failed:", error);
      }
    }
  }

  function delayFor(attempts: number) {
    const full = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(full * (0.5 + deps.random() / 2));
  }

  function schedule(at: number) {
    if (timer !== null) deps.clearTimer(timer);
    timer = deps.setTimer(() => {
      timer = null;
      void flush();
    }, Math.max(0, at - deps.now()));
  }

  async function send(entry: Queued): Promise<Outcome> {
    const controller = typeof AbortController === "function" ? new AbortController() : null;
    const timeout = deps.setTimer(() => controller?.abort(), timeoutMs);
    try {
      const response = await deps.fetch(entry.url, {
        method: "POST",
        body: entry.body,
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8", Accept: "application/json" },
        signal: controller?.signal,
      });
      if (response.status >= 500 || RETRY_STATUSES.has(response.status)) return { kind: "retry", reason: "server" };
      let reply: Reply = {};
      try {
        const parsed: unknown = await response.json();
        if (parsed && typeof parsed === "object") reply = parsed as Reply;
      } catch {
        // why: a proxy's HTML error page or an empty body; the status still says what happened.
      }
      if (response.ok) return { kind: "saved", reply };
      const message = typeof reply.message === "string" && reply.message ? reply.message : null;
      return { kind: "refused", reply, message };
    } catch {
      return { kind: "retry", reason: "network" };
    } finally {
      deps.clearTimer(timeout);
    }
  }

  async function drain() {
    for (;;) {
      const state = load();
      const head = state.entries[0];
      if (!head) return;
      if (!deps.isOnline()) {
        // why: the `online` event (or the next page load) flushes again; no timer needed.
        for (const entry of state.entries) emit({ type: "waiting", entry, reason: "offline", retryAt: null });
        return;
      }
      const now = deps.now();
      if (skipWait) skipWait = false;
      else if (head.nextAttemptAt > now) {
        schedule(head.nextAttemptAt);
        for (const entry of state.entries) emit({ type: "waiting", entry, reason: "network", retryAt: head.nextAttemptAt });
        return;
      }
      emit({ type: "sending", entry: head });
      const outcome = await send(head);
      const after = load();
      if (outcome.kind === "retry") {
        const attempts = head.attempts + 1;
        const retryAt = deps.now() + delayFor(attempts);
        const updated = { ...head, attempts, nextAttemptAt: retryAt };
        const entries = after.entries.map((e) => (e.id === head.id ? updated : e));
        save({ ...after, entries });
        schedule(retryAt);
        for (const entry of entries) emit({ type: "waiting", entry, reason: outcome.reason, retryAt });
        return;
      }
      const entries = after.entries.filter((e) => e.id !== head.id);
      const refusals = { ...after.refusals };
      if (outcome.kind === "refused") refusals[head.key] = { id: head.id, message: outcome.message, reply: outcome.reply, body: head.body };
      else if (refusals[head.key]?.id === head.id) delete refusals[head.key];
      save({ entries, refusals });
      if (outcome.kind === "saved") emit({ type: "saved", entry: head, reply: outcome.reply });
      else emit({ type: "refused", entry: head, message: outcome.message, reply: outcome.reply });
    }
  }

  function flush(flushOptions: { now?: boolean } = {}): Promise<void> {
    if (flushOptions.now) skipWait = true;
    if (running) {
      again = true;
      return running;
    }
    if (timer !== null) {
      deps.clearTimer(timer);
      timer = null;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await drain();
        } while (again);
      } finally {
        running = null;
        skipWait = false;
      }
    })();
    return running;
  }

  function submit(outbound: Outbound) {
    const state = load();
    const refusals = { ...state.refusals };
    delete refusals[outbound.key];
    const existing = state.entries.find((e) => e.id === outbound.id);
    if (existing) {
      // why: the same id is the same submission (a second tap, a retry): keep its place in line.
      save({ ...state, refusals });
      emit({ type: "queued", entry: existing });
      void flush({ now: true });
      return;
    }
    const now = deps.now();
    const entry: Queued = { ...outbound, attempts: 0, queuedAt: now, nextAttemptAt: now };
    save({ entries: [...state.entries, entry], refusals });
    emit({ type: "queued", entry });
    void flush({ now: true });
  }

  return {
    submit,
    flush,
    pending: (key) => load().entries.filter((e) => key === undefined || e.key === key),
    refusal: (key) => load().refusals[key] ?? null,
    refusalKeys: () => Object.keys(load().refusals),
    dismiss(key) {
      const state = load();
      const refused = state.refusals[key];
      if (!refused) return;
      const refusals = { ...state.refusals };
      delete refusals[key];
      save({ ...state, refusals });
      emit({ type: "dismissed", key });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let pageQueue: OfflineQueue | null = null;

/** The queue for this page, created once; it resumes anything a previous page left unsent. */
export function browserQueue(): OfflineQueue {
  if (pageQueue) return pageQueue;
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  const queue = createOfflineQueue({
    fetch: (url, init) => window.fetch(url, init),
    storage,
    now: () => Date.now(),
    setTimer: (run, ms) => window.setTimeout(run, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
    isOnline: () => navigator.onLine !== false,
    random: Math.random,
  });
  window.addEventListener("online", () => void queue.flush({ now: true }));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void queue.flush({ now: true });
  });
  pageQueue = queue;
  void queue.flush();
  return queue;
}

type RandomSource = { getRandomValues(array: Uint8Array): Uint8Array; randomUUID?: () => string };

export function newClientId(source: RandomSource = globalThis.crypto): string {
  if (typeof source.randomUUID === "function") return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The form's answers as the body a plain form post would send. */
export function formBody(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form).entries()) if (typeof value === "string") params.append(name, value);
  return params.toString();
}
