import { createCookie } from "@remix-run/node";
import { translate } from "~/i18n/catalogue.server";
import { DEFAULT_LANG, type Lang } from "~/i18n/lang";
import { requestLang } from "~/i18n/language-cookie.server";
import { panellistForDevice } from "~/models/panel.server";
import { isProduction } from "~/utils/env.server";

// The panellist's phone is known by a device token in an HttpOnly cookie, given when the invite
// link was first opened on it (app/models/panel.server.ts keeps only its hash). It is the only
// way a panellist is identified: never a form field, never the invite link after the first use.
//
// Interface:
//   deviceTokenFor(request, eventId)            -> this phone's token for the event, or null
//   rememberDevice(request, eventId, token)     -> Set-Cookie header value adding the event's token
//   requirePanellist(request, eventId, { json }) -> { id, name, eventId } or throws a 403 (page or JSON)
//   notOnPanel({ json, lang })                  -> that 403, in the phone's language
//
// One cookie holds a token per event (a person can sit on the panels of two evenings with one
// phone), limited to the most recent few. Path /panel: the tokens go to no other pages.

const MAX_EVENTS = 8;
const MAX_AGE_SECONDS = 90 * 86_400;

const deviceCookie = createCookie("pd_panel", {
  httpOnly: true,
  sameSite: "lax",
  path: "/panel",
  maxAge: MAX_AGE_SECONDS,
  get secure() {
    return isProduction();
  },
});

type Devices = Record<string, string>;

async function readDevices(request: Request): Promise<Devices> {
  try {
    const value: unknown = await deviceCookie.parse(request.headers.get("Cookie"));
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}

export async function deviceTokenFor(request: Request, eventId: string): Promise<string | null> {
  return (await readDevices(request))[eventId] ?? null;
}

export async function rememberDevice(request: Request, eventId: string, deviceToken: string): Promise<string> {
  const devices = await readDevices(request);
  delete devices[eventId];
  const entries = [...Object.entries(devices), [eventId, deviceToken] as const].slice(-MAX_EVENTS);
  return deviceCookie.serialize(Object.fromEntries(entries));
}

/** The 403 a phone that is not on the event's panel gets: a page, or JSON for the offline queue. */
export function notOnPanel(options: { json?: boolean; lang?: Lang } = {}): Response {
  const message = translate(options.lang ?? DEFAULT_LANG, "panel.notOnPanel");
  return options.json ? Response.json({ ok: false, message }, { status: 403 }) : new Response(message, { status: 403, statusText: "Forbidden" });
}

export async function requirePanellist(request: Request, eventId: string | undefined, options: { json?: boolean } = {}) {
  const token = eventId ? await deviceTokenFor(request, eventId) : null;
  const panellist = token ? await panellistForDevice(token) : null;
  if (!panellist || panellist.eventId !== eventId) throw notOnPanel({ ...options, lang: await requestLang(request) });
  return { id: panellist.id, name: panellist.name, eventId: panellist.eventId };
}
