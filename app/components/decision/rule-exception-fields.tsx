import { TextArea } from "~/components/forms";
import { OVERRIDE_REASON_MAX } from "~/domain/award";

// Shown in a bid's decision form once the decision breaks a rule the round declared and the
// fund allows exceptions: the funder says in so many words that it departs from the rule, and
// why. The decision then waits for a second funder's approval.

interface Props {
  id: (field: string) => string;
  departsFromRule: boolean;
  reason: string;
  errors: Partial<Record<"departsFromRule" | "ruleExceptionReason", string>>;
}

export function RuleExceptionFields({ id, departsFromRule, reason, errors }: Props) {
  const box = id("departsFromRule");
  return (
    <div className="notice notice--warning">
      <div className={`field${errors.departsFromRule ? " field--error" : ""}`}>
        {errors.departsFromRule ? (
          <span className="error-message" id={`${box}-error`}>
            <span className="visually-hidden">Error: </span>
            {errors.departsFromRule}
          </span>
        ) : null}
        <div className="choice">
          <input
            type="checkbox"
            id={box}
            name="departsFromRule"
            value="yes"
            defaultChecked={departsFromRule}
            aria-describedby={errors.departsFromRule ? `${box}-error ${box}-hint` : `${box}-hint`}
          />
          <label htmlFor={box}>
            This departs from the declared rule
            <span className="hint" id={`${box}-hint`}>
              Recorded as an exception: a second funder must approve it, and the decision report names the rule it breaks.
            </span>
          </label>
        </div>
      </div>
      <TextArea
        name="ruleExceptionReason"
        id={id("ruleExceptionReason")}
        label="Why this exception to the round's rule"
        rows={3}
        maxChars={OVERRIDE_REASON_MAX}
        defaultValue={reason}
        error={errors.ruleExceptionReason}
      />
    </div>
  );
}
