import { Form } from "@remix-run/react";
import { AgreeCheckbox } from "~/components/agree-checkbox";
import { ErrorSummary, TextArea, TextField } from "~/components/forms";
import { REASON_MAX } from "~/domain/payment";

// What a funder does with a file once it is made: confirm that the bank took it (its payments
// are then recorded as paid), or cancel it (its payments can go in another file). Plain POST
// forms; a failed one comes back with the message beside its field and the text kept.

type Values = Record<string, string | string[] | undefined>;

interface Props {
  today: string;
  form: string | null;
  values: Values;
  errors: Record<string, string | undefined>;
}

const LABELS = { taken: "The bank took the file", paidOn: "Day the bank took the file", reason: "Why cancel it" };

export function BatchActions({ today, form, values, errors }: Props) {
  const typed = (name: string, fallback = "") => (typeof values[name] === "string" ? (values[name] as string) : fallback);
  const mine = (name: string) => (errors[name] ? { [name]: errors[name] } : {});
  return (
    <>
      <ErrorSummary errors={form === "confirm" ? { ...mine("taken"), ...mine("paidOn") } : form === "cancel" ? mine("reason") : {}} labels={LABELS} />
      <h2 id="confirm">Confirm the payments</h2>
      <p>Once your bank has accepted the upload, confirm it here: each payment whose bank details have not changed is recorded as paid and its group is told.</p>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="confirm" />
        <AgreeCheckbox id="field-taken" name="taken" error={form === "confirm" ? errors.taken : undefined} defaultChecked={typed("taken") === "yes"}>
          The bank has taken this file and will make these payments
        </AgreeCheckbox>
        <TextField name="paidOn" type="date" label={LABELS.paidOn} defaultValue={typed("paidOn", today)} error={form === "confirm" ? errors.paidOn : undefined} className="input--short" />
        <button type="submit" className="button">
          Confirm and record the payments as paid
        </button>
      </Form>

      <details className="confirm" open={form === "cancel"}>
        <summary>Cancel this file…</summary>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="cancel" />
          <TextArea
            name="reason"
            label={LABELS.reason}
            hint="For example, the bank rejected the upload. Its payments stay approved and can go in a new file."
            rows={3}
            maxChars={REASON_MAX}
            defaultValue={typed("reason")}
            error={form === "cancel" ? errors.reason : undefined}
          />
          <button type="submit" className="button button--warning">
            Cancel the file
          </button>
        </Form>
      </details>
    </>
  );
}
