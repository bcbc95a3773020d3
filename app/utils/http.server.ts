import { env } from "~/utils/env.server";

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

/** An absolute link for emails and QR codes. */
export function appUrl(path: string) {
  return new URL(path, env().APP_URL).toString();
}
