import { Form, useNavigation } from "@remix-run/react";
import { TextArea } from "~/components/forms";
import { Choices } from "~/components/choices";
import { ERASURE_REASONS, NOTE_MAX, STAFF_ERASURE_REASONS } from "~/domain/personal-data";

// Erasing a group's contact details on request: why, a note for the audit log (no personal data
// in it), and a confirmation, since it cannot be undone.

interface EraseContactFormProps {
  reference: string;
  /** The award is still being paid: without contact details the group cannot be emailed about it. */
  awardOpen: boolean;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
}

export function EraseContactForm({ reference, awardOpen, errors, values }: EraseContactFormProps) {
  const busy = useNavigation().state === "submitting";
  const typed = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  return (
    <section aria-labelledby="erase">
      <h2 id="erase">Erase the contact details</h2>
      <p>
        The name and email address become “[erased]” and the phone number is removed, here and in the emails sent about this bid.
        The bid, its decision, award and payments stay on record. This cannot be undone.
      </p>
      {awardOpen ? (
        <div className="notice notice--warning">
          <p>This bid's award is still being paid. Without contact details, Pitchday cannot email the group about it.</p>
        </div>
      ) : null}
      <Form method="post" noValidate>
        <Choices
          name="reason"
          legend="Why are you erasing them?"
          choices={STAFF_ERASURE_REASONS.map((value) => ({ value, label: ERASURE_REASONS[value] }))}
          defaultValue={typed("reason")}
          error={errors.reason}
        />
        <TextArea
          name="note"
          label="Note for the audit log"
          optional
          hint="For example, how the request came in. The audit log is kept for good, so do not write names, email addresses or phone numbers here."
          maxChars={NOTE_MAX}
          rows={3}
          defaultValue={typed("note")}
          error={errors.note}
        />
        <Choices
          name="confirm"
          type="checkbox"
          legend="Confirm"
          choices={[{ value: "yes", label: `Yes, erase the contact details for ${reference}. I understand this cannot be undone.` }]}
          error={errors.confirm}
        />
        <button type="submit" className="button button--warning" disabled={busy}>
          Erase the contact details
        </button>
      </Form>
    </section>
  );
}
