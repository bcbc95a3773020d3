import { Form } from "@remix-run/react";
import { ErrorSummary, TextArea } from "~/components/forms";
import { NOTE_MAX } from "~/domain/checkpoint";

interface TakeCheckpointProps {
  /** Why the last press took no checkpoint (the log did not verify). */
  problem: string | undefined;
  errors: Record<string, string>;
  /** The note as typed, kept after an error. */
  note: string;
  busy: boolean;
}

/** An auditor's form to take a checkpoint by hand, with a note written into its file. */
export function TakeCheckpoint({ problem, errors, note, busy }: TakeCheckpointProps) {
  return (
    <section aria-labelledby="take">
      <h2 id="take">Take a checkpoint</h2>
      <p>The log is verified first; no checkpoint is taken of a broken log. Taking one is recorded in the audit log with your name.</p>
      {problem ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>No checkpoint was taken</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={{ note: "Note" }} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create" />
        <TextArea
          name="note"
          label="Note"
          optional
          hint="Who you are giving it to, or why. It is written into the file."
          maxChars={NOTE_MAX}
          rows={2}
          defaultValue={note}
          error={errors.note}
        />
        <button type="submit" className="button" disabled={busy}>
          Take a checkpoint
        </button>
      </Form>
    </section>
  );
}
