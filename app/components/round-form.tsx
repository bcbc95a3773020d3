import { Form } from "@remix-run/react";
import { CriteriaTable } from "~/components/criteria-table";
import { Choices, ErrorSummary, TextArea, TextField, fieldId } from "~/components/forms";
import {
  AUDIENCE_MODES,
  AUDIENCE_MODE_LABELS,
  MAX_CRITERIA,
  TIE_BREAKS,
  TIE_BREAK_LABELS,
  criteriaRowCount,
  describeRule,
  roundFieldLabel,
  type FormValues,
} from "~/domain/fund";
import { RULE_FIELDS } from "~/domain/round-rule-fields";

// The round form, for creating and editing: the round's details, its assessment criteria and
// its decision rule. Without JavaScript, "Add another criterion" and "Remove" are submit
// buttons that come back with the form as typed plus or minus a row.


const CRITERION_FIELDS = ["id", "name", "guidance", "weight", "scaleMin", "scaleMax"] as const;

function text(values: FormValues, name: string) {
  const v = values[name];
  return typeof v === "string" ? v : "";
}

export interface LockedRule {
  /** Why the criteria and rule cannot change, shown in place of their fields. */
  reason: string;
  criteria: { name: string; guidance: string; weight: number; scaleMin: number; scaleMax: number }[];
  rule: Parameters<typeof describeRule>[0];
  /** The saved criteria and rule as form values: sent back unchanged, whatever else was typed. */
  values: FormValues;
}

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

function CriterionRow({
  index,
  values,
  errors,
  canRemove,
  autoFocus,
}: {
  index: number;
  values: FormValues;
  errors: Record<string, string>;
  canRemove: boolean;
  autoFocus: boolean;
}) {
  const n = index + 1;
  const name = (field: string) => `criteria.${index}.${field}`;
  const hidden = <span className="visually-hidden"> of criterion {n}</span>;
  const id = text(values, name("id"));
  return (
    <fieldset className="criterion">
      <legend>Criterion {n}</legend>
      {id ? <input type="hidden" name={name("id")} value={id} /> : null}
      <TextField
        name={name("name")}
        label={<>Name{hidden}</>}
        hint={index === 0 ? "For example Need, Difference, Deliverability or Value for money." : undefined}
        defaultValue={text(values, name("name"))}
        error={errors[name("name")]}
        autoComplete="off"
        autoFocus={autoFocus}
      />
      <TextArea
        name={name("guidance")}
        label={<>Guidance for the panel{hidden}</>}
        optional
        rows={2}
        defaultValue={text(values, name("guidance"))}
        error={errors[name("guidance")]}
      />
      <div className="criterion-numbers">
        <TextField
          name={name("weight")}
          label={<>Weight{hidden}</>}
          hint="1 to 10"
          inputMode="numeric"
          className="input--tiny"
          defaultValue={text(values, name("weight"))}
          error={errors[name("weight")]}
          autoComplete="off"
        />
        <TextField
          name={name("scaleMin")}
          label={<>Lowest score{hidden}</>}
          hint="For example 1"
          inputMode="numeric"
          className="input--tiny"
          defaultValue={text(values, name("scaleMin"))}
          error={errors[name("scaleMin")]}
          autoComplete="off"
        />
        <TextField
          name={name("scaleMax")}
          label={<>Highest score{hidden}</>}
          hint="For example 5"
          inputMode="numeric"
          className="input--tiny"
          defaultValue={text(values, name("scaleMax"))}
          error={errors[name("scaleMax")]}
          autoComplete="off"
        />
      </div>
      {canRemove ? (
        <button type="submit" name="intent" value={`remove-criterion-${index}`} className="button button--secondary" formNoValidate>
          Remove<span className="visually-hidden"> criterion {n}</span>
        </button>
      ) : null}
    </fieldset>
  );
}

function RuleFields({ values, errors }: { values: FormValues; errors: Record<string, string> }) {
  return (
    <>
      <p className="hint">
        How the scores turn into a ranking. It is shown to panellists, groups and the audience before the event, and
        cannot change once the event has started.
      </p>
      <Choices
        name="audienceMode"
        legend="Does the audience vote?"
        choices={AUDIENCE_MODES.map((mode) => ({
          value: mode,
          label: AUDIENCE_MODE_LABELS[mode],
          hint:
            mode === "TICKETS"
              ? "Each person in the room gets a printed ticket with a one-time code, so nobody votes twice."
              : mode === "OPEN"
                ? "Quicker to set up; one vote per phone."
                : undefined,
        }))}
        defaultValue={text(values, "audienceMode")}
        error={errors.audienceMode}
      />
      <TextField
        name="audienceVotesPerPerson"
        label="Votes per person"
        hint="Only used when the audience votes. Each person can give this many votes, one per pitch."
        inputMode="numeric"
        className="input--tiny"
        defaultValue={text(values, "audienceVotesPerPerson")}
        error={errors.audienceVotesPerPerson}
        autoComplete="off"
      />
      <TextField
        name="panelWeightPercent"
        label="Panel's weight, in percent"
        hint="How much the panel's scores count towards a bid's place. Use 100 when there is no audience vote."
        inputMode="numeric"
        className="input--tiny"
        defaultValue={text(values, "panelWeightPercent")}
        error={errors.panelWeightPercent}
        autoComplete="off"
      />
      <TextField
        name="audienceWeightPercent"
        label="Audience's weight, in percent"
        hint="How much the audience vote counts. The two weights must add up to 100; use 0 when there is no audience vote."
        inputMode="numeric"
        className="input--tiny"
        defaultValue={text(values, "audienceWeightPercent")}
        error={errors.audienceWeightPercent}
        autoComplete="off"
      />
      <Choices
        name="normaliseScores"
        legend="Even out panellists' scoring habits?"
        hint="Some panellists score everyone generously, others strictly. Evening out compares each panellist's scores with their own average before they are added up, so one person's habits do not decide the result. It works best with four or more panellists."
        choices={[
          { value: "yes", label: "Yes, even out scoring habits" },
          { value: "no", label: "No, use the scores as given" },
        ]}
        defaultValue={text(values, "normaliseScores")}
        error={errors.normaliseScores}
      />
      <TextField
        name="quorum"
        label="Quorum"
        hint="The fewest panellists who must score a pitch for its result to count. Panellists with a conflict of interest do not score that pitch."
        inputMode="numeric"
        className="input--tiny"
        defaultValue={text(values, "quorum")}
        error={errors.quorum}
        autoComplete="off"
      />
      <Choices
        name="partFundingAllowed"
        legend="Can a bid be offered part of what it asked for?"
        hint="When the pot runs low, the next bid in line can be offered what is left instead of nothing."
        choices={[
          {
            value: "yes",
            label: "Yes, part-funding is allowed",
            conditional: (
              <TextField
                name="partFundingMinPercent"
                label="Smallest share, in percent of the amount asked for"
                hint="Below this share the bid is not offered anything, for example 50."
                inputMode="numeric"
                className="input--tiny"
                defaultValue={text(values, "partFundingMinPercent")}
                error={errors.partFundingMinPercent}
                autoComplete="off"
              />
            ),
          },
          { value: "no", label: "No, fund bids in full or not at all" },
        ]}
        defaultValue={text(values, "partFundingAllowed")}
        error={errors.partFundingAllowed}
      />
      <Choices
        name="tieBreak"
        legend="When two bids have equal scores"
        choices={TIE_BREAKS.map((value) => ({ value, label: TIE_BREAK_LABELS[value] }))}
        defaultValue={text(values, "tieBreak")}
        error={errors.tieBreak}
      />
    </>
  );
}

function LockedCriteria({ locked }: { locked: LockedRule }) {
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

function LockedRuleSummary({ locked }: { locked: LockedRule }) {
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
