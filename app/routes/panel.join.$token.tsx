import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { translate } from "~/i18n/catalogue.server";
import { sayIn } from "~/i18n/errors.server";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { requestLang } from "~/i18n/language-cookie.server";
import { findInvite } from "~/models/panel-view.server";
import { claimInvite, panellistForDevice } from "~/models/panel.server";
import { deviceTokenFor, rememberDevice } from "~/requests/panel-device.server";

// The invite link from the organiser's email. Opening it shows who and what it is for; the
// button binds the invite to this phone (a device cookie) and goes to the panel page. Binding
// waits for the button, not the page load, because mail scanners open links in emails before
// people do and would otherwise take the invite. A phone that already holds this invite goes
// straight through; any other phone is refused.

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "panel.join.title") },
  // why: the address is a secret; keep it out of search engines.
  { name: "robots", content: "noindex, nofollow" },
];

/** Why the invite cannot be used on this phone: a message of the catalogue's "panel.join.refusal". */
type Refusal = { status: "BOUND" | "REVOKED" | "FINISHED" } | { message: string };

async function thisPhoneHolds(request: Request, eventId: string, panellistId: string) {
  const token = await deviceTokenFor(request, eventId);
  const panellist = token ? await panellistForDevice(token) : null;
  return panellist?.id === panellistId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invite = await findInvite(params.token ?? "");
  if (!invite) throw new Response(translate(await requestLang(request), "panel.join.notValid"), { status: 404, statusText: "Not Found" });
  if (invite.status === "BOUND" && (await thisPhoneHolds(request, invite.eventId, invite.panellistId))) {
    throw redirect(`/panel/${invite.eventId}`);
  }
  return {
    eventTitle: invite.eventTitle,
    name: invite.name,
    refusal: invite.status === "OPEN" ? null : ({ status: invite.status } as Refusal),
  };
}

type ActionResult = { refusal: Refusal };

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const lang = await requestLang(request);
  const invite = await findInvite(token);
  if (!invite) throw new Response(translate(lang, "panel.join.notValid"), { status: 404, statusText: "Not Found" });
  const claimed = await claimInvite(token, await deviceTokenFor(request, invite.eventId));
  if (claimed.ok) {
    return redirect(`/panel/${claimed.eventId}`, {
      headers: { "Set-Cookie": await rememberDevice(request, claimed.eventId, claimed.deviceToken) },
    });
  }
  // why: the model's words are right in general; a second phone gets the sentence organisers expect.
  const now = await findInvite(token);
  const refusal: Refusal = now && now.status !== "OPEN" ? { status: now.status } : { message: sayIn(lang, claimed.message) };
  return data<ActionResult>({ refusal }, { status: 409 });
}

export default function JoinPanel() {
  const { eventTitle, name, refusal: shown } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const refusal = posted?.refusal ?? shown;
  const t = useT();
  if (refusal) {
    return (
      <div className="phone">
        <span className="caption">{eventTitle}</span>
        <h1>{t("panel.join.cannot")}</h1>
        <div className="notice notice--warning" role="alert">
          <p>{"status" in refusal ? t("panel.join.refusal", { status: refusal.status }) : refusal.message}</p>
        </div>
        <p>{t("panel.join.newLink")}</p>
      </div>
    );
  }
  return (
    <div className="phone">
      <span className="caption">{eventTitle}</span>
      <h1>{t("panel.join.heading")}</h1>
      <p>{t("panel.join.invited", { event: eventTitle, name })}</p>
      <p>{t("panel.join.samePhone")}</p>
      <Form method="post">
        <button type="submit" className="button button--large">
          {t("panel.join.button")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
