import { useEffect, useState } from "react";
import { allowance } from "~/domain/audience-phone";
import { useT, type Translate } from "~/i18n/i18n-context";

// The pitches an audience member can tick. With JavaScript the phone counts as they tick ("You
// have used 2 of 3 votes") and, once the allowance is used, the other boxes are disabled until
// one is unticked. Without it every box stays open and the server's refusal shows by the field.

function allowanceText(t: Translate, chosen: number, votes: number, { full, over }: { full: boolean; over: number }) {
  if (over > 0) return t("vote.allowance.over", { chosen, votes, over });
  return `${t("vote.allowance.used", { chosen, votes })}${full ? ` ${t("vote.allowance.full")}` : ""}`;
}

interface Choice {
  bidId: string;
  bidReference: string;
  projectTitle: string;
  groupName: string;
}

interface BallotChoicesProps {
  legendId: string;
  choices: Choice[];
  chosenBefore: Set<string>;
  votesPerPerson: number;
  error: string | null;
}

export function BallotChoices({ legendId, choices, chosenBefore, votesPerPerson, error }: BallotChoicesProps) {
  const t = useT();
  const [picked, setPicked] = useState(() => new Set(chosenBefore));
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const ticked = choices.filter((c) => picked.has(c.bidId)).length;
  const used = allowance(ticked, votesPerPerson);
  const pick = (bidId: string, on: boolean) =>
    setPicked((before) => {
      const after = new Set(before);
      if (on) after.add(bidId);
      else after.delete(bidId);
      return after;
    });
  const describedBy = [`${legendId}-hint`, scripted ? `${legendId}-used` : null, error ? `${legendId}-error` : null].filter(Boolean).join(" ");

  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={describedBy}>
        <legend>{t("vote.choices.legend", { votes: votesPerPerson })}</legend>
        <span className="hint" id={`${legendId}-hint`}>
          {t("vote.choices.hint")}
        </span>
        {error ? (
          <span className="error-message" id={`${legendId}-error`}>
            <span className="visually-hidden">{t("common.errorPrefix")} </span>
            {error}
          </span>
        ) : null}
        {choices.length === 0 ? <p>{t("vote.choices.none")}</p> : null}
        {choices.map((choice, index) => {
          const id = index === 0 ? legendId : `${legendId}-${index}`;
          const on = picked.has(choice.bidId);
          return (
            <div className="choice choice--large" key={choice.bidId}>
              <input
                type="checkbox"
                id={id}
                name="bidIds"
                value={choice.bidId}
                defaultChecked={chosenBefore.has(choice.bidId)}
                disabled={scripted && used.full && !on}
                onChange={(e) => pick(choice.bidId, e.currentTarget.checked)}
                aria-describedby={`${id}-hint`}
              />
              <label htmlFor={id}>
                {choice.projectTitle || choice.bidReference}
                <span className="hint" id={`${id}-hint`}>
                  {choice.groupName}
                </span>
              </label>
            </div>
          );
        })}
        <p className={`allowance${used.full ? " allowance--full" : ""}`} id={`${legendId}-used`} aria-live="polite" hidden={!scripted}>
          {scripted ? allowanceText(t, ticked, votesPerPerson, used) : null}
        </p>
      </fieldset>
    </div>
  );
}
