import http from "node:http";

// A small HTTP client on node:http with keep-alive agents (fetch hides its connection pool and
// adds work of its own we do not want to measure), and signing in as staff through /login.
//
// Interface:
//   keepAliveAgent(maxSockets?)                        an agent that reuses loopback connections
//   send(agent, url, { method, headers, form, timeoutMs }) -> { status, headers, body }
//   cookieFrom(setCookie, name)                         "name=value" from Set-Cookie headers
//   signIn(baseUrl, email, password)                    the staff Cookie header, via POST /login

export function keepAliveAgent(maxSockets = 64) {
  return new http.Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 10_000 });
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface SendOptions {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  form?: Record<string, string | string[]>;
  timeoutMs?: number;
}

export function formBody(form: Record<string, string | string[]>) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) {
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  }
  return params.toString();
}

export function send(agent: http.Agent, url: string, options: SendOptions = {}): Promise<Reply> {
  const body = options.form ? formBody(options.form) : null;
  const headers: Record<string, string> = { ...options.headers };
  if (body !== null) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    headers["Content-Length"] = String(Buffer.byteLength(body));
  }
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? (body ? "POST" : "GET"), agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.setTimeout(options.timeoutMs ?? 15_000, () => request.destroy(new Error(`no answer from ${url} in time`)));
    request.on("error", reject);
    request.end(body ?? undefined);
  });
}

export function cookieFrom(setCookie: string[] | undefined, name: string): string | null {
  for (const header of setCookie ?? []) {
    const pair = header.split(";")[0];
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return null;
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const agent = keepAliveAgent(1);
  try {
    const reply = await send(agent, `${baseUrl}/login`, { form: { email, password, redirectTo: "/staff" } });
    const cookie = cookieFrom(reply.headers["set-cookie"], "pd_session");
    if (reply.status !== 302 || !cookie) throw new Error(`Signing in as ${email} failed (HTTP ${reply.status}).`);
    return cookie;
  } finally {
    agent.destroy();
  }
}
