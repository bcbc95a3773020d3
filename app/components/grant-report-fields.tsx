import { TextArea, TextField } from "~/components/forms";
import { spentField } from "~/domain/grant-report-forms";

// The report's answers: what was done, who took part, spend per budget line, and a contact.

export interface ReportFieldsProps {
  lines: { id: string; item: string; budget: string }[];
  value: (name: string) => string;
  errors: Record<string, string>;
}

export function GrantReportFields({ lines, value, errors }: ReportFieldsProps) {
  return (
    <>
      <TextArea name="whatWasDone" label="What was done with the grant" hint="What happened, what changed, anything that did not go to plan." defaultValue={value("whatWasDone")} error={errors.whatWasDone} rows={8} />
      <TextField name="participants" label="How many people took part" inputMode="numeric" className="input--short" defaultValue={value("participants")} error={errors.participants} />
      <fieldset className="fieldset">
        <legend>How the money was spent</legend>
        <p className="hint">Against each line of your budget, in pounds. Enter 0 for a line you did not spend on.</p>
        {lines.map((line) => (
          <TextField key={line.id} name={spentField(line.id)} label={`${line.item} (budget ${line.budget})`} prefix="£" inputMode="decimal" className="input--short" defaultValue={value(spentField(line.id))} error={errors[spentField(line.id)]} />
        ))}
        <TextArea name="underspendNote" label="Anything not spent" optional hint="If some of the grant was not spent, say how much and why." defaultValue={value("underspendNote")} error={errors.underspendNote} rows={3} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Who the funder can ask about this report</legend>
        <TextField name="contactName" label="Name" autoComplete="name" defaultValue={value("contactName")} error={errors.contactName} />
        <TextField name="contactEmail" label="Email address" type="email" autoComplete="email" defaultValue={value("contactEmail")} error={errors.contactEmail} />
        <TextField name="contactPhone" label="Phone number" optional type="tel" autoComplete="tel" defaultValue={value("contactPhone")} error={errors.contactPhone} />
      </fieldset>
    </>
  );
}
