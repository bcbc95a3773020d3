import { useState, type InputHTMLAttributes, type ReactNode, type Ref, type RefAttributes, type TextareaHTMLAttributes } from "react";

// Form pieces in the GOV.UK pattern: label, hint, error message, then the control. Each works
// without JavaScript; extra props (react-hook-form's register) pass through to the control, and
// inputRef (register's ref) reaches the control itself.

export function ErrorSummary({ errors, labels }: { errors: Record<string, string | undefined>; labels?: Record<string, string> }) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{labels?.[name] ? `${labels[name]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function fieldId(name: string) {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

interface FieldShellProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: ReactNode;
  id?: string;
}

function FieldShell({ name, label, hint, error, optional, children, id }: FieldShellProps) {
  const controlId = id ?? fieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={controlId}>
        {label}
        {optional ? " (optional)" : null}
      </label>
      {hint ? (
        <span className="hint" id={`${controlId}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error-message" id={`${controlId}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </span>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown, extra?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra].filter(Boolean).join(" ") || undefined;
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  prefix?: string;
  inputRef?: Ref<HTMLInputElement>;
};

export function TextField({ name, label, hint, error, optional, prefix, className, inputRef, ...input }: TextFieldProps) {
  const id = input.id ?? fieldId(name);
  const control = (
    <input
      type="text"
      {...input}
      ref={inputRef}
      id={id}
      name={name}
      className={[className, error ? "input--error" : null].filter(Boolean).join(" ") || undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint, error)}
    />
  );
  return (
    <FieldShell name={name} id={id} label={label} hint={hint} error={error} optional={optional}>
      {prefix ? (
        <div className="money">
          <span aria-hidden="true">{prefix}</span>
          {control}
        </div>
      ) : (
        control
      )}
    </FieldShell>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  maxChars?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
};

/** A textarea with a live character count when JavaScript runs; the limit is checked on the server too. */
export function TextArea({ name, label, hint, error, optional, maxChars, className, onChange, inputRef, ...rest }: TextAreaProps) {
  const id = rest.id ?? fieldId(name);
  const [length, setLength] = useState(String(rest.defaultValue ?? rest.value ?? "").length);
  const over = maxChars !== undefined && length > maxChars;
  return (
    <FieldShell name={name} id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        {...rest}
        ref={inputRef}
        id={id}
        name={name}
        className={[className, error ? "input--error" : null].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, maxChars ? `${id}-count` : undefined)}
        onChange={(event) => {
          setLength(event.target.value.length);
          onChange?.(event);
        }}
      />
      {maxChars ? (
        <div id={`${id}-count`} className={`char-count${over ? " char-count--over" : ""}`} aria-live="polite">
          {over
            ? `You have ${length - maxChars} character${length - maxChars === 1 ? "" : "s"} too many`
            : `You can enter up to ${maxChars} characters${length ? ` (${maxChars - length} left)` : ""}`}
        </div>
      ) : null}
    </FieldShell>
  );
}

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
  /** Given to every option's input; a ref (react-hook-form's register) reaches each of them. */
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
        {hint ? (
          <span className="hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
        {error ? (
          <span className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error: </span>
            {error}
          </span>
        ) : null}
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
