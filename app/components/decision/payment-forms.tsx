import { Form } from "@remix-run/react";
import type { PaymentView as PaymentRow } from "~/domain/award-page";
import { TextArea, TextField } from "~/components/forms";
import { REASON_MAX, REFERENCE_MAX } from "~/domain/payment";

// A payment's own forms, each a small POST with the payment's id; ids of their fields carry it too.

interface PaymentFormProps {
  p: PaymentRow;
  id: (field: string) => string;
  /** What was typed into this payment's form, kept after an error (with a fallback). */
  typed: (name: string, fallback?: string) => string;
  errors: Record<string, string> | undefined;
}

/** Recording a cheque or bank transfer as made: its reference and the day it was paid. */
export function RecordPaymentForm({ p, id, typed, errors, today }: PaymentFormProps & { today: string }) {
  return (
    <Form method="post" preventScrollReset className="payment__form">
      <input type="hidden" name="intent" value="manual" />
      <input type="hidden" name="paymentId" value={p.id} />
      <h4>Record the payment as made</h4>
      <TextField
        name="reference"
        id={id("reference")}
        label={p.cheque ? "Cheque number" : "Bank transfer reference"}
        hint={p.cheque ? "As printed on the cheque." : "As it appears on the bank statement."}
        maxLength={REFERENCE_MAX}
        autoComplete="off"
        className="input--short"
        defaultValue={typed("reference")}
        error={errors?.reference}
      />
      <TextField
        name="paidOn"
        id={id("paidOn")}
        label="Date paid"
        hint="Day, month and year, for example 14/05/2027."
        autoComplete="off"
        className="input--short"
        defaultValue={typed("paidOn", today)}
        error={errors?.paidOn}
      />
      <button type="submit" className="button">
        Record payment as made
      </button>
    </Form>
  );
}

/** Cancelling a payment, with the reason recorded; the award stays. */
export function CancelPaymentForm({ p, id, typed, errors }: PaymentFormProps) {
  return (
    <details className="confirm" open={Boolean(errors?.reason)}>
      <summary>
        Cancel this payment<span className="visually-hidden"> ({p.method}, {p.amount})</span>…
      </summary>
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="cancel-payment" />
        <input type="hidden" name="paymentId" value={p.id} />
        <TextArea
          name="reason"
          id={id("reason")}
          label="Why are you cancelling it?"
          hint="Recorded with your name. The award stays; you can then ask for a new payment."
          rows={3}
          maxChars={REASON_MAX}
          defaultValue={typed("reason")}
          error={errors?.reason}
        />
        <button type="submit" className="button button--warning">
          Cancel payment
        </button>
      </Form>
    </details>
  );
}
