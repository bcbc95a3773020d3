import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import type { IncomingHttpHeaders } from "node:http";
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import { bodyLimitFor, FORM_TYPES, mediaType, REQUEST_LIMITS, tooLargeMessage } from "../../app/utils/request-body.server";

// The server's half of the request-body layer (the routes' half is app/utils/request-body.server.ts):
// every body, whatever its framing (Content-Length or chunked), is read here into memory and cut
// at its path's limit (bodyLimitFor: REQUEST_LIMITS) before any route sees it; compressed bodies and types no route
// takes are refused (their bytes dropped, never kept). Remix then gets the bytes we kept.
//
// Interface:
//   readBody({ rawPaths })                 middleware: 413/415 plain text, else res.locals.body
//   remixHandler(build, mode, context)     Remix's request handler fed from res.locals.body

type Refusal = { status: 400 | 404 | 413 | 415; message: string };

/** Why a request cannot be taken before its body is read, or null. */
export function refusalBeforeBody(req: ExpressRequest, rawPaths: readonly string[]): Refusal | null {
  // why: an id or search with NUL would reach PostgreSQL, which cannot store it.
  const nul = req.originalUrl.search(/%00/i);
  if (nul >= 0) {
    const query = req.originalUrl.indexOf("?");
    return query >= 0 && nul > query
      ? { status: 400, message: "A search or link cannot contain a null character." }
      : { status: 404, message: "We could not find that page." };
  }
  if (!hasBody(req)) return null;
  const encoding = String(req.headers["content-encoding"] ?? "identity").trim().toLowerCase();
  if (encoding !== "identity") {
    // why refuse, not inflate: a few kilobytes of gzip can unpack to gigabytes, and browsers never compress a form.
    return { status: 415, message: "Send the body uncompressed: requests with Content-Encoding are not accepted." };
  }
  const raw = rawPaths.some((prefix) => req.path.startsWith(prefix));
  const { type } = mediaType(req.headers["content-type"] ?? null);
  if (!raw && !(FORM_TYPES as readonly string[]).includes(type)) {
    return { status: 415, message: `Pitchday takes forms sent as ${FORM_TYPES.join(" or ")}, not ${type || "a body without a type"}.` };
  }
  const limit = bodyLimitFor(req.path);
  if (Number(req.headers["content-length"] ?? 0) > limit) return { status: 413, message: tooLargeMessage(limit) };
  return null;
}

function hasBody(req: ExpressRequest) {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

// why drop the rest before answering: Node closes a connection whose request is unread once
// the answer is out, and a client still writing then gets a reset instead of our answer. So
// what is left of a refused body is read and dropped (never kept) until it ends, for LINGER_MS
// or LINGER_BYTES at most, and only then answered; a client that goes on past that is cut off.
const LINGER_MS = 2_000;
const LINGER_BYTES = 4 * REQUEST_LIMITS.photoBodyBytes;

function refuse(req: ExpressRequest, res: ExpressResponse, { status, message }: Refusal) {
  const answer = () => {
    if (!res.headersSent) res.status(status).type("text/plain").send(message);
  };
  if (req.complete) return answer();
  let dropped = 0;
  const done = () => {
    clearTimeout(timer);
    req.off("data", onData);
    req.off("end", done);
    answer();
  };
  const onData = (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) done();
  };
  const timer = setTimeout(done, LINGER_MS).unref();
  req.on("data", onData);
  req.once("end", done);
  req.resume();
}

export function readBody(options: { rawPaths: readonly string[] }) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const refusal = refusalBeforeBody(req, options.rawPaths);
    if (refusal) return refuse(req, res, refusal);
    res.locals.body = null;
    if (!hasBody(req)) return next();
    const limit = bodyLimitFor(req.path);
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limit) return void chunks.push(chunk);
      stop();
      refuse(req, res, { status: 413, message: tooLargeMessage(limit) });
    };
    const onEnd = () => {
      stop();
      res.locals.body = Buffer.concat(chunks, total);
      next();
    };
    // why: a client that hangs up mid-body gets no answer and leaves nothing behind.
    const onClose = () => stop();
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
  };
}

/** The web Request Remix wants, from the address and headers of `req` and the body we kept. */
function remixRequest(req: ExpressRequest, res: ExpressResponse, body: Buffer | null): Request | null {
  // why not @remix-run/express's createRemixRequest: it streams the body from the socket, which we have read.
  const host = (req.app.get("trust proxy") && req.get("X-Forwarded-Host")) || req.get("host") || "localhost";
  let url: URL;
  try {
    url = new URL(`${req.protocol}://${host}${req.originalUrl}`);
  } catch {
    return null;
  }
  const reading = req.method === "GET" || req.method === "HEAD";
  return new Request(url.href, {
    method: req.method,
    headers: remixHeaders(req.headers),
    ...(reading ? { signal: abortedOnHangUp(res) } : {}),
    ...(!reading && body !== null ? { body, duplex: "half" } : {}),
  } as RequestInit);
}

// why: a reader that hangs up stops its loader (an SSE stream, a page being rendered). A change
// (a score, a vote) is carried out whether or not its sender is still there to hear the answer,
// as its retry expects; and a Request given a signal costs a WeakRef and a FinalizationRegistry
// entry that keep all of it alive through minor garbage collections, on the hottest path.
function abortedOnHangUp(res: ExpressResponse): AbortSignal {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

function remixHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  return headers;
}

// As @remix-run/express sends it: event streams are flushed at once so screens connect.
async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

export function remixHandler(build: ServerBuild, mode: string, loadContext: (res: ExpressResponse) => Record<string, unknown>) {
  const handle = createRequestHandler(build, mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const request = remixRequest(req, res, res.locals.body as Buffer | null);
      if (!request) return refuse(req, res, { status: 400, message: "That address or Host header cannot be read." });
      await sendResponse(res, await handle(request, loadContext(res)));
    } catch (error) {
      next(error);
    }
  };
}
