// The address that links and QR codes shown in a browser point at. A phone can open a link only
// if it names an address that serves this app, and the one address known to serve it is the one
// the browser just used. So a page takes its origin from the request (the Host header, checked
// against a strict host syntax), unless APP_URL names a real, non-loopback public address.
// Emails never use this: nobody is at the other end of an email's request, so they use APP_URL.
//
// Interface:
//   publicOrigin({ appUrl, host, protocol, forwardedHost, forwardedProto, trustProxy }) -> "http://host:port"
//   safeHost(value)         -> "host[:port]" lower-cased, or null when it is not a plain host
//   isLoopbackUrl(url)      -> true for localhost, 127.x.x.x, ::1 (addresses only this machine reaches)
//
// A hostile Host header (`evil.example`) gets links to evil.example on that one response: that
// is the name the browser itself used to reach us (a DNS name pointed at us, or a proxy), so the
// links are no worse than the address bar. Anything that is not a plain host (spaces, a path,
// user info, over 255 characters, a bad port) is ignored and APP_URL is used instead.

const HOST_MAX = 255;
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);
const IPV6 = /^\[[0-9a-f:.]{2,45}\]$/;

/** "host[:port]" if `value` is exactly a host name, IPv4 address or bracketed IPv6 address, with an optional port. */
export function safeHost(value: string | null | undefined): string | null {
  if (!value) return null;
  const host = value.trim().toLowerCase();
  if (host.length === 0 || host.length > HOST_MAX) return null;
  const match = /^(\[[^\]]*\]|[^:]+)(?::(\d{1,5}))?$/.exec(host);
  if (!match) return null;
  const [, name, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return null;
  if (!(IPV6.test(name) || NAME.test(name))) return null;
  return host;
}

const LOOPBACK_NAMES = new Set(["localhost", "[::1]", "0.0.0.0", "[::]"]);

/** True when the URL's host is one only this machine can reach (a phone cannot open it). */
export function isLoopbackUrl(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return true;
  }
  return LOOPBACK_NAMES.has(hostname) || hostname.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

export interface OriginInputs {
  /** APP_URL as configured (the default is a loopback address). */
  appUrl: string;
  /** The Host header of the request. */
  host: string | null;
  /** The protocol the request came in on, as the server saw it ("http" or "https"). */
  protocol: string;
  forwardedHost?: string | null;
  forwardedProto?: string | null;
  /** TRUST_PROXY=on: only then do X-Forwarded-Host and X-Forwarded-Proto count. */
  trustProxy: boolean;
}

function scheme(value: string | null | undefined): "http" | "https" | null {
  const first = value?.split(",")[0].trim().toLowerCase().replace(/:$/, "");
  return first === "http" || first === "https" ? first : null;
}

/** The origin ("http://host:port", no trailing slash) for absolute links shown in a browser. */
export function publicOrigin(inputs: OriginInputs): string {
  const configured = new URL(inputs.appUrl).origin;
  if (!isLoopbackUrl(configured)) return configured;
  const forwarded = inputs.trustProxy ? safeHost(inputs.forwardedHost?.split(",")[0]) : null;
  const host = forwarded ?? safeHost(inputs.host);
  if (!host) return configured;
  const proto = (inputs.trustProxy ? scheme(inputs.forwardedProto) : null) ?? scheme(inputs.protocol) ?? "http";
  return new URL(`${proto}://${host}`).origin;
}

/** Whether phones can open the links an organiser's page shows, and what to do if not. */
export interface PageReach {
  /** The origin the links on this page use (the address this browser reached us at). */
  shown: string;
  /** The page's own links name an address only this machine can open. */
  shownLoopback: boolean;
  /** Addresses on this machine that phones on the same network can open, for the same port. */
  lanUrls: string[];
  /** APP_URL too is loopback, so emailed invites will not open on phones either. */
  emailsLoopback: boolean;
}
