import { env } from "~/utils/env.server";
import { publicOrigin } from "~/utils/public-origin";

/** The caller's address, for rate limits and session lists. Trusts X-Forwarded-For only behind a proxy. */
export function clientAddress(request: Request): string {
  if (env().TRUST_PROXY === "on") {
    const forwarded = request.headers.get("X-Forwarded-For");
    if (forwarded) return forwarded.split(",")[0].trim();
  }
  return request.headers.get("X-Pitchday-Remote-Address") ?? "unknown";
}

export function notFound(message = "We could not find that page.") {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

export function badRequest(message: string) {
  return new Response(message, { status: 400, statusText: "Bad Request" });
}

/** An absolute link for emails (always APP_URL: an email has no request to take an address from). */
export function appUrl(path: string) {
  return new URL(path, env().APP_URL).toString();
}

/** The origin a browser-facing link uses for this request (see utils/public-origin.ts). */
export function requestOrigin(request: Request): string {
  const e = env();
  return publicOrigin({
    appUrl: e.APP_URL,
    host: request.headers.get("Host"),
    protocol: new URL(request.url).protocol,
    forwardedHost: request.headers.get("X-Forwarded-Host"),
    forwardedProto: request.headers.get("X-Forwarded-Proto"),
    trustProxy: e.TRUST_PROXY === "on",
  });
}

/** An absolute link shown in this browser (a page, a QR code): it points where the browser reached us. */
export function publicUrl(request: Request, path: string) {
  return new URL(path, requestOrigin(request)).toString();
}
