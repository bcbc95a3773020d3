import type { PaymentView as PaymentRow } from "~/domain/award-page";

/** When a payment was asked for, approved and paid, and the references that trace it. */
export function PaymentFacts({ p }: { p: PaymentRow }) {
  return (
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
  );
}
