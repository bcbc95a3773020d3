import type { FieldFor } from "~/components/bid-form/use-bid-form";
import { TextArea, TextField } from "~/components/forms";
import type { CountText } from "~/components/text-area";
import { LIMITS } from "~/domain/bid";
import { useT } from "~/i18n/i18n-context";

interface SectionProps {
  field: FieldFor;
  errors: Record<string, string>;
}

export function ContactSection({ field, errors }: SectionProps) {
  const t = useT();
  return (
    <>
      <h2>{t("apply.form.contact.heading")}</h2>
      <TextField {...field("contactName")} label={t("apply.form.contactName")} error={errors.contactName} autoComplete="name" />
      <TextField
        {...field("contactEmail")}
        type="email"
        label={t("apply.form.contactEmail")}
        hint={t("apply.form.contactEmail.hint")}
        error={errors.contactEmail}
        autoComplete="email"
        spellCheck={false}
      />
      <TextField
        {...field("contactPhone")}
        type="tel"
        label={t("apply.form.contactPhone")}
        optional={t("apply.form.optional")}
        hint={t("apply.form.contactPhone.hint")}
        error={errors.contactPhone}
        autoComplete="tel"
      />
    </>
  );
}

export function ProjectSection({ field, errors }: SectionProps) {
  const t = useT();
  const countText: CountText = ({ over, max, left }) =>
    over !== null ? t("apply.count.over", { n: over }) : t("apply.count.left", { max, left: left === null ? "none" : left });
  return (
    <>
      <h2>{t("apply.form.project.heading")}</h2>
      <TextField {...field("projectTitle")} label={t("apply.form.projectTitle")} hint={t("apply.form.projectTitle.hint", { max: LIMITS.projectTitle })} error={errors.projectTitle} />
      <TextArea {...field("summary")} label={t("apply.form.summary")} hint={t("apply.form.summary.hint")} error={errors.summary} countText={countText} maxChars={LIMITS.summary} rows={5} />
      <TextArea
        {...field("difference")}
        label={t("apply.form.difference")}
        hint={t("apply.form.difference.hint")}
        error={errors.difference}
        countText={countText} maxChars={LIMITS.difference}
        rows={7}
      />
      <TextArea
        {...field("beneficiaries")}
        label={t("apply.form.beneficiaries")}
        hint={t("apply.form.beneficiaries.hint")}
        error={errors.beneficiaries}
        countText={countText} maxChars={LIMITS.beneficiaries}
        rows={3}
      />
      <TextField
        {...field("beneficiaryCount")}
        label={t("apply.form.beneficiaryCount")}
        hint={t("apply.form.beneficiaryCount.hint")}
        error={errors.beneficiaryCount}
        inputMode="numeric"
        className="input--short"
      />
    </>
  );
}
