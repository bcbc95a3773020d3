import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { Choices } from "~/components/choices";
import { FUND_FIELD_LABELS, type FormValues } from "~/domain/fund";

// The fund form, for creating and editing. Amounts are typed in pounds and kept in pence.

function text(values: FormValues, name: string) {
  const v = values[name];
  return typeof v === "string" ? v : "";
}

export function FundForm({
  values,
  errors,
  submitLabel,
  busy,
}: {
  values: FormValues;
  errors: Record<string, string>;
  submitLabel: string;
  busy?: boolean;
}) {
  const currency = text(values, "currency").toUpperCase() || "GBP";
  const prefix = currency === "GBP" ? "£" : currency;
  const money = (name: string, label: string, hint: string) => (
    <TextField
      name={name}
      label={label}
      hint={hint}
      prefix={prefix}
      inputMode="decimal"
      autoComplete="off"
      defaultValue={text(values, name)}
      error={errors[name]}
    />
  );
  return (
    <Form method="post" noValidate>
      <ErrorSummary errors={errors} labels={FUND_FIELD_LABELS} />
      <TextField name="name" label="Fund name" hint="As groups will see it, for example Thornbury Community Chest." defaultValue={text(values, "name")} error={errors.name} autoComplete="off" />

      <h2>Money</h2>
      {money("pot", "Pot", "The total this fund can award across all its rounds, for example 10,000.")}
      <TextField
        name="currency"
        label="Currency"
        hint="The three-letter code. Most UK funds use GBP."
        className="input--short"
        autoComplete="off"
        spellCheck={false}
        defaultValue={text(values, "currency")}
        error={errors.currency}
      />
      {money("minAward", "Smallest award", "No group will be offered less than this.")}
      {money("maxAward", "Largest award", "No group can ask for or be given more than this. It cannot be more than the pot.")}

      <h2>Decisions</h2>
      <Choices
        name="allowRuleExceptions"
        type="checkbox"
        legend="Exceptions to a round's declared rules"
        hint="A funder's decision must keep to the round's rules: the smallest and largest award, the smallest share when part-funding, the quorum and the ranking. Never the pot or eligibility."
        error={errors.allowRuleExceptions}
        defaultValue={text(values, "allowRuleExceptions")}
        choices={[
          {
            value: "yes",
            label: "Allow a decision to depart from a declared rule, as an exception",
            hint: "The funder ticks that it departs from the rule and gives a reason; a second funder approves it; the decision report names it as a rule breach.",
          },
        ]}
      />

      <h2>After the award</h2>
      <TextField
        name="reportDueMonths"
        label="End-of-grant report due, in months"
        hint="Counted from the grant's first payment. Groups are reminded before and after it is due."
        inputMode="numeric"
        className="input--short"
        defaultValue={text(values, "reportDueMonths")}
        error={errors.reportDueMonths}
      />

      <h2>Funder</h2>
      <p>These details go into the open data published about each grant (the 360Giving Data Standard).</p>
      <TextField name="funderName" label="Funder's name" hint="The organisation whose money this is, for example Thornbury Town Council." defaultValue={text(values, "funderName")} error={errors.funderName} autoComplete="off" />
      <TextField
        name="funderOrgId"
        label="360Giving organisation identifier"
        hint="The funder's identifier in the org-id.guide format: GB-CHC- and the charity number, GB-COH- and the company number, or GB-LAE- and the council's code, for example GB-CHC-1234567."
        defaultValue={text(values, "funderOrgId")}
        error={errors.funderOrgId}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        name="grantIdPrefix"
        label="Grant identifier prefix"
        hint="The prefix 360Giving registered for the funder. It starts 360G-, for example 360G-thornburytc."
        defaultValue={text(values, "grantIdPrefix")}
        error={errors.grantIdPrefix}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        name="timeZone"
        label="Time zone"
        hint="Opening and closing times of this fund's rounds are read and shown in this zone. Most UK funds use Europe/London."
        defaultValue={text(values, "timeZone")}
        error={errors.timeZone}
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
