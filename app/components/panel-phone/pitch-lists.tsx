import { Link } from "@remix-run/react";
import type { SlotState } from "~/domain/event-machine";
import { SentenceWithOwnWords } from "~/components/own-words";
import { useT } from "~/i18n/i18n-context";
import { htmlLang } from "~/i18n/lang";

// The pitches still open for this panellist's score, and the running order with what they
// have scored (never anyone else's scores).

export interface PhonePitch {
  bidId: string;
  projectTitle: string;
  groupName: string;
  /** "cy" when the group wrote in Welsh: its words are marked so. */
  lang?: "cy";
  recused: boolean;
}

interface PitchListsProps<P extends PhonePitch> {
  eventId: string;
  pitches: P[];
  /** Open for scoring, other than the one on the score pad. */
  othersOpen: P[];
  current: P | null;
  slotState: (pitch: P) => SlotState;
  savedVersion: (pitch: P) => number | null;
}

export function PitchLists<P extends PhonePitch>({ eventId, pitches, othersOpen, current, slotState, savedVersion }: PitchListsProps<P>) {
  const scorePath = (pitch: P) => `/panel/${eventId}/score/${pitch.bidId}`;
  const t = useT();
  // why: a title written in the other language than the page's is marked so (a Welsh
  // panellist's page, an English bid), for screen readers' voice.
  const own = (pitch: P) => ((pitch.lang ?? "en") === t.lang ? undefined : htmlLang(pitch.lang ?? "en"));
  const status = (pitch: P) => t("panel.scoreStatus", { recused: pitch.recused ? "yes" : "no", version: savedVersion(pitch) ?? 0 });
  return (
    <>
      {othersOpen.length > 0 ? (
        <section aria-labelledby="open-title">
          <h2 id="open-title">{t("panel.lists.open")}</h2>
          <ul className="pitch-links">
            {othersOpen.map((pitch) => (
              <li key={pitch.bidId}>
                <Link to={scorePath(pitch)}>
                  <SentenceWithOwnWords
                    say={(title) => t(savedVersion(pitch) !== null ? "panel.lists.change" : "panel.lists.score", { title })}
                    words={pitch.projectTitle}
                    lang={own(pitch)}
                  />
                </Link>{" "}
                <span className="muted">({status(pitch)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="order-title">
        <h2 id="order-title">{t("panel.lists.order")}</h2>
        <ol className="pitch-list">
          {pitches.map((pitch) => (
            <li key={pitch.bidId} className={pitch === current ? "pitch-list__item pitch-list__item--current" : "pitch-list__item"}>
              <Link to={scorePath(pitch)} className="pitch-list__title" lang={own(pitch)}>
                {pitch.projectTitle}
              </Link>
              <span className="pitch-list__group" lang={own(pitch)}>
                {pitch.groupName}
              </span>
              <span className="pitch-list__tags">
                <span className="tag tag--grey">{t("live.slot", { state: slotState(pitch) })}</span>{" "}
                <span className={pitch.recused ? "tag tag--yellow" : savedVersion(pitch) !== null ? "tag tag--green" : "tag"}>
                  {status(pitch)}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
