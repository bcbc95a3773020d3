import type { ReactNode } from "react";
import { useT } from "~/i18n/i18n-context";

// What every form field shares in the GOV.UK pattern: its id from its name, the label, hint and
// error message above the control, and which of them describe it to a screen reader.

export function fieldId(name: string) {
  return `field-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
}

export function describedBy(id: string, hint: unknown, error: unknown, extra?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra].filter(Boolean).join(" ") || undefined;
}

/** The hint and the error message, ids `${id}-hint` and `${id}-error` (what describedBy names). */
export function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  const t = useT();
  return (
    <>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">{`${t("common.errorPrefix")} `}</span>
          {error}
        </span>
      ) : null}
    </>
  );
}

interface FieldShellProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Marks the field optional: true says "(optional)"; a page in another language passes its own words. */
  optional?: boolean | string;
  children: ReactNode;
  id?: string;
}

export function FieldShell({ name, label, hint, error, optional, children, id }: FieldShellProps) {
  const controlId = id ?? fieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={controlId}>
        {label}
        {optional ? ` ${typeof optional === "string" ? optional : "(optional)"}` : null}
      </label>
      <HintAndError id={controlId} hint={hint} error={error} />
      {children}
    </div>
  );
}
