import { Form } from "@remix-run/react";
import { RuleExceptionFields } from "~/components/decision/rule-exception-fields";
import { TextArea, TextField } from "~/components/forms";
import type { Outcome } from "~/domain/allocation";
import { OVERRIDE_REASON_MAX } from "~/domain/award";
import { OUTCOME_CHOICES, OUTCOMES } from "~/domain/funder-forms";
import { FEEDBACK_MAX } from "~/domain/payment";

// One bid's decision: fund in full, part-fund (amount in pounds) or not, a reason whenever it
// departs from the proposal, and feedback for the group. A plain POST; every page on it has
// its own ids, so errors and the summary's links land on this bid's fields.

export function decisionFieldId(bidId: string, field: string) {
  return `decision-${bidId}-${field}`;
}

export interface DecisionDefaults {
  outcome: Outcome;
  amount: string;
  overrideReason: string;
  feedback: string;
  departsFromRule: boolean;
  ruleExceptionReason: string;
}

interface Props {
  bidId: string;
  groupName: string;
  asked: string;
  proposal: string;
  defaults: DecisionDefaults;
  errors: Partial<Record<"outcome" | "amount" | "overrideReason" | "feedback" | "departsFromRule" | "ruleExceptionReason", string>>;
  saved: boolean;
  /** Show the exception fields: the decision breaks a declared rule and the fund allows exceptions. */
  exception: boolean;
}

export function DecisionForm({ bidId, groupName, asked, proposal, defaults, errors, saved, exception }: Props) {
  const id = (field: string) => decisionFieldId(bidId, field);
  return (
    <Form method="post" preventScrollReset className="decision-form" aria-label={`Decision for ${groupName}`}>
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="bidId" value={bidId} />
      <div className={`field${errors.outcome ? " field--error" : ""}`}>
        <fieldset aria-describedby={errors.outcome ? `${id("outcome")}-error` : undefined}>
          <legend>Your decision for {groupName}</legend>
          {errors.outcome ? (
            <span className="error-message" id={`${id("outcome")}-error`}>
              <span className="visually-hidden">Error: </span>
              {errors.outcome}
            </span>
          ) : null}
          {OUTCOMES.map((outcome, index) => {
            const choiceId = index === 0 ? id("outcome") : `${id("outcome")}-${index}`;
            return (
              <div className="choice" key={outcome}>
                <input type="radio" id={choiceId} name="outcome" value={outcome} defaultChecked={defaults.outcome === outcome} />
                <label htmlFor={choiceId}>
                  {OUTCOME_CHOICES[outcome]}
                  {outcome === "FUNDED" ? <span className="hint">{asked}, the amount asked for</span> : null}
                </label>
              </div>
            );
          })}
        </fieldset>
      </div>
      <TextField
        name="amount"
        id={id("amount")}
        label="Amount to award if part-funding"
        hint={`In whole pounds, less than the ${asked} asked for. Leave it as it is for the other choices.`}
        prefix="£"
        inputMode="decimal"
        autoComplete="off"
        className="input--short"
        defaultValue={defaults.amount}
        error={errors.amount}
      />
      <TextArea
        name="overrideReason"
        id={id("overrideReason")}
        label="Reason, if your decision differs from the proposal"
        hint={`The proposal is: ${proposal}. A different decision is recorded as an override, with this reason, in the decision report.`}
        rows={3}
        maxChars={OVERRIDE_REASON_MAX}
        defaultValue={defaults.overrideReason}
        error={errors.overrideReason}
      />
      <TextArea
        name="feedback"
        id={id("feedback")}
        label="Feedback for the group"
        optional
        hint="The group reads this in the decision email and on its bid page."
        rows={3}
        maxChars={FEEDBACK_MAX}
        defaultValue={defaults.feedback}
        error={errors.feedback}
      />
      {exception ? <RuleExceptionFields id={id} departsFromRule={defaults.departsFromRule} reason={defaults.ruleExceptionReason} errors={errors} /> : null}
      <button type="submit" className="button">
        {saved ? "Change decision" : "Save decision"}
        <span className="visually-hidden"> for {groupName}</span>
      </button>
    </Form>
  );
}
