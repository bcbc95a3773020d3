import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLiveState } from "~/components/live/use-live-state";
import { PitchOnePage } from "~/components/pitch-one-page";
import { ScorePad } from "~/components/score-pad";
import { clockTime } from "~/domain/clock-time";
import { scoreFieldName, scoringNoteCase, scoringOpen } from "~/domain/panel-phone";
import { translate } from "~/i18n/catalogue.server";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { messageErrorsIn } from "~/i18n/errors.server";
import { requestLang } from "~/i18n/language-cookie.server";
import { say } from "~/i18n/said.server";
import { liveState } from "~/models/event.server";
import { panellistEvent, pitchOnePage } from "~/models/panel-view.server";
import { requirePanellist } from "~/requests/panel-device.server";
import { receiveScore, requireDeviceCookie } from "~/requests/score-submission.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// One pitch for a panellist: its one page and the score pad while scoring is open for it.
// The pad's plain form posts here (no JavaScript); with JavaScript it sends through the offline
// queue to /panel/<event>/sheets/<bid> instead and this action is not used.

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: pageTitle(matches, "score.page.title", { title: d ? d.pitch.projectTitle || d.pitch.reference : "" }) },
  { name: "robots", content: "noindex, nofollow" },
];

// why: a page restored by Back would carry a used submission id; always fetch a fresh one.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const panellist = await requirePanellist(request, routeParam(params, "eventId"));
  const [view, live] = await Promise.all([panellistEvent(panellist.id), liveState(panellist.eventId)]);
  const pitch = view?.pitches.find((p) => p.bidId === params.bidId);
  const onePage = pitch ? await pitchOnePage(panellist.eventId, pitch.bidId) : null;
  if (!view || !live || !pitch || !onePage) {
    throw new Response(translate(await requestLang(request), "score.page.notFound"), { status: 404, statusText: "Not Found" });
  }
  const sheet = pitch.sheet;
  const savedVersion = Number(new URL(request.url).searchParams.get("saved"));
  return {
    eventId: view.event.id,
    eventTitle: view.event.title,
    criteria: view.criteria,
    pitch: { bidId: pitch.bidId, slotId: pitch.slotId, reference: pitch.reference, projectTitle: pitch.projectTitle, lang: pitch.lang, recused: pitch.conflict !== null },
    onePage,
    saved: sheet ? { version: sheet.version, at: clockTime(new Date(sheet.submittedAt), view.event.timeZone) } : null,
    values: sheet ? Object.fromEntries([...sheet.items.map((i) => [scoreFieldName(i.criterionId), String(i.value)]), ["comment", sheet.comment]]) : {},
    clientMutationId: randomUUID(),
    justSaved: sheet !== null && sheet.version === savedVersion,
    live,
  };
}

type ActionResult = { errors: Record<string, string>; values: Record<string, string>; refusal: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const eventId = routeParam(params, "eventId");
  const bidId = routeParam(params, "bidId");
  const lang = await requestLang(request);
  const token = await requireDeviceCookie(request, eventId, { lang });
  const formData = await readForm(request);
  const outcome = await receiveScore({ token, eventId }, bidId, formData, { lang });
  if (outcome.kind === "saved") {
    throw formData.get("from") === "home"
      ? redirect(`/panel/${eventId}?saved=${encodeURIComponent(bidId)}`)
      : redirect(`/panel/${eventId}/score/${encodeURIComponent(bidId)}?saved=${outcome.version}`);
  }
  const values = Object.fromEntries(Object.entries(outcome.values).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  if (outcome.kind === "invalid") return data<ActionResult>({ errors: messageErrorsIn(lang, outcome.errors), values, refusal: null }, { status: 400 });
  return data<ActionResult>({ errors: {}, values, refusal: say(lang, outcome.message) }, { status: 409 });
}

export default function ScorePitch() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { state } = useLiveState(loaded.live);
  const [saved, setSaved] = useState(loaded.saved);
  const t = useT();
  const slot = state.slots.find((s) => s.id === loaded.pitch.slotId);
  const open = !loaded.pitch.recused && slot !== undefined && scoringOpen(state.event.state, slot.state);
  // why: after the questions start the pad stays, read-only once locked, to show the answers
  // given and any refusal of a late score beside them.
  const heard = slot !== undefined && slot.state !== "WAITING" && slot.state !== "PITCHING";
  const noteCase = slot ? scoringNoteCase(state.event.state, slot.state) : null;
  const note = loaded.pitch.recused ? t("panel.recused") : noteCase && t(`panel.note.${noteCase}`);
  const formErrors = posted?.errors ?? {};
  const general = formErrors.items ?? formErrors.clientMutationId ?? formErrors.form;
  const fieldErrors = Object.fromEntries(Object.entries(formErrors).filter(([name]) => name.startsWith("items.") || name === "comment"));

  return (
    <div className="phone">
      <p>
        <Link to={`/panel/${loaded.eventId}`}>{t("panel.back")}</Link>
      </p>
      <span className="caption">
        {loaded.eventTitle} · {loaded.pitch.reference}
      </span>
      <h1 lang={loaded.pitch.projectTitle ? loaded.pitch.lang : undefined}>{loaded.pitch.projectTitle || loaded.pitch.reference}</h1>
      <p>
        <strong className="tag">{t("panel.scoreStatus", { recused: loaded.pitch.recused ? "yes" : "no", version: saved?.version ?? 0 })}</strong>
      </p>
      {general ? (
        <div className="notice notice--error" role="alert">
          <p>{general}</p>
        </div>
      ) : null}
      {posted || (!loaded.pitch.recused && heard) ? (
        <ScorePad
          eventId={loaded.eventId}
          bidId={loaded.pitch.bidId}
          pitchTitle={loaded.pitch.projectTitle || loaded.pitch.reference}
          criteria={loaded.criteria}
          open={open}
          closedNote={note}
          saved={loaded.saved}
          values={posted?.values ?? loaded.values}
          clientMutationId={posted?.values.clientMutationId ?? loaded.clientMutationId}
          errors={fieldErrors}
          refusal={posted?.refusal ?? null}
          justSaved={loaded.justSaved}
          from="score"
          onSaved={setSaved}
        />
      ) : (
        <div className="notice" role="status">
          <p>{note}</p>
          {saved ? <p>{t("score.yourScore", { version: saved.version, at: saved.at })}</p> : null}
        </div>
      )}
      <h2>{t("score.theBid")}</h2>
      <PitchOnePage bid={loaded.onePage} headingLevel={3} />
      <p>
        <a href={`/panel/${loaded.eventId}/score/${loaded.pitch.bidId}`}>{t("score.refresh")}</a>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
