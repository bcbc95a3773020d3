import http from "node:http";
import { performance } from "node:perf_hooks";

// A screen following /events/<id>/live, as cheap as possible so a thousand fit in one process:
// it reads each frame's id (the state's version) and keeps the JSON only when asked to.
//
// Interface:
//   openLiveStream(url, { agent, keepState?, timeoutMs? }) -> LiveStream, once the first state arrived
//   stream.version / stream.state (keepState only) / stream.receivedAt (performance.now())
//   stream.nextAbove(version, timeoutMs)  -> when (performance.now()) a newer state arrived
//   stream.close()

interface Waiter {
  above: number;
  resolve: (at: number) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class LiveStream {
  version = -1;
  receivedAt = 0;
  state: unknown = null;
  private waiters = new Set<Waiter>();
  private buffer = "";
  private request: http.ClientRequest | null = null;

  constructor(private readonly keepState: boolean) {}

  attach(request: http.ClientRequest) {
    this.request = request;
  }

  take(chunk: string) {
    const at = performance.now();
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) !== -1) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.frame(frame, at);
    }
  }

  private frame(frame: string, at: number) {
    // why: a thousand of these share one thread with the clock; read the id line, skip the rest.
    const idLine = /^id: (\d+)$/m.exec(frame.slice(0, 64));
    const id = idLine ? Number(idLine[1]) : null;
    const data = this.keepState ? (/^data: (.*)$/m.exec(frame)?.[1] ?? null) : null;
    if (id === null) return;
    this.version = id;
    this.receivedAt = at;
    if (data !== null) this.state = JSON.parse(data);
    for (const waiter of [...this.waiters]) {
      if (id > waiter.above) {
        clearTimeout(waiter.timer);
        this.waiters.delete(waiter);
        waiter.resolve(at);
      }
    }
  }

  nextAbove(version: number, timeoutMs: number): Promise<number> {
    if (this.version > version) return Promise.resolve(this.receivedAt);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        above: version,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(new Error(`no state newer than ${version} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  fail(error: Error) {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters.clear();
  }

  close() {
    this.fail(new Error("stream closed"));
    this.request?.destroy();
  }
}

export function openLiveStream(
  url: string,
  options: { agent: http.Agent; keepState?: boolean; timeoutMs?: number },
): Promise<LiveStream> {
  const stream = new LiveStream(options.keepState ?? false);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stream.close();
      reject(new Error(`no first state from ${url} within ${options.timeoutMs ?? 15_000} ms`));
    }, options.timeoutMs ?? 15_000);
    const request = http.get(url, { agent: options.agent, headers: { Accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200 || !String(response.headers["content-type"]).startsWith("text/event-stream")) {
        clearTimeout(timer);
        response.resume();
        reject(new Error(`${url} answered ${response.statusCode} ${response.headers["content-type"]}`));
        return;
      }
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => stream.take(chunk));
      response.on("close", () => stream.fail(new Error("the server closed the stream")));
      stream.nextAbove(-1, options.timeoutMs ?? 15_000).then(
        () => {
          clearTimeout(timer);
          resolve(stream);
        },
        (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
    request.on("error", (error) => {
      clearTimeout(timer);
      stream.fail(error);
      reject(error);
    });
    stream.attach(request);
  });
}
