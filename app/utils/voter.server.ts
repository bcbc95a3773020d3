import { randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { isProduction } from "~/utils/env.server";

// An audience member has no account: their phone is known by a random voter key in an HttpOnly
// cookie (the database keeps only a per-event hash of it, see app/models/audience.server.ts).
// With printed tickets, the ticket's code binds the ballot on first use; the key then keeps that
// ballot on this phone. The key never comes from a form field.
//
// Interface:
//   voterKeyFrom(request)   -> the phone's key, or null before its first vote
//   ensureVoterKey(request) -> { voterKey, setCookie }  setCookie is null when the phone had one

const voterCookie = createCookie("pd_voter", {
  httpOnly: true,
  sameSite: "lax",
  path: "/vote",
  maxAge: 30 * 86_400,
  get secure() {
    return isProduction();
  },
});

const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export async function voterKeyFrom(request: Request): Promise<string | null> {
  try {
    const value: unknown = await voterCookie.parse(request.headers.get("Cookie"));
    return typeof value === "string" && KEY_PATTERN.test(value) ? value : null;
  } catch {
    return null;
  }
}

export async function ensureVoterKey(request: Request): Promise<{ voterKey: string; setCookie: string | null }> {
  const existing = await voterKeyFrom(request);
  if (existing) return { voterKey: existing, setCookie: null };
  const voterKey = randomBytes(32).toString("base64url");
  return { voterKey, setCookie: await voterCookie.serialize(voterKey) };
}
