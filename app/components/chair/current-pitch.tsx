import { Countdown } from "~/components/live/countdown";
import { phaseName, pitchNumber } from "~/components/live/live-view";
import { ScoredCount } from "~/components/live/scored-count";
import type { LiveState } from "~/domain/live-state";

// The pitch on stage with its countdown and how many have scored; before and after the pitches,
// what the chair does next.

export function CurrentPitch({ state, offsetMs }: { state: LiveState; offsetMs: number | null }) {
  const { event, current } = state;
  return (
    <section className="chair-current" aria-labelledby="current-title">
      {current ? (
        <>
          <span className="caption">
            {pitchNumber(state, current)} · {phaseName(state)}
          </span>
          <h2 id="current-title" className="chair-current__group" lang={current.lang}>
            {current.groupName}
          </h2>
          <p className="chair-current__project">
            {current.projectTitle ? <span lang={current.lang}>{current.projectTitle}</span> : null} ({current.bidReference})
          </p>
          <Countdown
            slot={current}
            serverNow={state.serverNow}
            offsetMs={offsetMs}
            size="chair"
            idle={current.state === "SCORING" ? "Panel scoring" : current.state === "LOCKED" ? "Scores locked" : undefined}
          />
          <p>
            <ScoredCount slot={current} />
          </p>
        </>
      ) : (
        <>
          <h2 id="current-title">{phaseName(state)}</h2>
          <p>
            {event.state === "DRAFT"
              ? "The event is still being set up. Mark it ready on the setup page, then start it here."
              : event.state === "READY"
              ? "Start the event to open the screen's welcome and the running order; the first pitch starts with the next press."
              : event.state === "LIVE"
              ? "No pitch is running."
              : "No pitch is running: scoring for the event has closed."}
          </p>
        </>
      )}
    </section>
  );
}
