import type { LiveState } from "~/domain/live-state";
import { Countdown } from "./countdown";
import { phaseName, pitchNumber } from "./live-view";
import { ScoredCount } from "./scored-count";

// The pitch on stage, as the projector shows it: the phase, the group and project (each cut to
// two lines, so the longest names the bid form allows still leave room), the countdown filling
// what height is left, and how many panellists have scored.

interface ScreenStageProps {
  state: LiveState;
  current: NonNullable<LiveState["current"]>;
  offsetMs: number | null;
}

export function ScreenStage({ state, current, offsetMs }: ScreenStageProps) {
  return (
    <div className="screen__stage">
      <p className="screen__phase">
        {pitchNumber(state, current)} · <strong>{phaseName(state)}</strong>
      </p>
      <h1 className="screen__group" title={current.groupName}>
        {current.groupName}
      </h1>
      <p className="screen__project" title={current.projectTitle}>
        {current.projectTitle}
      </p>
      <div className="screen__clock">
        <Countdown
          slot={current}
          serverNow={state.serverNow}
          offsetMs={offsetMs}
          size="screen"
          idle={current.state === "SCORING" ? "Panel scoring" : current.state === "LOCKED" ? "Scores locked" : undefined}
        />
      </div>
      <p className="screen__scored">
        <ScoredCount slot={current} suffix=" this pitch" />
      </p>
    </div>
  );
}
