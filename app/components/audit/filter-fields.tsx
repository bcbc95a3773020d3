import type { ReactNode } from "react";
import { fieldId } from "~/components/forms";
import type { FilterValues } from "~/domain/audit-filter";

// The audit filters' fields: each shows what the address says and its error beside it.

interface FilterFieldProps {
  name: keyof FilterValues;
  label: string;
  value: string;
  error?: string;
}

function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <span className="error-message" id={`${id}-error`}>
      <span className="visually-hidden">Error: </span>
      {error}
    </span>
  ) : null;
}

export function SelectField({ name, label, value, error, children }: FilterFieldProps & { children: ReactNode }) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <FieldError id={id} error={error} />
      <select id={id} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={error ? "input--error" : undefined}>
        {children}
      </select>
    </div>
  );
}

export function DateField({ name, label, value, error }: FilterFieldProps) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={`${id}-hint`}>
        For example, 2027-03-01
      </span>
      <FieldError id={id} error={error} />
      <input
        type="date"
        id={id}
        name={name}
        defaultValue={value}
        className={`input--date${error ? " input--error" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
      />
    </div>
  );
}
