import { Form } from "@remix-run/react";
import { ErrorSummary, TextArea, TextField, fieldId } from "~/components/forms";
import { MAX_CRITERIA, criteriaRowCount, roundFieldLabel, type FormValues } from "~/domain/fund";
import { CriterionRow } from "~/components/round-form/criterion-row";
import { text, type LockedRule } from "~/components/round-form/form-values";
import { LockedCriteria, LockedRuleSummary } from "~/components/round-form/locked-rule";
import { RuleFields } from "~/components/round-form/rule-fields";
import { WelshFields } from "~/components/round-form/welsh-fields";

// The round form, for creating and editing: the round's details, its assessment criteria and
// its decision rule. Without JavaScript, "Add another criterion" and "Remove" are submit
// buttons that come back with the form as typed plus or minus a row.

export type { LockedRule } from "~/components/round-form/form-values";

export function RoundForm({
  values,
  errors,
  timeZone,
  submitLabel,
  locked,
  focusRow,
  busy,
}: {
  values: FormValues;
  errors: Record<string, string>;
  timeZone: string;
  submitLabel: string;
  locked?: LockedRule | null;
  focusRow?: number | null;
  busy?: boolean;
}) {
  const labels = Object.fromEntries(Object.keys(errors).map((key) => [key, roundFieldLabel(key) ?? ""]));
  labels.criteria = "Assessment criteria";
  labels.rule = "Decision rule";
  const rows = criteriaRowCount(values);

  return (
    <Form method="post" noValidate>
      {/* why: pressing Enter in a box submits with the first button in the form; this makes that "save", not "add a row". */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <ErrorSummary errors={errors} labels={labels} />

      <TextField name="title" label="Title" hint="As groups will see it, for example Spring 2027 community pitches." defaultValue={text(values, "title")} error={errors.title} autoComplete="off" />
      <TextField
        name="slug"
        label="Web address name"
        hint={
          <>
            Groups apply at /rounds/<em>web-address-name</em>. Use lowercase letters, numbers and hyphens, for example
            spring-2027. Links already sent out stop working if you change it.
          </>
        }
        defaultValue={text(values, "slug")}
        error={errors.slug}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        name="opensAt"
        type="datetime-local"
        label="Opens"
        hint={`The date and time groups can start sending bids, in ${timeZone} time.`}
        className="input--medium"
        defaultValue={text(values, "opensAt")}
        error={errors.opensAt}
      />
      <TextField
        name="closesAt"
        type="datetime-local"
        label="Closes"
        hint={`The deadline for bids, in ${timeZone} time. Bids can be changed until then.`}
        className="input--medium"
        defaultValue={text(values, "closesAt")}
        error={errors.closesAt}
      />
      <TextArea
        name="description"
        label="Description"
        optional
        hint="What the round is for and how the pitch day works. Groups see this before they apply."
        maxChars={2000}
        rows={5}
        defaultValue={text(values, "description")}
        error={errors.description}
      />
      <TextArea
        name="eligibility"
        label="Who can apply"
        optional
        hint="The kinds of group and the area this round is for."
        maxChars={2000}
        rows={4}
        defaultValue={text(values, "eligibility")}
        error={errors.eligibility}
      />
      <WelshFields values={values} errors={errors} />

      <h2 id={fieldId("criteria")} tabIndex={-1}>
        Assessment criteria
      </h2>
      {errors.criteria ? (
        <p className="error-message">
          <span className="visually-hidden">Error: </span>
          {errors.criteria}
        </p>
      ) : null}
      {locked ? (
        <LockedCriteria locked={locked} />
      ) : (
        <>
          <p className="hint">
            What the panel scores each pitch on. A criterion with weight 3 counts three times as much as one with weight 1.
            Each panellist gives a whole-number score from the lowest to the highest, for example 1 to 5 or 0 to 10. To
            remove a criterion, use its Remove button or clear its name and guidance.
          </p>
          {Array.from({ length: rows }, (_, i) => (
            <CriterionRow key={i} index={i} values={values} errors={errors} canRemove={rows > 1} autoFocus={focusRow === i} />
          ))}
          {rows < MAX_CRITERIA ? (
            <button type="submit" name="intent" value="add-criterion" className="button button--secondary" formNoValidate>
              Add another criterion
            </button>
          ) : (
            <p className="hint">A round can have up to {MAX_CRITERIA} criteria.</p>
          )}
        </>
      )}

      <h2 id={fieldId("rule")} tabIndex={-1}>
        Decision rule
      </h2>
      {errors.rule ? (
        <p className="error-message">
          <span className="visually-hidden">Error: </span>
          {errors.rule}
        </p>
      ) : null}
      {locked ? <LockedRuleSummary locked={locked} /> : <RuleFields values={values} errors={errors} />}

      <div className="button-group">
        <button type="submit" name="intent" value="save" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

