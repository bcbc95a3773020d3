import type { ReactNode } from "react";
import { HintAndError } from "~/components/field-shell";

// One checkbox the person must tick to agree (accepting an award's conditions), with its error
// above it, as GOV.UK places a single checkbox's error.

interface AgreeCheckboxProps {
  id: string;
  name: string;
  error?: string;
  defaultChecked: boolean;
  children: ReactNode;
}

export function AgreeCheckbox({ id, name, error, defaultChecked, children }: AgreeCheckboxProps) {
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <HintAndError id={id} error={error} />
      <div className="choice">
        <input type="checkbox" id={id} name={name} value="yes" defaultChecked={defaultChecked} aria-describedby={error ? `${id}-error` : undefined} />
        <label htmlFor={id}>{children}</label>
      </div>
    </div>
  );
}
