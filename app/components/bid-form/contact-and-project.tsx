import type { FieldFor } from "~/components/bid-form/use-bid-form";
import { TextArea, TextField } from "~/components/forms";
import { LIMITS } from "~/domain/bid";

interface SectionProps {
  field: FieldFor;
  errors: Record<string, string>;
}

export function ContactSection({ field, errors }: SectionProps) {
  return (
    <>
      <h2>Who we should contact</h2>
      <TextField {...field("contactName")} label="Full name" error={errors.contactName} autoComplete="name" />
      <TextField
        {...field("contactEmail")}
        type="email"
        label="Email address"
        hint="We will send your private link and any news about your bid here."
        error={errors.contactEmail}
        autoComplete="email"
        spellCheck={false}
      />
      <TextField
        {...field("contactPhone")}
        type="tel"
        label="Telephone number"
        optional
        hint="In case we need to reach you quickly about your pitch."
        error={errors.contactPhone}
        autoComplete="tel"
      />
    </>
  );
}

export function ProjectSection({ field, errors }: SectionProps) {
  return (
    <>
      <h2>Your project</h2>
      <TextField {...field("projectTitle")} label="Project title" hint={`Up to ${LIMITS.projectTitle} characters.`} error={errors.projectTitle} />
      <TextArea {...field("summary")} label="Summary of your project" hint="What you will do, in a few sentences." error={errors.summary} maxChars={LIMITS.summary} rows={5} />
      <TextArea
        {...field("difference")}
        label="The difference it will make"
        hint="What will be better, and for whom, because of this project?"
        error={errors.difference}
        maxChars={LIMITS.difference}
        rows={7}
      />
      <TextArea
        {...field("beneficiaries")}
        label="Who will benefit"
        hint="For example older people living alone in Thornbury, or families at the primary school."
        error={errors.beneficiaries}
        maxChars={LIMITS.beneficiaries}
        rows={3}
      />
      <TextField
        {...field("beneficiaryCount")}
        label="Roughly how many people will benefit"
        hint="A whole number; your best estimate is fine."
        error={errors.beneficiaryCount}
        inputMode="numeric"
        className="input--short"
      />
    </>
  );
}
