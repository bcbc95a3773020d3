import { Form } from "@remix-run/react";
import { TextArea, TextField } from "~/components/forms";
import type { PaymentView } from "~/domain/award-page";
import { REASON_MAX, REFERENCE_MAX } from "~/domain/payment";

// An award's payments, oldest first, each with the buttons this funder may press now
// (paymentActions) and, where approval is what waits, why this funder may not approve it.
// Every button is its own small POST form; the field ids carry the payment's id.

export type PaymentRow = PaymentView;

export function paymentFieldId(paymentId: string, field: string) {
  return `payment-${paymentId}-${field}`;
}

interface Props {
  payments: PaymentRow[];
  /** Today in the fund's time zone, as the date field shows it: 14/05/2027. */
  today: string;
  errors: { paymentId: string; errors: Record<string, string>; values: Record<string, string | string[]> } | null;
}

export function PaymentList({ payments, today, errors }: Props) {
  if (payments.length === 0) return <p>No payment has been asked for yet.</p>;
  return (
    <ol className="payment-list">
      {payments.map((p, index) => {
        const mine = errors?.paymentId === p.id ? errors : null;
        const typed = (name: string, fallback = "") => {
          const value = mine?.values[name];
          return typeof value === "string" ? value : fallback;
        };
        const id = (field: string) => paymentFieldId(p.id, field);
        return (
          <li key={p.id} className="payment" aria-labelledby={`${id("title")}`}>
            <h3 id={id("title")}>
              Payment {index + 1}: {p.method}, {p.amount}
              {p.instalment ? ` (${p.instalment})` : null}
            </h3>
            <p>
              <strong className={p.status.tag}>{p.status.label}</strong>
            </p>
            <dl className="summary summary--compact">
              <div>
                <dt>Asked for</dt>
                <dd>{p.requested}</dd>
              </div>
              {p.approved ? (
                <div>
                  <dt>Approved</dt>
                  <dd>{p.approved}</dd>
                </div>
              ) : null}
              {p.paid ? (
                <div>
                  <dt>Paid</dt>
                  <dd>{p.paid}</dd>
                </div>
              ) : null}
              {p.reference ? (
                <div>
                  <dt>{p.cheque ? "Cheque number" : "Reference"}</dt>
                  <dd>{p.reference}</dd>
                </div>
              ) : null}
              {p.providerId ? (
                <div>
                  <dt>Stripe transfer</dt>
                  <dd>{p.providerId}</dd>
                </div>
              ) : null}
              {p.failureReason ? (
                <div>
                  <dt>{p.statusKey === "FAILED" ? "Why it failed" : "Last attempt"}</dt>
                  <dd>{p.failureReason}</dd>
                </div>
              ) : null}
            </dl>

            {p.actions.inFlight ? <p className="hint">Being sent to Stripe now. This page updates by itself; without JavaScript, refresh it in a minute.</p> : null}

            <div className="row-actions">
              {p.actions.approve ? (
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="approve" />
                  <input type="hidden" name="paymentId" value={p.id} />
                  <button type="submit" className="button">
                    {p.manual ? "Approve payment" : "Approve and send payment"}
                  </button>
                </Form>
              ) : null}
              {p.actions.retry ? (
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="send" />
                  <input type="hidden" name="paymentId" value={p.id} />
                  <button type="submit" className="button">
                    {p.statusKey === "APPROVED" ? "Send payment" : "Retry payment"}
                  </button>
                </Form>
              ) : null}
            </div>
            {p.actions.approveBlocked ? (
              <p className="notice four-eyes" id={id("four-eyes")}>
                <strong>Approval needs another funder.</strong> {p.actions.approveBlocked}
              </p>
            ) : null}

            {p.actions.recordManual ? (
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
                  error={mine?.errors.reference}
                />
                <TextField
                  name="paidOn"
                  id={id("paidOn")}
                  label="Date paid"
                  hint="Day, month and year, for example 14/05/2027."
                  autoComplete="off"
                  className="input--short"
                  defaultValue={typed("paidOn", today)}
                  error={mine?.errors.paidOn}
                />
                <button type="submit" className="button">
                  Record payment as made
                </button>
              </Form>
            ) : null}

            {p.actions.cancel ? (
              <details className="confirm" open={Boolean(mine?.errors.reason)}>
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
                    error={mine?.errors.reason}
                  />
                  <button type="submit" className="button button--warning">
                    Cancel payment
                  </button>
                </Form>
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
