import { Form } from "@remix-run/react";
import type { FormAnswer } from "~/components/award/form-answer";
import { TextArea } from "~/components/forms";
import type { AwardPageView } from "~/domain/award-page";
import { PAYMENTS_NOT_CONFIGURED, REASON_MAX } from "~/domain/payment";

/** Asking for the award's payment: which way it will be paid (another funder approves it). */
export function RequestPaymentForm({
  page,
  answer,
}: {
  page: Pick<AwardPageView, "award" | "stripe" | "methods" | "recipient" | "nextInstalment">;
  answer: FormAnswer;
}) {
  const error = answer.errorsFor("request").method;
  const next = page.nextInstalment;
  return (
    <Form method="post" className="request-form">
      <input type="hidden" name="intent" value="request" />
      {next?.id ? <input type="hidden" name="instalmentId" value={next.id} /> : null}
      <h3>Ask for the payment</h3>
      {!page.stripe ? <p className="notice">{PAYMENTS_NOT_CONFIGURED}</p> : null}
      <div className={`field${error ? " field--error" : ""}`}>
        <fieldset aria-describedby={error ? "request-method-error" : "request-method-hint"}>
          <legend>How will {next?.text ?? page.award.amount} be paid?</legend>
          <span className="hint" id="request-method-hint">
            Another funder approves it before the money moves.
          </span>
          {error ? (
            <span className="error-message" id="request-method-error">
              <span className="visually-hidden">Error: </span>
              {error}
            </span>
          ) : null}
          {page.methods.map((m, index) => {
            const id = index === 0 ? "request-method" : `request-method-${index}`;
            return (
              <div className="choice" key={m.value}>
                <input type="radio" id={id} name="method" value={m.value} defaultChecked={answer.typed("request", "method") === m.value} />
                <label htmlFor={id}>
                  {m.label}
                  {m.value === "STRIPE" && !page.recipient?.ready ? <span className="hint">Only once the group’s Stripe account is ready (see above).</span> : null}
                </label>
              </div>
            );
          })}
        </fieldset>
      </div>
      <button type="submit" className="button">
        Ask for payment
      </button>
    </Form>
  );
}

/** Calling the award off, with the reason the group is emailed. */
export function CancelAwardForm({ answer }: { answer: FormAnswer }) {
  return (
    <details className="confirm" open={answer.failedIntent === "cancel-award"}>
      <summary>Cancel this award…</summary>
      <Form method="post">
        <input type="hidden" name="intent" value="cancel-award" />
        <TextArea
          name="reason"
          id="cancel-award-reason"
          label="Why is the award cancelled?"
          hint="The group is emailed this reason. The money goes back to the pot."
          rows={3}
          maxChars={REASON_MAX}
          defaultValue={answer.typed("cancel-award", "reason")}
          error={answer.errorsFor("cancel-award").reason}
        />
        <button type="submit" className="button button--warning">
          Cancel the award
        </button>
      </Form>
    </details>
  );
}
