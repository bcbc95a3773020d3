interface NowPitchProps {
  pitch: { projectTitle: string; groupName: string; recused: boolean };
  /** Where the pitch stands now: pitching, questions, scoring... */
  stateLabel: string;
  /** Why the score pad below is for another pitch, if it is. */
  note: string | null;
}

/** The pitch on stage now, at the top of a panellist's phone. */
export function NowPitch({ pitch, stateLabel, note }: NowPitchProps) {
  return (
    <section aria-labelledby="now-title" className="now">
      <span className="caption">
        Now · <strong className="tag">{stateLabel}</strong>
      </span>
      <h2 id="now-title">{pitch.projectTitle}</h2>
      <p className="muted">{pitch.groupName}</p>
      {pitch.recused ? (
        <p className="notice">You declared a conflict of interest with this pitch, so you do not score it.</p>
      ) : note ? (
        <p className="muted">{note}</p>
      ) : null}
    </section>
  );
}
