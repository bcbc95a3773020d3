import { randomUUID } from "node:crypto";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLiveState } from "~/components/live/use-live-state";
import { PhaseNotice } from "~/components/panel-phone/phase-notice";
import { PhoneHeading } from "~/components/panel-phone/phone-heading";
import { NowPitch } from "~/components/panel-phone/now-pitch";
import { PitchLists } from "~/components/panel-phone/pitch-lists";
import { useFreshOnePage } from "~/components/panel-phone/use-fresh-one-page";
import { useScoringNote } from "~/components/panel-phone/use-scoring-note";
import { PitchOnePage } from "~/components/pitch-one-page";
import { ScorePad, scoreKey, useUnsettledScores } from "~/components/score-pad";
import { clockTime } from "~/domain/clock-time";
import { padPitch, scoreFieldName, scoringOpen } from "~/domain/panel-phone";
import { translate } from "~/i18n/catalogue.server";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { requestLang } from "~/i18n/language-cookie.server";
import { liveState } from "~/models/event.server";
import { panellistEvent, pitchOnePage } from "~/models/panel-view.server";
import { requirePanellist } from "~/requests/panel-device.server";
import { routeParam } from "~/utils/route-params";

// The panellist's phone during the event: the pitch on stage with its one page, the score pad
// while a score can land, and the running order with what this panellist has scored. It
// follows the chair through the live state (SSE, polling when that drops); without JavaScript
// the "Refresh" link does the same.

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: pageTitle(matches, "panel.home.title", { event: d?.eventTitle ?? "" }) },
  { name: "robots", content: "noindex, nofollow" },
];

// why: a page restored by Back would carry a used submission id; always fetch a fresh one.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const panellist = await requirePanellist(request, routeParam(params, "eventId"));
  const [view, live] = await Promise.all([panellistEvent(panellist.id), liveState(panellist.eventId)]);
  if (!view || !live) throw new Response(translate(await requestLang(request), "panel.eventGone"), { status: 404, statusText: "Not Found" });
  const current = view.pitches.find((p) => p.slotId === view.event.currentSlotId) ?? null;
  const zone = view.event.timeZone;
  return {
    eventId: view.event.id,
    eventTitle: view.event.title,
    name: view.panellist.name,
    criteria: view.criteria,
    pitches: view.pitches.map((p) => ({
      slotId: p.slotId,
      bidId: p.bidId,
      reference: p.reference,
      projectTitle: p.projectTitle || p.reference,
      groupName: p.groupName,
      lang: p.lang,
      recused: p.conflict !== null,
      saved: p.sheet ? { version: p.sheet.version, at: clockTime(new Date(p.sheet.submittedAt), zone) } : null,
      // why: only pitches whose pad can show need their answers on the page.
      values:
        p.sheet && (p.state === "QUESTIONS" || p.state === "SCORING")
          ? Object.fromEntries([...p.sheet.items.map((i) => [scoreFieldName(i.criterionId), String(i.value)]), ["comment", p.sheet.comment]])
          : {},
    })),
    onePage: current ? await pitchOnePage(view.event.id, current.bidId) : null,
    clientMutationId: randomUUID(),
    justSaved: new URL(request.url).searchParams.get("saved"),
    live,
  };
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type Pitch = Loaded["pitches"][number];

export default function PanelHome() {
  const loaded = useLoaderData<typeof loader>();
  const { state, connection } = useLiveState(loaded.live);
  const [savedNow, setSavedNow] = useState<Record<string, { version: number; at: string }>>({});
  const unsettled = useUnsettledScores();
  const t = useT();
  const note = useScoringNote();

  const slotState = (pitch: Pitch) => state.slots.find((s) => s.id === pitch.slotId)?.state ?? "WAITING";
  const savedOf = (pitch: Pitch) => savedNow[pitch.bidId] ?? pitch.saved;
  const current = loaded.pitches.find((p) => p.slotId === state.currentSlotId) ?? null;
  const eventState = state.event.state;
  const openNow = (pitch: Pitch) => !pitch.recused && scoringOpen(eventState, slotState(pitch));
  const focus = padPitch(loaded.pitches, current, {
    isOpen: openNow,
    isUnsettled: (p) => unsettled.has(scoreKey(loaded.eventId, p.bidId)),
    isSaved: (p) => Boolean(savedOf(p)),
  });
  const onePageIsCurrent = current !== null && loaded.onePage?.bidId === current.bidId;
  useFreshOnePage(current !== null && !onePageIsCurrent, state.currentSlotId);

  return (
    <div className="phone">
      <PhoneHeading name={loaded.name} eventTitle={loaded.eventTitle} eventId={loaded.eventId} connection={connection} />

      <div className="visually-hidden" aria-live="polite">
        {current ? t("panel.home.nowSaid", { title: current.projectTitle, state: slotState(current) }) : null}
      </div>

      <PhaseNotice eventState={eventState} hasCurrent={current !== null} />

      {current && eventState === "LIVE" ? (
        <NowPitch
          pitch={current}
          stateLabel={t("live.slot", { state: slotState(current) })}
          note={focus !== current ? note(eventState, slotState(current)) : null}
        />
      ) : null}

      {focus ? (
        <ScorePad
          key={focus.bidId}
          eventId={loaded.eventId}
          bidId={focus.bidId}
          pitchTitle={focus.projectTitle}
          criteria={loaded.criteria}
          open={openNow(focus)}
          closedNote={note(eventState, slotState(focus))}
          saved={savedOf(focus)}
          values={focus.values}
          clientMutationId={loaded.clientMutationId}
          justSaved={loaded.justSaved === focus.bidId}
          from="home"
          onSaved={(saved) => setSavedNow((all) => ({ ...all, [focus.bidId]: saved }))}
        />
      ) : null}

      {current && eventState === "LIVE" ? (
        onePageIsCurrent && loaded.onePage ? (
          <details className="one-page-details" open={focus !== current}>
            <summary>{t("panel.home.theBid", { title: current.projectTitle })}</summary>
            <PitchOnePage bid={loaded.onePage} headingLevel={3} />
          </details>
        ) : (
          <p>
            <Link to={`/panel/${loaded.eventId}/score/${current.bidId}`}>{t("panel.home.readBid", { title: current.projectTitle })}</Link>
          </p>
        )
      ) : null}

      <PitchLists
        eventId={loaded.eventId}
        pitches={loaded.pitches}
        othersOpen={loaded.pitches.filter((p) => openNow(p) && p !== focus)}
        current={current}
        slotState={slotState}
        savedVersion={(p) => savedOf(p)?.version ?? null}
      />

      <p>
        <Link to={`/panel/${loaded.eventId}/conflicts`}>{t("panel.home.declare")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
