import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { rememberLang } from "~/i18n/language-cookie.server";
import { isLang } from "~/i18n/lang";
import { safeRedirect } from "~/requests/auth.server";

// The "Cymraeg / English" link on every page: a plain GET, so it works without JavaScript.
// It remembers the choice in a cookie and goes back to the page it came from (a path on this
// site only; anything else goes home).

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const lang = url.searchParams.get("lang");
  const back = safeRedirect(url.searchParams.get("redirectTo"), "/");
  if (!isLang(lang)) return redirect(back);
  return redirect(back, { headers: { "Set-Cookie": await rememberLang(lang), "Cache-Control": "no-store" } });
}
