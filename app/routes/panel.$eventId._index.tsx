import { randomUUID } from "node:crypto";
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { connectionText, useLiveState, useOnline } from "~/components/live/use-live-state";
import { PitchOnePage } from "~/components/pitch-one-page";
import { ScorePad, scoreKey, useUnsettledScores } from "~/components/score-pad";
import { clockTime, SLOT_STATE_LABELS } from "~/domain/event-machine";
import { scoreFieldName, scoreStatus, scoringNote, scoringOpen } from "~/domain/panel-phone";
import { liveState } from "~/models/event.server";
import { panellistEvent, pitchOnePage } from "~/models/panel-view.server";
import { requirePanellist } from "~/requests/panel-device.server";
import { routeParam } from "~/utils/route-params";

// The panellist's phone during the event: the pitch on stage with its one page, the score pad
// while a score can land, and the running order with what this panellist has scored. It
// follows the chair through the live state (SSE, polling when that drops); without JavaScript
// the "Refresh" link does the same.

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `${d.eventTitle}: your panel page – Pitchday` : "Your panel page – Pitchday" },
  { name: "robots", content: "noindex, nofollow" },
];

// why: a page restored by Back would carry a used submission id; always fetch a fresh one.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const panellist = await requirePanellist(request, routeParam(params, "eventId"));
  const [view, live] = await Promise.all([panellistEvent(panellist.id), liveState(panellist.eventId)]);
  if (!view || !live) throw new Response("This event is not available any more.", { status: 404, statusText: "Not Found" });
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
  const online = useOnline();
  const revalidator = useRevalidator();
  const [savedNow, setSavedNow] = useState<Record<string, { version: number; at: string }>>({});

  const slotState = (pitch: Pitch) => state.slots.find((s) => s.id === pitch.slotId)?.state ?? "WAITING";
  const savedOf = (pitch: Pitch) => savedNow[pitch.bidId] ?? pitch.saved;
  const current = loaded.pitches.find((p) => p.slotId === state.currentSlotId) ?? null;
  const eventState = state.event.state;
  const unsettled = useUnsettledScores();
  const openNow = (pitch: Pitch) => !pitch.recused && scoringOpen(eventState, slotState(pitch));
  const open = loaded.pitches.filter(openNow);
  // The pad shows, first, a score still waiting to be sent or refused (so its message is seen);
  // then the pitch on stage once its questions start; while the next group pitches, the last
  // pitch still waiting for this panellist's score.
  const focus =
    loaded.pitches.find((p) => !p.recused && unsettled.has(scoreKey(loaded.eventId, p.bidId))) ??
    (current && openNow(current) ? current : null) ??
    open.filter((p) => !savedOf(p)).at(-1) ??
    null;
  const othersOpen = open.filter((p) => p !== focus);
  const onePageIsCurrent = current !== null && loaded.onePage?.bidId === current.bidId;

  // why: the one page of a new pitch is not in the live state (only titles are); fetch the page
  // data again when the chair moves on, unless the phone knows it is offline.
  const staleCurrent = current !== null && !onePageIsCurrent;
  const askedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!staleCurrent || askedFor.current === state.currentSlotId || revalidator.state !== "idle" || navigator.onLine === false) return;
    askedFor.current = state.currentSlotId;
    revalidator.revalidate();
  }, [staleCurrent, state.currentSlotId, revalidator]);

  return (
    <div className="phone">
      <span className="caption">Panellist: {loaded.name}</span>
      <h1>{loaded.eventTitle}</h1>
      <p className="live-line muted">
        <span aria-live="polite">{connectionText(connection, online, "panel")}</span> <a href={`/panel/${loaded.eventId}`}>Refresh</a>
      </p>

      <div className="visually-hidden" aria-live="polite">
        {current ? `Now: ${current.projectTitle}, ${SLOT_STATE_LABELS[slotState(current)].toLowerCase()}.` : null}
      </div>

      {eventState === "DRAFT" || eventState === "READY" ? (
        <div className="notice">
          <p className="notice__title">The event has not started yet</p>
          <p>This page follows the event: the first pitch appears here when the chair starts it. You can declare a conflict of interest now.</p>
        </div>
      ) : eventState === "SCORING_CLOSED" || eventState === "DECIDED" ? (
        <div className="notice notice--success">
          <p className="notice__title">Scoring has closed</p>
          <p>Thank you for scoring. Your scores are listed below.</p>
        </div>
      ) : !current ? (
        <div className="notice">
          <p>The event has started. The first pitch appears here when the chair starts it.</p>
        </div>
      ) : null}

      {current && eventState === "LIVE" ? (
        <section aria-labelledby="now-title" className="now">
          <span className="caption">
            Now · <strong className="tag">{SLOT_STATE_LABELS[slotState(current)]}</strong>
          </span>
          <h2 id="now-title">{current.projectTitle}</h2>
          <p className="muted">{current.groupName}</p>
          {current.recused ? (
            <p className="notice">You declared a conflict of interest with this pitch, so you do not score it.</p>
          ) : focus !== current ? (
            <p className="muted">{scoringNote(eventState, slotState(current))}</p>
          ) : null}
        </section>
      ) : null}

      {focus ? (
        <ScorePad
          key={focus.bidId}
          eventId={loaded.eventId}
          bidId={focus.bidId}
          pitchTitle={focus.projectTitle}
          criteria={loaded.criteria}
          open={openNow(focus)}
          closedNote={scoringNote(eventState, slotState(focus))}
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
            <summary>The bid: {current.projectTitle}</summary>
            <PitchOnePage bid={loaded.onePage} headingLevel={3} />
          </details>
        ) : (
          <p>
            <Link to={`/panel/${loaded.eventId}/score/${current.bidId}`}>Read the bid for {current.projectTitle}</Link>
          </p>
        )
      ) : null}

      {othersOpen.length > 0 ? (
        <section aria-labelledby="open-title">
          <h2 id="open-title">Still open for scoring</h2>
          <ul className="pitch-links">
            {othersOpen.map((pitch) => (
              <li key={pitch.bidId}>
                <Link to={`/panel/${loaded.eventId}/score/${pitch.bidId}`}>
                  {savedOf(pitch) ? "Change your score for" : "Score"} {pitch.projectTitle}
                </Link>{" "}
                <span className="muted">({scoreStatus({ recused: false, version: savedOf(pitch)?.version ?? null })})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="order-title">
        <h2 id="order-title">Running order</h2>
        <ol className="pitch-list">
          {loaded.pitches.map((pitch) => {
            const label = scoreStatus({ recused: pitch.recused, version: savedOf(pitch)?.version ?? null });
            return (
              <li key={pitch.bidId} className={pitch === current ? "pitch-list__item pitch-list__item--current" : "pitch-list__item"}>
                <Link to={`/panel/${loaded.eventId}/score/${pitch.bidId}`} className="pitch-list__title">
                  {pitch.projectTitle}
                </Link>
                <span className="pitch-list__group">{pitch.groupName}</span>
                <span className="pitch-list__tags">
                  <span className="tag tag--grey">{SLOT_STATE_LABELS[slotState(pitch)]}</span>{" "}
                  <span className={pitch.recused ? "tag tag--yellow" : savedOf(pitch) ? "tag tag--green" : "tag"}>{label}</span>
                </span>
              </li>
            );
          })}
        </ol>
      </section>

      <p>
        <Link to={`/panel/${loaded.eventId}/conflicts`}>Declare a conflict of interest</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
