import { createCookie, redirect } from "@remix-run/node";
import { can, type Permission, type Subject } from "~/domain/permissions";
import { SESSION_DAYS, createSession, deleteSession, findSessionUser, type SessionUser } from "~/models/session.server";
import { DEVICE_DAYS } from "~/models/sign-in-throttle.server";
import { isProduction } from "~/utils/env.server";
import { clientAddress } from "~/utils/http.server";

// Identity comes from the session cookie only, never from a form field.

const sessionCookie = createCookie("pd_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  get secure() {
    return isProduction();
  },
});

// OWASP's device cookie: a random token the database knows (by digest) as a browser the account
// has signed in on with the right password. Sign-ins from it are throttled apart from everyone
// else's, so guessing an account's password elsewhere never slows its owner down here.
const deviceCookie = createCookie("pd_device", {
  httpOnly: true,
  sameSite: "lax",
  path: "/login",
  maxAge: DEVICE_DAYS * 86_400,
  get secure() {
    return isProduction();
  },
});

/** The browser's device token, if it sent a plausible one (the database decides whether it counts). */
export async function readDeviceToken(request: Request): Promise<string | null> {
  const value = await deviceCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[\w-]{20,100}$/.test(value) ? value : null;
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  const token = await readToken(request);
  return token ? findSessionUser(token) : null;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** Signed in and allowed, or a 403 page that says what is missing. */
export async function requirePermission(request: Request, permission: Permission, subject?: Subject) {
  const user = await requireUser(request);
  if (!can(user, permission, subject)) {
    throw new Response(`Your account does not have permission for this (${permission}).`, {
      status: 403,
      statusText: "Forbidden",
    });
  }
  return user;
}

/**
 * Starts a session and redirects; only same-site paths are followed after login. A device
 * token (from a sign-in with the password) is kept in the browser as its device cookie.
 */
export async function signIn(request: Request, userId: string, redirectTo: string, deviceToken?: string) {
  const token = await createSession(userId, {
    userAgent: request.headers.get("User-Agent"),
    ipAddress: clientAddress(request),
  });
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie.serialize(token, { maxAge: SESSION_DAYS * 86_400 }));
  if (deviceToken) headers.append("Set-Cookie", await deviceCookie.serialize(deviceToken));
  return redirect(safeRedirect(redirectTo), { headers });
}

/** Ends this browser's session (if any is left) and forgets the cookie. */
export async function signOut(request: Request, redirectTo = "/") {
  const token = await readToken(request);
  if (token) await deleteSession(token);
  return redirect(safeRedirect(redirectTo, "/"), {
    headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) },
  });
}

/**
 * Where to go after signing in or out: a path on this site only. It must start with a single
 * "/" and hold nothing but printable ASCII; decoded, it must still start with a single "/" and
 * hold no backslash, space or control character (a browser drops a tab in "/\t/evil.example"
 * and goes to another site). Anything else gets the fallback, never an error.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/staff") {
  if (typeof to !== "string" || to.length > 2_000 || !/^\/[\x21-\x7E]*$/.test(to)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  for (const path of [to, decoded]) {
    if (!path.startsWith("/") || path.startsWith("//") || /[\\\s\u0000-\u001F\u007F-\u009F]/.test(path)) return fallback;
  }
  return new URL(to, "http://pitchday.invalid").origin === "http://pitchday.invalid" ? to : fallback;
}
