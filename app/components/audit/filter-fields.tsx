import type { ReactNode } from "react";
import { fieldId, HintAndError } from "~/components/field-shell";
import type { FilterValues } from "~/domain/audit-filter";

// The audit filters' fields: each shows what the address says and its error beside it.

interface FilterFieldProps {
  name: keyof FilterValues;
  label: string;
  value: string;
  error?: string;
}

export function SelectField({ name, label, value, error, children }: FilterFieldProps & { children: ReactNode }) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} error={error} />
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
      <HintAndError id={id} hint="For example, 2027-03-01" error={error} />
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
