import type { InputHTMLAttributes, ReactNode, RefAttributes } from "react";
import { describedBy, fieldId, HintAndError } from "./field-shell";

// Radios or checkboxes in a fieldset, each with its own hint, and a part that shows under the
// chosen one (all of them without JavaScript).

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  conditional?: ReactNode;
}

type ChoicesProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: Choice[];
  type?: "radio" | "checkbox";
  defaultValue?: string | string[];
  /** Given to every option's input; a ref reaches each of them. */
  inputProps?: InputHTMLAttributes<HTMLInputElement> & RefAttributes<HTMLInputElement>;
  /** With JavaScript, only the chosen option's conditional part shows; without, all do. */
  selected?: string | string[];
};

export function Choices({ name, legend, hint, error, choices, type = "radio", defaultValue, inputProps, selected }: ChoicesProps) {
  const id = fieldId(name);
  const chosen = new Set([defaultValue ?? []].flat());
  const showing = selected === undefined ? null : new Set([selected].flat());
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend>{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {choices.map((choice, index) => {
          const choiceId = index === 0 ? id : `${id}-${index}`;
          return (
            <div key={choice.value}>
              <div className="choice">
                <input
                  type={type}
                  {...inputProps}
                  id={choiceId}
                  name={name}
                  value={choice.value}
                  defaultChecked={inputProps?.checked === undefined ? chosen.has(choice.value) : undefined}
                  aria-describedby={choice.hint ? `${choiceId}-hint` : undefined}
                />
                <label htmlFor={choiceId}>
                  {choice.label}
                  {choice.hint ? (
                    <span className="hint" id={`${choiceId}-hint`}>
                      {choice.hint}
                    </span>
                  ) : null}
                </label>
              </div>
              {choice.conditional && (showing === null || showing.has(choice.value)) ? (
                <div className="conditional">{choice.conditional}</div>
              ) : null}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
