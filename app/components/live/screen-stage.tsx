import { Bi } from "~/components/bilingual";
import type { LiveState } from "~/domain/live-state";
import { useBilingual } from "~/i18n/bilingual";
import { Countdown } from "./countdown";
import { phaseSaid, pitchNumberSaid, scoredSaid } from "./screen-words";

// The pitch on stage, as the projector shows it: the phase, the group and project (each cut to
// two lines, so the longest names the bid form allows still leave room), the countdown filling
// what height is left, and how many panellists have scored. Its words in Welsh and English.

interface ScreenStageProps {
  state: LiveState;
  current: NonNullable<LiveState["current"]>;
  offsetMs: number | null;
}

const say = (key: string) => <Bi k={key} />;

export function ScreenStage({ state, current, offsetMs }: ScreenStageProps) {
  const both = useBilingual();
  const pitch = pitchNumberSaid(state, current);
  const phase = phaseSaid(state);
  const phases = both(phase.key, phase.values);
  const scored = scoredSaid(current);
  const complete = current.quorum.eligible > 0 && current.scoredCount >= current.quorum.eligible;
  return (
    <div className="screen__stage">
      <p className="screen__phase">
        {both(pitch.key, pitch.values).map((part, index) => (
          <span key={part.lang} className={`bi bi--${part.lang}`}>
            {index > 0 ? (
              <span className="bi__sep" aria-hidden="true">
                {" / "}
              </span>
            ) : null}
            <span lang={part.htmlLang}>
              {part.text} · <strong>{phases[index].text}</strong>
            </span>
          </span>
        ))}
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
          say={say}
          idle={current.state === "SCORING" ? say("screen.idle.scoring") : current.state === "LOCKED" ? say("screen.idle.locked") : undefined}
        />
      </div>
      <p className="screen__scored">
        <span className={`scored-count${complete ? " scored-count--complete" : ""}`}>
          <Bi k={scored.key} values={scored.values} />
          {complete ? (
            <span className="scored-count__done">
              {" "}
              <Bi k="screen.allIn" />
            </span>
          ) : null}
        </span>
      </p>
    </div>
  );
}
