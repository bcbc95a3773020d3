import { useEffect, useState } from "react";

// A link to hand on: a read-only box whose text can be selected and copied by hand (no
// JavaScript needed; focusing it selects it all), and, once scripts run, a Copy button.

export function CopyField({ id, label, value, testId, rows = 2 }: { id: string; label: string; value: string; testId?: string; rows?: number }) {
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        // why: a new link is a new box (an uncontrolled field keeps its first value otherwise).
        key={value}
        id={id}
        className="copy-field__text private-link"
        readOnly
        rows={rows}
        spellCheck={false}
        data-testid={testId}
        defaultValue={value}
        onFocus={(e) => e.currentTarget.select()}
      />
      {canCopy ? (
        <p className="copy-field__actions">
          <button type="button" className="button button--secondary" onClick={copy}>
            Copy link<span className="visually-hidden"> ({label})</span>
          </button>{" "}
          <span role="status">{copied === "yes" ? "Copied." : copied === "failed" ? "Could not copy: select the link and copy it yourself." : ""}</span>
        </p>
      ) : null}
    </div>
  );
}
