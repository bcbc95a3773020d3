import http from "node:http";

// A plain node:http client for hostile requests (any method, header, body or framing, including
// a chunked body streamed until the server answers), and a watch on /healthz that keeps asking,
// one probe after another, while other requests run, and remembers the slowest answer.
//
// Interface:
//   hostileSend(baseUrl, request, { agent, timeoutMs }) -> { status, headers, text, ms, sentBytes }
//     status 0 and `error` when the connection failed before an answer
//   streamChunks(chunk, totalBytes)   a body source for hostileSend: sent chunked, stops on the answer
//   watchHealth(baseUrl)              -> { stop(): { probes, worstMs, failures } }

export interface HostileRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sent with Transfer-Encoding: chunked, chunk by chunk, until the server answers. */
  stream?: { chunk: Buffer; totalBytes: number };
}

export interface HostileReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  ms: number;
  sentBytes: number;
  error?: string;
}

export function hostileSend(baseUrl: string, request: HostileRequest, options: { agent?: http.Agent; timeoutMs?: number } = {}): Promise<HostileReply> {
  const started = performance.now();
  let sentBytes = 0;
  let answered = false;
  return new Promise((resolve) => {
    let done = false;
    const finish = (reply: Omit<HostileReply, "ms" | "sentBytes">) => {
      if (done) return;
      done = true;
      resolve({ ...reply, ms: performance.now() - started, sentBytes });
    };
    const headers = { ...request.headers };
    const framed = Object.keys(headers).some((name) => /^(content-length|transfer-encoding)$/i.test(name));
    // why: Node frames a body on DELETE or OPTIONS only when told its length.
    if (request.body !== undefined && !framed) headers["Content-Length"] = String(Buffer.byteLength(request.body));
    const outgoing = http.request(`${baseUrl}${request.path}`, {
      method: request.method,
      headers,
      agent: options.agent ?? false,
    });
    outgoing.setTimeout(options.timeoutMs ?? 20_000, () => outgoing.destroy(new Error("no answer in time")));
    outgoing.on("response", (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => finish({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", (error) => finish({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString("utf8"), error: error.message }));
    });
    outgoing.on("error", (error) => finish({ status: 0, headers: {}, text: "", error: error.message }));
    if (request.stream) {
      const { chunk, totalBytes } = request.stream;
      const pump = () => {
        while (!answered && !outgoing.destroyed && sentBytes < totalBytes) {
          sentBytes += chunk.length;
          if (!outgoing.write(chunk)) return void outgoing.once("drain", pump);
        }
        if (!outgoing.destroyed && !outgoing.writableEnded) outgoing.end();
      };
      pump();
    } else {
      if (request.body !== undefined) sentBytes = Buffer.byteLength(request.body);
      outgoing.end(request.body);
    }
  });
}

export function watchHealth(baseUrl: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let running = true;
  let probes = 0;
  let worstMs = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      const reply = await hostileSend(baseUrl, { method: "GET", path: "/healthz" }, { agent, timeoutMs: 10_000 });
      probes += 1;
      worstMs = Math.max(worstMs, reply.ms);
      if (reply.status !== 200) failures.push(`${reply.status} ${reply.error ?? reply.text.slice(0, 100)}`);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      return { probes, worstMs, failures };
    },
  };
}
