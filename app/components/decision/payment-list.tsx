import { Form } from "@remix-run/react";
import { PaymentFacts } from "~/components/decision/payment-facts";
import { CancelPaymentForm, RecordPaymentForm } from "~/components/decision/payment-forms";
import type { PaymentView } from "~/domain/award-page";

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
            <PaymentFacts p={p} />

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

            {p.actions.recordManual ? <RecordPaymentForm p={p} id={id} typed={typed} errors={mine?.errors} today={today} /> : null}

            {p.actions.cancel ? <CancelPaymentForm p={p} id={id} typed={typed} errors={mine?.errors} /> : null}
          </li>
        );
      })}
    </ol>
  );
}
