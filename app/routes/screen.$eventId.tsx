import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Countdown } from "~/components/live/countdown";
import { votePath } from "~/components/live/links";
import { announcement, nextUp, phaseName, pitchNumber } from "~/components/live/live-view";
import { RunningOrder } from "~/components/live/running-order";
import { ScreenAwardReveal } from "~/components/live/screen-award-reveal";
import { ScoredCount } from "~/components/live/scored-count";
import { useLiveState } from "~/components/live/use-live-state";
import { orderedSlots } from "~/domain/event-machine";
import { formatCode } from "~/domain/join-code";
import { liveState, staffJoinCode } from "~/models/event.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound, publicUrl } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// The projector: who is pitching, a countdown readable from the back of the hall, the phase,
// who is next, how many panellists have scored (counts only), and how the audience joins.
// It follows the live state over SSE; F (or the button) puts it full screen.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.state.event.title ?? "Event"} – screen – Pitchday` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "event:read");
  const eventId = routeParam(params, "eventId");
  const [state, joinCode] = await Promise.all([liveState(eventId), staffJoinCode(eventId)]);
  if (!state) throw notFound("There is no event at this address. It may have been typed wrongly.");
  // why: from the staff-only look-up, so the projector shows the code while the hall fills up;
  // the public live state carries it only once the event has started.
  const join = joinCode
    ? {
        code: formatCode(joinCode),
        url: publicUrl(request, votePath(joinCode)),
        // The address people type: short, without the code (they enter it on the page).
        address: new URL(publicUrl(request, "/vote")).host + "/vote",
        qr: `/staff/events/${state.event.id}/vote-qr.svg`,
      }
    : null;
  return { state, join };
}

const SHORTCUT_KEY = "pitchday.screen.shortcut";

export default function Screen() {
  const loaded = useLoaderData<typeof loader>();
  const { state, offsetMs } = useLiveState(loaded.state);
  const { fullScreen, toggle, shortcut, setShortcut } = useFullScreen();
  const { event, current } = state;
  const next = nextUp(state);
  const join = loaded.join;
  const showResults = event.resultsRevealed && event.audienceMode !== "NONE";

  return (
    <div className={`screen${fullScreen.active ? " screen--full" : ""}`} ref={fullScreen.ref}>
      <noscript>
        <meta httpEquiv="refresh" content="10" />
        <p className="screen__noscript">JavaScript is off: this screen reloads every 10 seconds.</p>
      </noscript>
      <div className="screen__bar">
        <p className="screen__event">{event.title}</p>
        <div className="screen__tools">
          <button type="button" className="screen__tool" onClick={toggle}>
            {fullScreen.active ? "Leave full screen" : "Full screen"}
          </button>
          <span className="screen__hint">{shortcut ? "Press F for full screen" : "F shortcut off"}</span>
          <button type="button" className="screen__tool screen__tool--small" aria-pressed={shortcut} onClick={() => setShortcut(!shortcut)}>
            F shortcut
          </button>
        </div>
      </div>

      <div className="screen__body">
        <div className="screen__main">
          {current ? (
            <>
              <p className="screen__phase">
                {pitchNumber(state, current)} · <strong>{phaseName(state)}</strong>
              </p>
              <h1 className="screen__group">{current.groupName}</h1>
              <p className="screen__project">{current.projectTitle}</p>
              <Countdown
                slot={current}
                serverNow={state.serverNow}
                offsetMs={offsetMs}
                size="screen"
                idle={current.state === "SCORING" ? "Panel scoring" : current.state === "LOCKED" ? "Scores locked" : undefined}
              />
              <p className="screen__scored">
                <ScoredCount slot={current} suffix=" this pitch" />
              </p>
            </>
          ) : state.awards ? (
            <ScreenAwardReveal awards={state.awards} />
          ) : showResults ? (
            <>
              <p className="screen__phase">{phaseName(state)}</p>
              <h1 className="screen__group">Audience vote</h1>
              <table className="screen__results">
                <caption className="visually-hidden">Audience votes for each pitch, in running order</caption>
                <thead>
                  <tr>
                    <th scope="col">Group</th>
                    <th scope="col" className="num">
                      Votes
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {orderedSlots(state.slots).map((slot) => (
                    <tr key={slot.id}>
                      <td>{slot.groupName}</td>
                      <td className="num">{slot.audience?.total ?? 0}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="screen__project">The panel’s decisions follow the declared rule; the audience vote is one part of it.</p>
            </>
          ) : (
            <>
              <p className="screen__phase">{phaseName(state)}</p>
              <h1 className="screen__group">{event.title}</h1>
              {event.state === "SCORING_CLOSED" || event.state === "DECIDED" ? (
                <p className="screen__project">Thank you to every group and to the panel. Scoring has closed.</p>
              ) : (
                <>
                  <p className="screen__project">Tonight’s running order</p>
                  <RunningOrder slots={state.slots} currentSlotId={state.currentSlotId} className="running-order--screen" />
                </>
              )}
            </>
          )}
        </div>

        <aside className="screen__side" aria-label="Next and how to vote">
          {next && current ? (
            <div className="screen__next">
              <p className="screen__label">Next</p>
              <p className="screen__next-group">{next.groupName}</p>
              <p>{next.projectTitle}</p>
            </div>
          ) : null}
          {join && (event.state === "LIVE" || event.state === "READY") ? (
            <div className="screen__join">
              <p className="screen__label">Vote on your phone</p>
              <img src={join.qr} alt={`QR code: opens ${join.url}`} className="screen__qr" width={220} height={220} />
              <p>
                Go to <strong>{join.address}</strong> and enter
              </p>
              <p className="screen__code">{join.code}</p>
            </div>
          ) : null}
        </aside>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement(state)}
      </p>
    </div>
  );
}

/** Full screen for the screen's own element, by button or by F (which can be turned off). */
function useFullScreen() {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(false);
  const [shortcut, setShortcutState] = useState(true);

  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void ref.current?.requestFullscreen?.().catch(() => undefined);
  }, []);

  useEffect(() => {
    try {
      setShortcutState(window.localStorage.getItem(SHORTCUT_KEY) !== "off");
    } catch {
      // why: storage can be blocked; the shortcut then stays on for this visit.
    }
    const onChange = () => setActive(document.fullscreenElement === ref.current && ref.current !== null);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  useEffect(() => {
    if (!shortcut) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "f" && e.key !== "F") return;
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if ((e.target as HTMLElement | null)?.closest?.("input, textarea, select, [contenteditable]")) return;
      e.preventDefault();
      toggle();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [shortcut, toggle]);

  const setShortcut = (on: boolean) => {
    setShortcutState(on);
    try {
      window.localStorage.setItem(SHORTCUT_KEY, on ? "on" : "off");
    } catch {
      // see above
    }
  };

  return { fullScreen: { ref, active }, toggle, shortcut, setShortcut };
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
