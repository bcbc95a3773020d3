import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Bi } from "~/components/bilingual";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { votePath } from "~/components/live/links";
import { announcement, nextUp } from "~/components/live/live-view";
import { ScreenAwardReveal } from "~/components/live/screen-award-reveal";
import { ScreenBar } from "~/components/live/screen-bar";
import { ScreenOrder } from "~/components/live/screen-order";
import { ScreenSide } from "~/components/live/screen-side";
import { ScreenStage } from "~/components/live/screen-stage";
import { ScreenVotes } from "~/components/live/screen-votes";
import { phaseSaid } from "~/components/live/screen-words";
import { useFullScreen } from "~/components/live/use-full-screen";
import { useLiveState } from "~/components/live/use-live-state";
import { formatCode } from "~/domain/join-code";
import { liveState, staffJoinCode } from "~/models/event.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound, publicUrl } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

// The projector: who is pitching, a countdown readable from the back of the hall, the phase,
// who is next, how many panellists have scored (counts only), and how the audience joins.
// It follows the live state over SSE. The page is one screenful at every projector size (a grid
// filling the window, type sized from its height), so nothing is ever below the fold. F (or the
// button) puts it full screen; opened as the projector view (?view=projector) it shows no page
// chrome at all (see screenPath), for a browser started in kiosk mode.

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
  const projector = new URL(request.url).searchParams.get("view") === "projector";
  return { state, join, projector };
}

export default function Screen() {
  const loaded = useLoaderData<typeof loader>();
  const { state, offsetMs } = useLiveState(loaded.state);
  const fullScreen = useFullScreen();
  const { event, current } = state;
  const phase = <Bi k={phaseSaid(state).key} values={phaseSaid(state).values} />;
  const showResults = event.resultsRevealed && event.audienceMode !== "NONE";
  const joinable = event.state === "LIVE" || event.state === "READY";
  const classes = ["screen", fullScreen.active ? "screen--full" : null, loaded.projector ? "screen--projector" : null];

  return (
    <div className={classes.filter(Boolean).join(" ")} ref={fullScreen.ref}>
      <noscript>
        <meta httpEquiv="refresh" content="10" />
        <p className="screen__noscript">
          <Bi k="screen.noscript" />
        </p>
      </noscript>
      <ScreenBar title={event.title} fullScreen={fullScreen} />

      <div className="screen__body">
        <div className="screen__main">
          {current ? (
            <ScreenStage state={state} current={current} offsetMs={offsetMs} />
          ) : state.awards ? (
            <div className="screen__stage screen__stage--list">
              <ScreenAwardReveal awards={state.awards} />
            </div>
          ) : showResults ? (
            <div className="screen__stage screen__stage--list">
              <p className="screen__phase">{phase}</p>
              <h1 className="screen__group">
                <Bi k="screen.audienceVote" />
              </h1>
              <ScreenVotes slots={state.slots} />
              <p className="screen__note">
                <Bi k="screen.voteNote" />
              </p>
            </div>
          ) : event.state === "SCORING_CLOSED" || event.state === "DECIDED" ? (
            <div className="screen__stage">
              <p className="screen__phase">{phase}</p>
              <h1 className="screen__group">{event.title}</h1>
              <p className="screen__project">
                <Bi k="screen.thanks" />
              </p>
            </div>
          ) : (
            <div className="screen__stage screen__stage--list">
              <p className="screen__phase">{phase}</p>
              <h1 className="screen__group">{event.title}</h1>
              <p className="screen__project">
                <Bi k="screen.runningOrder" />
              </p>
              <ScreenOrder slots={state.slots} />
            </div>
          )}
        </div>
        <ScreenSide next={current ? nextUp(state) : null} join={joinable ? loaded.join : null} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement(state)}
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
