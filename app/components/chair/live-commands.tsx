import { nextCommandLabel } from "~/components/live/live-view";
import type { ChairPageView } from "~/domain/chair-page";
import type { LiveState } from "~/domain/live-state";
import { ChairButton, type ChairPress } from "./chair-button";

// The big buttons while the event runs: start, the next phase, the timer, lock; and, at the end
// of the evening, closing scoring for the event.

export function LiveCommands({ state, view, press }: { state: LiveState; view: ChairPageView; press: ChairPress }) {
  const { event, current } = state;
  const next = nextCommandLabel(state);
  return (
    <>
      <div className="chair-actions">
        {event.state === "READY" ? <ChairButton {...press} intent="start" label="Start the event" /> : null}
        {event.state === "LIVE" ? (
          <>
            {next ? (
              <ChairButton {...press} intent="next" label={next} />
            ) : (
              <p className="chair-actions__note">Every pitch has been heard. Lock scoring for the last pitch, then close scoring for the event.</p>
            )}
            {view.timed ? (
              <>
                <ChairButton
                  {...press}
                  intent={view.paused ? "resume" : "pause"}
                  label={view.paused ? "Resume timer" : "Pause timer"}
                  variant="secondary"
                />
                <ChairButton {...press} intent="extend" label="+30 seconds" variant="secondary" />
              </>
            ) : null}
            {current ? <ChairButton {...press} intent="lock" slotId={current.id} label="Lock scoring for this pitch" variant="secondary" /> : null}
          </>
        ) : null}
      </div>

      {event.state === "LIVE" ? <CloseScoring unheard={view.unheard} press={press} /> : null}
    </>
  );
}

function CloseScoring({ unheard, press }: { unheard: number; press: ChairPress }) {
  return (
    <section aria-labelledby="close-title" className="chair-close">
      <h2 id="close-title">End of the evening</h2>
      <ChairButton {...press} intent="close" label="Close scoring for the event" variant="warning">
        <p>Locks every pitch still open for scoring. Panellists can no longer send or change scores.</p>
        {unheard > 0 ? (
          <div className="choice">
            <input type="checkbox" id="leave-unheard" name="leaveUnheard" value="yes" />
            <label htmlFor="leave-unheard">
              Close even though {unheard === 1 ? "1 pitch has" : `${unheard} pitches have`} not been heard ({unheard === 1 ? "it" : "they"} will have no
              scores)
            </label>
          </div>
        ) : null}
      </ChairButton>
    </section>
  );
}
