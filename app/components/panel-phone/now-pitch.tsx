import { useT } from "~/i18n/i18n-context";

interface NowPitchProps {
  pitch: { projectTitle: string; groupName: string; lang?: "cy"; recused: boolean };
  /** Where the pitch stands now: pitching, questions, scoring... */
  stateLabel: string;
  /** Why the score pad below is for another pitch, if it is. */
  note: string | null;
}

/** The pitch on stage now, at the top of a panellist's phone. */
export function NowPitch({ pitch, stateLabel, note }: NowPitchProps) {
  const t = useT();
  return (
    <section aria-labelledby="now-title" className="now">
      <span className="caption">
        {t("panel.home.now")} · <strong className="tag">{stateLabel}</strong>
      </span>
      <h2 id="now-title" lang={pitch.lang}>
        {pitch.projectTitle}
      </h2>
      <p className="muted" lang={pitch.lang}>
        {pitch.groupName}
      </p>
      {pitch.recused ? (
        <p className="notice">{t("panel.recused")}</p>
      ) : note ? (
        <p className="muted">{note}</p>
      ) : null}
    </section>
  );
}
