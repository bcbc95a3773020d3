import { text, CRITERION_FIELDS, type LockedRule } from "~/components/round-form/form-values";
import { CriteriaTable } from "~/components/criteria-table";
import { RULE_FIELDS } from "~/domain/round-rule-fields";
import { describeRule } from "~/domain/fund";

// The criteria and rule once they are fixed: shown as text and sent back unchanged.

export function LockedCriteria({ locked }: { locked: LockedRule }) {
  return (
    <>
      <div className="notice notice--warning">
        <p>{locked.reason}</p>
      </div>
      <CriteriaTable criteria={locked.criteria} caption="Assessment criteria (fixed)" captionHidden />
      {/* why: the form still sends the fixed values, so saving the round's other details leaves them as they are. */}
      {Object.entries(locked.values)
        .filter(([key]) => /^criteria\.\d+\./.test(key) && CRITERION_FIELDS.some((f) => key.endsWith(`.${f}`)))
        .map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={String(value)} />
        ))}
    </>
  );
}
export function LockedRuleSummary({ locked }: { locked: LockedRule }) {
  return (
    <>
      <ul>
        {describeRule(locked.rule).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {RULE_FIELDS.map((name) => (
        <input key={name} type="hidden" name={name} value={text(locked.values, name)} />
      ))}
    </>
  );
}
