import { TextArea, TextField } from "~/components/forms";
import { spentField } from "~/domain/grant-report-limits";
import { useT } from "~/i18n/i18n-context";

// The report's answers: what was done, who took part, spend per budget line, and a contact.

export interface ReportFieldsProps {
  lines: { id: string; item: string; budget: string }[];
  value: (name: string) => string;
  /** Already said in the page's language. */
  errors: Record<string, string>;
}

export function GrantReportFields({ lines, value, errors }: ReportFieldsProps) {
  const t = useT();
  const text = (name: string) => ({ name, defaultValue: value(name), error: errors[name] });
  return (
    <>
      <TextArea {...text("whatWasDone")} label={t("bid.report.field.whatWasDone")} hint={t("bid.report.field.whatWasDoneHint")} rows={8} />
      <TextField {...text("participants")} label={t("bid.report.field.participants")} inputMode="numeric" className="input--short" />
      <fieldset className="fieldset">
        <legend>{t("bid.report.field.spend")}</legend>
        <p className="hint">{t("bid.report.field.spendHint")}</p>
        {lines.map((line) => (
          <TextField key={line.id} {...text(spentField(line.id))} label={t("bid.report.field.line", { item: line.item, budget: line.budget })} prefix="£" inputMode="decimal" className="input--short" />
        ))}
        <TextArea {...text("underspendNote")} label={t("bid.report.field.underspend")} optional hint={t("bid.report.field.underspendHint")} rows={3} />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t("bid.report.field.contact")}</legend>
        <TextField {...text("contactName")} label={t("bid.report.field.contactName")} autoComplete="name" />
        <TextField {...text("contactEmail")} label={t("bid.report.field.contactEmail")} type="email" autoComplete="email" />
        <TextField {...text("contactPhone")} label={t("bid.report.field.contactPhone")} optional type="tel" autoComplete="tel" />
      </fieldset>
    </>
  );
}
