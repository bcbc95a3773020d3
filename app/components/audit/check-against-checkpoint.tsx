import { Form } from "@remix-run/react";
import { ErrorSummary, TextArea, fieldId } from "~/components/forms";

/** What checking the log against a kept checkpoint found. */
export interface CheckpointVerdict {
  ok: boolean;
  text: string;
  seq: number;
  at: string;
  funder: string | null;
  note: string;
}

interface CheckAgainstCheckpointProps {
  verdict: CheckpointVerdict | null;
  errors: Record<string, string>;
  /** The checkpoint as pasted, kept after an error. */
  pasted: string;
  busy: boolean;
}

/** Anyone who may read the log checks it against a checkpoint file, uploaded or pasted. */
export function CheckAgainstCheckpoint({ verdict, errors, pasted, busy }: CheckAgainstCheckpointProps) {
  return (
    <section aria-labelledby="check">
      <h2 id="check">Check the log against a checkpoint</h2>
      {verdict ? (
        <div className={`verdict ${verdict.ok ? "verdict--ok" : "verdict--bad"}`} role="status" tabIndex={-1}>
          <p className="verdict__title">{verdict.ok ? "The log only grew" : "The log does not match this checkpoint"}</p>
          <p>{verdict.text}</p>
          <p className="hint">
            Checkpoint at entry #{verdict.seq}, taken {verdict.at}
            {verdict.funder ? ` for ${verdict.funder}` : ""}
            {verdict.note ? `. Note: ${verdict.note}` : ""}.
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={{ checkpoint: "Checkpoint", file: "Checkpoint file" }} />
      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="intent" value="verify" />
        <div className={`field${errors.file ? " field--error" : ""}`}>
          <label htmlFor={fieldId("file")}>Checkpoint file</label>
          <span className="hint" id={`${fieldId("file")}-hint`}>
            The .json file that was downloaded from this page or written by <code>npm run audit:checkpoint</code>.
          </span>
          {errors.file ? (
            <span className="error-message" id={`${fieldId("file")}-error`}>
              <span className="visually-hidden">Error: </span>
              {errors.file}
            </span>
          ) : null}
          <input
            type="file"
            id={fieldId("file")}
            name="file"
            accept="application/json,.json"
            aria-describedby={[`${fieldId("file")}-hint`, errors.file ? `${fieldId("file")}-error` : null].filter(Boolean).join(" ")}
            aria-invalid={errors.file ? true : undefined}
          />
        </div>
        <TextArea
          name="checkpoint"
          label="Or paste the checkpoint"
          hint="Open the file in any text editor and paste all of it, from { to }."
          rows={8}
          spellCheck={false}
          className="input--code-block"
          defaultValue={pasted}
          error={errors.checkpoint}
        />
        <button type="submit" className="button" disabled={busy}>
          Check the log
        </button>
      </Form>
    </section>
  );
}
