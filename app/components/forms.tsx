import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { useT } from "~/i18n/i18n-context";
import { describedBy, FieldShell, fieldId } from "./field-shell";

// Form pieces in the GOV.UK pattern: label, hint, error message, then the control. Each works
// without JavaScript; extra props (a form's defaultValue and handlers) pass through to the
// control, and inputRef reaches the control itself.
// The error summary and the text field live here; the other pieces have files of their own and
// are named here too, so a form imports its pieces from one place. Not Choices (choices.tsx): the
// phones' forms have none, and naming it here would send it to every page with a form.
export { fieldId } from "./field-shell";
export { TextArea } from "./text-area";

/**
 * focusOnShow: take the focus when a new problem shows (for forms that do not move it themselves;
 * not for forms that check fields as the person leaves them, where it would pull them away).
 */
export function ErrorSummary({
  errors,
  labels,
  title,
  focusOnShow = false,
}: {
  errors: Record<string, string | undefined>;
  labels?: Record<string, string>;
  title?: string;
  focusOnShow?: boolean;
}) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  const said = entries.map((e) => e[1]).join("\n");
  const shown = useRef<string[]>([]);
  // why: a keyboard or screen reader user is taken to what went wrong as soon as it shows
  // (after a post, or on the page that came back from one) and whenever a new problem joins it;
  // never when one goes away, which happens as the person types the fix.
  useEffect(() => {
    const now = said ? said.split("\n") : [];
    if (focusOnShow && now.some((message) => !shown.current.includes(message))) box.current?.focus();
    shown.current = now;
  }, [said, focusOnShow]);
  if (entries.length === 0) return null;
  return (
    <div ref={box} className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title ?? t("common.errorSummary.title")}</h2>
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

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean | string;
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
