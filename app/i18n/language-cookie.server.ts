import { createCookie } from "@remix-run/node";
import { isProduction } from "~/utils/env.server";
import { chooseLang, isLang, type Lang } from "./lang";

// The language a person chose with the "Cymraeg / English" link, kept for a year. Not HttpOnly
// would not help anyone (pages render on the server), so it is HttpOnly like every other cookie.

const languageCookie = createCookie("pd_lang", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 365 * 86_400,
  get secure() {
    return isProduction();
  },
});

async function chosen(request: Request): Promise<Lang | null> {
  try {
    const value: unknown = await languageCookie.parse(request.headers.get("Cookie"));
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

/** The request's language: the cookie's choice, else the browser's Accept-Language, else English. */
export async function requestLang(request: Request): Promise<Lang> {
  return chooseLang(await chosen(request), request.headers.get("Accept-Language"));
}

export function rememberLang(lang: Lang): Promise<string> {
  return languageCookie.serialize(lang);
}
