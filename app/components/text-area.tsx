import { useState, type ReactNode, type Ref, type TextareaHTMLAttributes } from "react";
import { describedBy, FieldShell, fieldId } from "./field-shell";

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean | string;
  maxChars?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
  /** The count's words in the page's language; English unless given. */
  countText?: CountText;
};

export type CountText = (count: { over: number | null; max: number; left: number | null }) => string;

const ENGLISH_COUNT: CountText = ({ over, max, left }) =>
  over !== null
    ? `You have ${over} character${over === 1 ? "" : "s"} too many`
    : `You can enter up to ${max} characters${left !== null ? ` (${left} left)` : ""}`;

/** A textarea with a live character count when JavaScript runs; the limit is checked on the server too. */
export function TextArea({ name, label, hint, error, optional, maxChars, className, onChange, inputRef, countText = ENGLISH_COUNT, ...rest }: TextAreaProps) {
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
          {countText({ over: over ? length - maxChars : null, max: maxChars, left: length ? maxChars - length : null })}
        </div>
      ) : null}
    </FieldShell>
  );
}
