import { randomBytes } from "node:crypto";

// Headers every response carries. The Content-Security-Policy is enforced (not report-only)
// and allows only scripts carrying this response's nonce.

export function createNonce() {
  return randomBytes(16).toString("base64");
}

export function securityHeaders(nonce: string, { production }: { production: boolean }) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  } as Record<string, string>;
}

/**
 * A state-changing request must come from our own pages. Browsers send Origin on every
 * POST; a request that names another origin (or says it is cross-site) is refused.
 */
export function isCrossSiteWrite(request: {
  method: string;
  origin?: string;
  secFetchSite?: string;
  host?: string;
  protocol: string;
}) {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return false;
  if (request.origin) {
    if (request.origin === "null") return true;
    try {
      return new URL(request.origin).host !== request.host;
    } catch {
      return true;
    }
  }
  return request.secFetchSite === "cross-site";
}
