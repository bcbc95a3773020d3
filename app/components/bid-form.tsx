import { Form, useNavigation } from "@remix-run/react";
import type { MouseEvent } from "react";
import { BudgetTable } from "~/components/bid-form/budget-table";
import { ContactSection, ProjectSection } from "~/components/bid-form/contact-and-project";
import { GroupSection } from "~/components/bid-form/group-section";
import { FormButtons } from "~/components/bid-form/form-buttons";
import { LanguageChoice } from "~/components/bid-form/language-choice";
import { useBidForm, type FundRules, type Intent } from "~/components/bid-form/use-bid-form";
import { ErrorSummary, TextField } from "~/components/forms";
import { MAX_BUDGET_LINES, type BidFormValues } from "~/domain/bid";
import type { MessageErrors } from "~/domain/message";
import { useT } from "~/i18n/i18n-context";
import { errorTexts } from "~/i18n/message-text";
import { formatMoneyIn } from "~/i18n/money";

// The one-page bid. Without JavaScript it is a plain form: every conditional box shows, "Add
// another line" posts and comes back with one more row, and the server's messages show. With
// JavaScript, useBidForm runs the server's own checks (bidFieldErrors) on blur and on submit, shows
// only the chosen group type's box, adds and removes budget rows, and keeps a running total.

export interface BidFormProps {
  values: BidFormValues;
  /** The server's messages (keys, said here in the page's language); the same object until the server answers again. */
  errors?: MessageErrors;
  rules: FundRules;
  /** new: the apply page; draft: an unsubmitted bid; submitted: a change to a submitted bid. */
  kind: "new" | "draft" | "submitted";
  /** A problem with the whole form (too many bids from this connection, round closed). */
  formError?: string | null;
  keepStartDate?: string | null;
}

// why: a link in the error summary should put the cursor in the box, not just scroll to it.
function onSummaryClick(event: MouseEvent<HTMLFormElement>) {
  const link = (event.target as HTMLElement).closest?.(".error-summary a");
  const href = link?.getAttribute("href");
  const target = href?.startsWith("#") ? document.getElementById(href.slice(1)) : null;
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
}

const NO_ERRORS: MessageErrors = {};

export function BidForm({ values, errors: serverErrors = NO_ERRORS, rules, kind, formError, keepStartDate }: BidFormProps) {
  const primary: Intent = kind === "submitted" ? "save" : "continue";
  const t = useT();
  const form = useBidForm({ values, serverErrors, rules, keepStartDate, primary });
  const { handlers, current, rows, hydrated, field } = form;
  const errors = errorTexts(t, t.lang, form.errors, rules.currency ?? "GBP");
  const busy = useNavigation().state === "submitting";
  const money = (pence: number) => formatMoneyIn(t.lang, pence, rules.currency ?? "GBP");

  return (
    <Form method="post" noValidate {...handlers} onClick={onSummaryClick} className="bid-form" aria-label={t("apply.form.label")}>
      {/* why: pressing Enter (or "Go" on a phone keyboard) uses the first button in a form. */}
      <button type="submit" name="intent" value={primary} className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {primary === "save" ? t("apply.form.saveChanges") : t("apply.form.continue")}
      </button>
      {formError ? (
        <div className="notice notice--warning" role="alert">
          <p>{formError}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} title={t("apply.form.errorTitle")} />

      <div className="honeypot">
        <label htmlFor="field-website">{t("apply.form.honeypot")}</label>
        <input type="text" id="field-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <LanguageChoice defaultValue={values.language} error={errors.language} />
      <GroupSection field={field} errors={errors} defaultType={values.groupType} selected={hydrated ? current.groupType : undefined} />
      <ContactSection field={field} errors={errors} />
      <ProjectSection field={field} errors={errors} />

      <h2>{t("apply.form.money.heading")}</h2>
      <TextField
        {...field("amountRequested")}
        label={t("apply.form.amountRequested")}
        hint={t("apply.form.amountRequested.hint", { min: money(rules.minAwardPence), max: money(rules.maxAwardPence) })}
        error={errors.amountRequested}
        prefix="£"
        inputMode="decimal"
        autoComplete="off"
      />
      <BudgetTable
        field={field}
        errors={errors}
        count={rows.count}
        lines={current.budget}
        requestedText={current.amountRequested}
        onRemove={hydrated ? rows.remove : null}
        money={money}
      />
      {rows.count < MAX_BUDGET_LINES ? (
        <button type="submit" name="intent" value="add-line" className="button button--secondary">
          {t("apply.form.addLine")}
        </button>
      ) : null}

      <h2>{t("apply.form.dates.heading")}</h2>
      <TextField {...field("startDate")} type="date" label={t("apply.form.startDate")} hint={t("apply.form.startDate.hint")} error={errors.startDate} className="input--short" />
      <TextField {...field("endDate")} type="date" label={t("apply.form.endDate")} hint={t("apply.form.endDate.hint")} error={errors.endDate} className="input--short" />

      <FormButtons kind={kind} busy={busy} />
    </Form>
  );
}
