import { Form } from "@remix-run/react";
import type { FormEvent, ReactNode } from "react";

// One chair command: a plain POST carrying the revision the page last showed, so a double tap
// or a stale tablet is refused rather than applied twice.

/** What every button on the page shares: the revision shown, and the guard against a second tap. */
export interface ChairPress {
  revision: string;
  guard: (e: FormEvent) => void;
}

interface ChairButtonProps extends ChairPress {
  intent: string;
  label: string;
  slotId?: string;
  variant?: "primary" | "secondary" | "warning";
  small?: boolean;
  /** Extra words for screen readers (which pitch a row's button is for). */
  hidden?: string;
  children?: ReactNode;
}

export function ChairButton({ intent, label, revision, guard, slotId, variant = "primary", small, hidden, children }: ChairButtonProps) {
  const classes = ["button", variant === "secondary" ? "button--secondary" : variant === "warning" ? "button--warning" : null, small ? null : "chair-button"];
  return (
    <Form method="post" preventScrollReset onSubmit={guard} className="chair-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="revision" value={revision} />
      {slotId ? <input type="hidden" name="slotId" value={slotId} /> : null}
      {children}
      <button type="submit" className={classes.filter(Boolean).join(" ")}>
        {label}
        {hidden ? <span className="visually-hidden">{hidden}</span> : null}
      </button>
    </Form>
  );
}
