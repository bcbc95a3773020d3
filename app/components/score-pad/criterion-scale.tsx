import { fieldId, HintAndError } from "~/components/field-shell";
import { scoreFieldName } from "~/domain/panel-phone";
import { useT } from "~/i18n/i18n-context";
import type { PadCriterion } from "./use-queued-score";

// One criterion as a row of large tap targets (no sliders: a thumb on a crowded phone screen
// lands on the wrong value).

export function CriterionScale(props: { criterion: PadCriterion; value: string | undefined; error: string | undefined; disabled: boolean }) {
  const { criterion, value, error, disabled } = props;
  const name = scoreFieldName(criterion.id);
  const t = useT();
  const id = fieldId(name);
  const points = Array.from({ length: criterion.scaleMax - criterion.scaleMin + 1 }, (_, i) => criterion.scaleMin + i);
  return (
    <div className={`field score-criterion${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}>
        <legend>{criterion.name}</legend>
        <HintAndError
          id={id}
          hint={
            <>
              {criterion.guidance ? `${criterion.guidance} ` : null}
              {t("score.pad.scale", { min: criterion.scaleMin, max: criterion.scaleMax })}
            </>
          }
          error={error}
        />
        <div className="score-scale">
          {points.map((point, index) => (
            <label key={point} className="score-option">
              <input
                type="radio"
                id={index === 0 ? id : `${id}-${point}`}
                name={name}
                value={point}
                defaultChecked={value === String(point)}
                disabled={disabled}
              />
              <span>{point}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
