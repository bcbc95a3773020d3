import { Form, useNavigation } from "@remix-run/react";
import type { MouseEvent } from "react";
import { BudgetTable } from "~/components/bid-form/budget-table";
import { ContactSection, ProjectSection } from "~/components/bid-form/contact-and-project";
import { GroupSection } from "~/components/bid-form/group-section";
import { useBidForm, type FundRules, type Intent } from "~/components/bid-form/use-bid-form";
import { ErrorSummary, TextField } from "~/components/forms";
import { MAX_BUDGET_LINES, type BidFormValues } from "~/domain/bid";
import { formatMoney } from "~/domain/money";

// The one-page bid. Without JavaScript it is a plain form: every conditional box shows, "Add
// another line" posts and comes back with one more row, and the server's messages show. With
// JavaScript, useBidForm runs the server's own checks (bidFieldErrors) on blur and on submit, shows
// only the chosen group type's box, adds and removes budget rows, and keeps a running total.

export interface BidFormProps {
  values: BidFormValues;
  /** The server's messages; the same object until the server answers again. */
  errors?: Record<string, string>;
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

const NO_ERRORS: Record<string, string> = {};

export function BidForm({ values, errors: serverErrors = NO_ERRORS, rules, kind, formError, keepStartDate }: BidFormProps) {
  const primary: Intent = kind === "submitted" ? "save" : "continue";
  const { handlers, current, rows, hydrated, errors, field } = useBidForm({ values, serverErrors, rules, keepStartDate, primary });
  const busy = useNavigation().state === "submitting";
  const money = (pence: number) => formatMoney(pence, rules.currency ?? "GBP");

  return (
    <Form method="post" noValidate {...handlers} onClick={onSummaryClick} className="bid-form" aria-label="Your bid">
      {/* why: pressing Enter (or "Go" on a phone keyboard) uses the first button in a form. */}
      <button type="submit" name="intent" value={primary} className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {primary === "save" ? "Save changes" : "Save and continue"}
      </button>
      {formError ? (
        <div className="notice notice--warning" role="alert">
          <p>{formError}</p>
        </div>
      ) : null}
      <ErrorSummary errors={errors} />

      <div className="honeypot">
        <label htmlFor="field-website">Leave this field empty</label>
        <input type="text" id="field-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <GroupSection field={field} errors={errors} defaultType={values.groupType} selected={hydrated ? current.groupType : undefined} />
      <ContactSection field={field} errors={errors} />
      <ProjectSection field={field} errors={errors} />

      <h2>Money</h2>
      <TextField
        {...field("amountRequested")}
        label="How much are you asking for?"
        hint={`Between ${money(rules.minAwardPence)} and ${money(rules.maxAwardPence)}, in pounds.`}
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
          Add another line
        </button>
      ) : null}

      <h2>Dates</h2>
      <TextField {...field("startDate")} type="date" label="Start date" hint="Today or later." error={errors.startDate} className="input--short" />
      <TextField {...field("endDate")} type="date" label="End date" hint="After the start date." error={errors.endDate} className="input--short" />

      <FormButtons kind={kind} busy={busy} />
    </Form>
  );
}

function FormButtons({ kind, busy }: { kind: BidFormProps["kind"]; busy: boolean }) {
  return (
    <>
      <div className="button-group">
        {kind === "submitted" ? (
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            {busy ? "Saving…" : "Save changes"}
          </button>
        ) : (
          <>
            <button type="submit" name="intent" value="continue" className="button" disabled={busy}>
              Save and continue
            </button>
            <button type="submit" name="intent" value="draft" className="button button--secondary" disabled={busy}>
              Save as draft
            </button>
          </>
        )}
      </div>
      {kind !== "submitted" ? (
        <p className="hint">
          &ldquo;Save and continue&rdquo; takes you to a page to check your answers before you submit. &ldquo;Save as
          draft&rdquo; keeps what you have typed and emails you a private link to come back to it.
        </p>
      ) : null}
    </>
  );
}
