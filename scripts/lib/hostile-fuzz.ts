import { gzipSync } from "node:zlib";
import type { HostileRequest } from "./hostile-http";

// Hostile requests from a seeded random source (the same seed gives the same requests): every
// form action and every address with an id, with odd ids, odd fields, odd values, odd types,
// framings and encodings. Nothing here is meant to succeed; the server must only never fail.
//
// Interface:
//   seededRandom(seed)                      -> () => [0, 1)
//   ACTION_PATHS, PAGE_PATHS                 address templates (:event, :bid, :fund, :round, ...)
//   hostileRequest(random, ids, origin)      -> HostileRequest

export function seededRandom(seed: number) {
  let state = seed >>> 0;
  // mulberry32: small, fast, and good enough to spread requests over the space.
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Ids = Record<"event" | "bid" | "fund" | "round" | "slug" | "openSlug" | "user" | "code", string>;

// Every route with an action. /logout and the account's own sign-out are left out so the
// signed-in half of the requests stays signed in; the admin page acts on another user.
export const ACTION_PATHS = [
  "/login", "/password/forgot", "/password/reset/:token", "/invite/:token", "/account",
  "/admin/users", "/admin/users/:user", "/rounds/:slug", "/rounds/:openSlug/apply", "/rounds/:slug/apply",
  "/bid/:token/edit", "/bid/:token/check", "/bid/:token/withdraw", "/bid/:token/accept", "/bid/:token/payout",
  "/panel/join/:token", "/panel/:event/conflicts", "/panel/:event/score/:bid", "/panel/:event/sheets/:bid",
  "/vote", "/vote/:code", "/vote/:code/ballot", "/staff/funds/new", "/staff/funds/:fund/edit",
  "/staff/funds/:fund/rounds/new", "/staff/rounds/:round/edit", "/staff/rounds/:round/events/new",
  "/staff/bids/:bid", "/staff/bids/:bid/personal-data", "/staff/events/:event", "/staff/events/:event/control",
  "/staff/events/:event/decisions", "/staff/events/:event/paper", "/staff/events/:event/tickets",
  "/staff/awards/:award", "/audit/checkpoints",
];

export const PAGE_PATHS = [
  "/results/:event", "/screen/:event", "/events/:event/state", "/staff/bids/:bid", "/staff/bids/:bid/personal-data.json",
  "/staff/funds/:fund", "/staff/funds/:fund/360giving.json", "/staff/funds/:fund/360giving.csv", "/staff/rounds/:round",
  "/staff/rounds/:round/bids", "/staff/rounds/:round/bids.csv", "/staff/rounds/:round/360giving.json",
  "/staff/events/:event/vote-qr.svg", "/staff/events/:event/tickets", "/staff/awards/:award/letter.pdf",
  "/audit/events/:event", "/audit/events/:event/report.pdf", "/audit/events/:event/scores.csv",
  "/audit/checkpoints/:checkpoint.json", "/admin/users/:user", "/bid/:token", "/bid/:token/letter.pdf",
  "/invite/:token", "/password/reset/:token", "/panel/join/:token", "/vote/:code", "/rounds/:slug",
  "/payout/:word", "/login?redirectTo=:redirect", "/staff/rounds/:round/bids?q=:text&status=:text", "/audit?actor=:text&action=:text",
];

const FIELD_NAMES = [
  "intent", "email", "password", "confirmPassword", "currentPassword", "newPassword", "redirectTo", "name", "title",
  "slug", "pot", "currency", "minAward", "maxAward", "funderName", "funderOrgId", "grantIdPrefix", "timeZone",
  "opensAt", "closesAt", "description", "eligibility", "startsAt", "venue", "pitchSeconds", "questionSeconds",
  "groupName", "projectTitle", "summary", "amountRequested", "budget.0.item", "budget.0.amount", "budget.99.item",
  "contactEmail", "reason", "note", "comment", "clientMutationId", "revision", "count", "bidIds", "bidId",
  "panellistId", "slotId", "direction", "decision", "amount", "conditions", "paidOn", "reference", "method",
  "code", "ticket", "agree", "declaration", "signedName", "checkpoint", "roles", "inviteId", "from", "website",
  "criteria.0.name", "criteria.0.weight", "items.x", "overrideReason", "confirm", "feedback", "quorum",
];
const INTENTS = ["save", "draft", "continue", "add-line", "invite", "create", "start", "next", "pause", "extend", "decide", "award", "pay", "approve", "verify", "remove", "move", "", "x"];

const HOSTILE_IDS = [
  "%00", "a%00b", "%00%00%00", "..", "%2e%2e", "..%2F..%2Fetc%2Fpasswd", "%ZZ", "%E0%A4%A", "%F0%9F%98%80", "%C0%AF",
  "' OR 1=1 --", "%27%20OR%201%3D1%20--", "%0D%0ASet-Cookie:%20x=1", "%E2%80%AE", "cmxc3fb4f001vj87dss5503h7%00",
  "x".repeat(300), "a".repeat(5000), "0", "-1", "null", "undefined", "%20", "%09", "~", "CON", "%5C%5Cevil",
];

const HOSTILE_TEXTS = [
  "", " ", "\u0000", "a\u0000b", "\u0000".repeat(100), "\u0007\u0008\u001b[31m", "\u007f\u0085\u009f", "\r\n\r\n", "\t",
  "\ud800", "\udfff", "\ufeff", "\u202e evil", "😀".repeat(50), "e\u0301", "<script>alert(1)</script>", "' OR '1'='1",
  "'; DROP TABLE \"Bid\"; --", "${7*7}", "{{7*7}}", "../../etc/passwd", "%00", "%ZZ", "NaN", "Infinity", "-0", "1e308",
  "9".repeat(400), "-9999999999999999999", "0x10", "2027-02-30T25:61", "0000-00-00", "99999-12-31T23:59",
  "£1,000.00", "1,2,3", "true", "null", "[]", "{}", "a@b", "x@y.z".repeat(60), "/\t/evil.example", "//evil.example",
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function int(random: () => number, min: number, max: number) {
  return min + Math.floor(random() * (max - min + 1));
}

function hostileText(random: () => number): string {
  const roll = random();
  if (roll < 0.55) return pick(random, HOSTILE_TEXTS);
  if (roll < 0.8) return Array.from({ length: int(random, 0, 40) }, () => String.fromCharCode(int(random, 0, 0x2fff))).join("");
  if (roll < 0.95) return "x".repeat(int(random, 100, 8_000));
  return "y".repeat(int(random, 190_000, 210_000));
}

/** Every byte of the UTF-8 percent-encoded (a lone surrogate becomes U+FFFD, as a browser sends it). */
function percentEncoded(text: string) {
  return [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
}

function fillPath(template: string, ids: Ids, random: () => number, hostileId: boolean): string {
  const token = () => Array.from({ length: 43 }, () => pick(random, [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789-_"])).join("");
  return template.replace(/:(\w+)/g, (_, name: string) => {
    if (hostileId && random() < 0.5) return pick(random, HOSTILE_IDS);
    switch (name) {
      case "token": return token();
      case "award": return "cmxc3fb4f001vj87dss5503h7";
      case "checkpoint": return "0b7f9f0e-5d1c-4f4e-9a57-2f2b1c0f7a11";
      case "word": return pick(random, ["done", "expired", "x"]);
      case "redirect": return percentEncoded(hostileText(random).slice(0, 200));
      case "text": return percentEncoded(hostileText(random).slice(0, 500));
      default: return (ids as Record<string, string>)[name] ?? name;
    }
  });
}

function fields(random: () => number): [string, string][] {
  const out: [string, string][] = [["intent", pick(random, INTENTS)]];
  for (let i = int(random, 0, 12); i > 0; i--) {
    out.push([random() < 0.9 ? pick(random, FIELD_NAMES) : hostileText(random).slice(0, 50), hostileText(random)]);
  }
  if (random() < 0.08) {
    const name = pick(random, FIELD_NAMES);
    for (let i = int(random, 200, 3_000); i > 0; i--) out.push([name, ""]);
  }
  return out;
}

function urlencoded(pairs: [string, string][]) {
  const params = new URLSearchParams();
  for (const [name, value] of pairs) params.append(name, value);
  return params.toString();
}

function multipart(pairs: [string, string][], boundary: string) {
  const parts = pairs.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, "")}"\r\n\r\n${value}\r\n`);
  return `${parts.join("")}--${boundary}--\r\n`;
}

/** One hostile request: a form action most of the time, a page with an odd id otherwise. */
export function hostileRequest(random: () => number, ids: Ids, origin: string): HostileRequest {
  const page = random() < 0.25;
  const path = fillPath(pick(random, page ? PAGE_PATHS : ACTION_PATHS), ids, random, random() < 0.3);
  const headers: Record<string, string> = { Origin: origin };
  if (page) return { method: pick(random, ["GET", "GET", "GET", "HEAD", "OPTIONS"]), path, headers };

  const pairs = fields(random);
  const roll = random();
  let body: string | Buffer;
  if (roll < 0.7) {
    headers["Content-Type"] = pick(random, ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded;charset=UTF-8", "APPLICATION/X-WWW-FORM-URLENCODED", "application/x-www-form-urlencoded; charset=latin1"]);
    body = random() < 0.1 ? `${urlencoded(pairs)}&%ZZ=%E0%A4%A&=&&==&a=%` : urlencoded(pairs);
  } else if (roll < 0.82) {
    const boundary = `----pd${int(random, 0, 1e9)}`;
    const whole = multipart(pairs, boundary);
    const cut = random() < 0.3 ? whole.slice(0, int(random, 0, whole.length)) : whole;
    headers["Content-Type"] = random() < 0.15 ? "multipart/form-data" : `multipart/form-data; boundary=${random() < 0.1 ? "other" : boundary}`;
    body = cut;
  } else {
    headers["Content-Type"] = pick(random, ["application/json", "text/plain", "application/xml", "application/octet-stream", "", "multipart/mixed; boundary=x", "application/x-www-form-urlencoded\u0000"]).replace(/\u0000/g, "");
    if (!headers["Content-Type"]) delete headers["Content-Type"];
    body = random() < 0.5 ? JSON.stringify(Object.fromEntries(pairs)) : urlencoded(pairs);
  }
  if (random() < 0.05) {
    headers["Content-Encoding"] = pick(random, ["gzip", "deflate", "br", "identity, gzip"]);
    body = gzipSync(Buffer.from(body));
  }
  if (random() < 0.1) headers["Transfer-Encoding"] = "chunked";
  const method = random() < 0.9 ? "POST" : pick(random, ["PUT", "PATCH", "DELETE"]);
  return { method, path, headers, body };
}
