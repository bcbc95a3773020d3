import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type FormEvent, type MouseEvent } from "react";
import {
  useController,
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type FieldPath,
  type Resolver,
} from "react-hook-form";
import { bidResolver } from "~/components/bid-resolver";
import { Choices, ErrorSummary, TextArea, TextField, fieldId } from "~/components/forms";
import {
  GROUP_TYPE_LABELS,
  GROUP_TYPES,
  LIMITS,
  MAX_BUDGET_LINES,
  TEXT_FIELDS,
  type BidFormValues,
  type BidRules,
} from "~/domain/bid";
import { formatMoney, parsePounds, sumPence } from "~/domain/money";

// The one-page bid. Without JavaScript it is a plain form: every conditional box shows, "Add
// another line" posts and comes back with one more row, and the server's messages show. With
// JavaScript, react-hook-form runs the server's own checks (bidProblems) on blur and on submit, shows
// only the chosen group type's box, adds and removes budget rows, and keeps a running total.

export type FundRules = Omit<BidRules, "now" | "mode" | "keepStartDate">;

export interface BidFormProps {
  values: BidFormValues;
  errors: Record<string, string>;
  rules: FundRules;
  /** new: the apply page; draft: an unsubmitted bid; submitted: a change to a submitted bid. */
  kind: "new" | "draft" | "submitted";
  /** A problem with the whole form (too many bids from this connection, round closed). */
  formError?: string | null;
  keepStartDate?: string | null;
}

type Intent = "continue" | "draft" | "save" | "add-line";

const ORDER = new Map<string, number>(TEXT_FIELDS.map((name, index) => [name, index]));

/** Messages in the order the fields appear on the page (budget lines sit after the amount). */
function inPageOrder(errors: Record<string, string>) {
  const rank = (key: string) => {
    const budget = /^budget(?:\.(\d+))?/.exec(key);
    if (budget) return (ORDER.get("amountRequested") ?? 0) + 0.5 + (budget[1] ? Number(budget[1]) / 1000 : 0.4999);
    return ORDER.get(key) ?? 999;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

/** react-hook-form's nested errors as { "budget.2.amount": message }, like the server's. */
function flattenErrors(errors: unknown, prefix = "", out: Record<string, string> = {}) {
  if (!errors || typeof errors !== "object") return out;
  for (const [key, value] of Object.entries(errors)) {
    if (key === "ref" || key === "types" || !value || typeof value !== "object") continue;
    const path = key === "root" ? prefix : prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === "string" && message && !(path in out)) out[path] = message;
    flattenErrors(value, path, out);
  }
  return out;
}

function useField(control: Control<BidFormValues>, name: FieldPath<BidFormValues>) {
  const { field } = useController({ control, name });
  return {
    name,
    value: typeof field.value === "string" ? field.value : "",
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => field.onChange(event.target.value),
    onBlur: field.onBlur,
  };
}

export function BidForm({ values, errors: serverErrors, rules, kind, formError, keepStartDate }: BidFormProps) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  // why: until a person presses a button, blur checks only what is typed (a draft's rules),
  // so nobody is told off for a box they have not reached yet.
  const modeRef = useRef<BidRules["mode"]>("draft");
  const resolver = useMemo<Resolver<BidFormValues>>(
    () => bidResolver(() => ({ ...rules, now: new Date(), mode: modeRef.current, keepStartDate })),
    [rules, keepStartDate],
  );
  const form = useForm<BidFormValues>({
    defaultValues: values,
    resolver,
    mode: "onTouched",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const { control } = form;
  const budget = useFieldArray({ control, name: "budget" });

  const [hydrated, setHydrated] = useState(false);
  const [summaryFocus, setSummaryFocus] = useState(0);
  useEffect(() => {
    for (const [name, message] of Object.entries(serverErrors)) {
      form.setError((name === "budget" ? "budget.root" : name) as FieldPath<BidFormValues>, { type: "server", message });
    }
    setHydrated(true);
    if (Object.keys(serverErrors).length > 0) setSummaryFocus((n) => n + 1);
  }, [serverErrors, form]);
  useEffect(() => {
    if (summaryFocus > 0) document.querySelector<HTMLElement>(".error-summary")?.focus();
  }, [summaryFocus]);

  const clientErrors = flattenErrors(form.formState.errors);
  const errors = inPageOrder(hydrated ? clientErrors : serverErrors);

  const fields = Object.fromEntries(
    TEXT_FIELDS.map((name) => [name, useField(control, name)]), // eslint-disable-line react-hooks/rules-of-hooks
  ) as Record<(typeof TEXT_FIELDS)[number], ReturnType<typeof useField>>;
  const groupType = useWatch({ control, name: "groupType" });

  const rowCount = useRef(budget.fields.length);
  useEffect(() => {
    if (budget.fields.length > rowCount.current) {
      document.getElementById(fieldId(`budget.${budget.fields.length - 1}.item`))?.focus();
    }
    rowCount.current = budget.fields.length;
  }, [budget.fields.length]);

  const primary: Intent = kind === "submitted" ? "save" : "continue";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = (submitter?.value as Intent | undefined) ?? primary;
    if (intent === "add-line") {
      event.preventDefault();
      if (budget.fields.length < MAX_BUDGET_LINES) budget.append({ item: "", amount: "" }, { shouldFocus: false });
      return;
    }
    modeRef.current = intent === "draft" ? "draft" : "submit";
    const element = event.currentTarget;
    void form.handleSubmit(
      () => {
        const data = new FormData(element);
        data.set("intent", intent);
        submit(data, { method: "post" });
      },
      () => setSummaryFocus((n) => n + 1),
    )(event);
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

  const money = (pence: number) => formatMoney(pence, rules.currency ?? "GBP");
  const unconstituted = (
    <TextField
      {...fields.parentOrgName}
      label="Name of the organisation applying on your behalf"
      hint="For example a church, school or registered charity that will hold the money for your group."
      error={errors.parentOrgName}
      autoComplete="off"
    />
  );

  return (
    <Form method="post" noValidate onSubmit={onSubmit} onClick={onSummaryClick} className="bid-form" aria-label="Your bid">
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

      <h2>About your group</h2>
      <TextField {...fields.groupName} label="Name of your group" error={errors.groupName} autoComplete="organization" />
      <Choices
        name="groupType"
        legend="What kind of group are you?"
        error={errors.groupType}
        defaultValue={values.groupType}
        selected={hydrated ? groupType : undefined}
        inputProps={{
          onChange: (event) => fields.groupType.onChange(event),
          onBlur: fields.groupType.onBlur,
        }}
        choices={GROUP_TYPES.map((type) => ({
          value: type,
          label: GROUP_TYPE_LABELS[type],
          conditional:
            type === "REGISTERED_CHARITY" ? (
              <TextField
                {...fields.charityNumber}
                label="Registered charity number"
                hint="6 to 8 digits, for example 1123456"
                error={errors.charityNumber}
                inputMode="numeric"
                className="input--short"
                autoComplete="off"
              />
            ) : type === "COMPANY" ? (
              <TextField
                {...fields.companyNumber}
                label="Company number"
                hint="8 characters, for example 01234567 or SC123456"
                error={errors.companyNumber}
                className="input--short"
                autoComplete="off"
              />
            ) : type === "UNCONSTITUTED_GROUP" ? (
              unconstituted
            ) : null,
        }))}
      />
      <TextField
        {...fields.area}
        label="Area or postcode where the project will happen"
        hint="For example Thornbury town centre, or BS35 2AA"
        error={errors.area}
      />

      <h2>Who we should contact</h2>
      <TextField {...fields.contactName} label="Full name" error={errors.contactName} autoComplete="name" />
      <TextField
        {...fields.contactEmail}
        type="email"
        label="Email address"
        hint="We will send your private link and any news about your bid here."
        error={errors.contactEmail}
        autoComplete="email"
        spellCheck={false}
      />
      <TextField
        {...fields.contactPhone}
        type="tel"
        label="Telephone number"
        optional
        hint="In case we need to reach you quickly about your pitch."
        error={errors.contactPhone}
        autoComplete="tel"
      />

      <h2>Your project</h2>
      <TextField {...fields.projectTitle} label="Project title" hint={`Up to ${LIMITS.projectTitle} characters.`} error={errors.projectTitle} />
      <TextArea {...fields.summary} label="Summary of your project" hint="What you will do, in a few sentences." error={errors.summary} maxChars={LIMITS.summary} rows={5} />
      <TextArea
        {...fields.difference}
        label="The difference it will make"
        hint="What will be better, and for whom, because of this project?"
        error={errors.difference}
        maxChars={LIMITS.difference}
        rows={7}
      />
      <TextArea
        {...fields.beneficiaries}
        label="Who will benefit"
        hint="For example older people living alone in Thornbury, or families at the primary school."
        error={errors.beneficiaries}
        maxChars={LIMITS.beneficiaries}
        rows={3}
      />
      <TextField
        {...fields.beneficiaryCount}
        label="Roughly how many people will benefit"
        hint="A whole number; your best estimate is fine."
        error={errors.beneficiaryCount}
        inputMode="numeric"
        className="input--short"
      />

      <h2>Money</h2>
      <TextField
        {...fields.amountRequested}
        label="How much are you asking for?"
        hint={`Between ${money(rules.minAwardPence)} and ${money(rules.maxAwardPence)}, in pounds.`}
        error={errors.amountRequested}
        prefix="£"
        inputMode="decimal"
        autoComplete="off"
      />
      <BudgetTable control={control} errors={errors} rows={budget.fields} onRemove={hydrated ? budget.remove : null} money={money} />
      {budget.fields.length < MAX_BUDGET_LINES ? (
        <button type="submit" name="intent" value="add-line" className="button button--secondary">
          Add another line
        </button>
      ) : null}

      <h2>Dates</h2>
      <TextField {...fields.startDate} type="date" label="Start date" hint="Today or later." error={errors.startDate} className="input--short" />
      <TextField {...fields.endDate} type="date" label="End date" hint="After the start date." error={errors.endDate} className="input--short" />

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
    </Form>
  );
}

interface BudgetTableProps {
  control: Control<BidFormValues>;
  errors: Record<string, string>;
  rows: { id: string }[];
  onRemove: ((index: number) => void) | null;
  money: (pence: number) => string;
}

function BudgetTable({ control, errors, rows, onRemove, money }: BudgetTableProps) {
  const lines = useWatch({ control, name: "budget" }) ?? [];
  const requestedText = useWatch({ control, name: "amountRequested" }) ?? "";
  const amounts = lines.map((line) => parsePounds(line?.amount ?? ""));
  const counted = amounts.filter((a): a is number => a !== null);
  const unreadable = lines.some((line, i) => (line?.amount ?? "").trim() !== "" && amounts[i] === null);
  const total = sumPence(counted);
  const requested = parsePounds(requestedText);
  const difference = requested === null ? null : total - requested;

  return (
    <div className={`field${errors.budget ? " field--error" : ""}`} id={fieldId("budget")} tabIndex={-1}>
      <span className="label" id="budget-label">
        Budget
      </span>
      <span className="hint" id="budget-hint">
        What the money will pay for, one line per item. The lines must add up to the amount you are asking for. Leave
        spare lines empty.
      </span>
      {errors.budget ? (
        <span className="error-message" id="budget-error">
          <span className="visually-hidden">Error: </span>
          {errors.budget}
        </span>
      ) : null}
      <div className="table-wrap">
        <table className="budget-table" aria-labelledby="budget-label" aria-describedby="budget-hint">
          <thead>
            <tr>
              <th scope="col">What it is for</th>
              <th scope="col" className="num">
                Cost (£)
              </th>
              {onRemove ? (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <BudgetRow key={row.id} control={control} index={index} errors={errors} onRemove={onRemove && rows.length > 1 ? onRemove : null} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="budget-total" aria-live="polite">
        Budget lines add up to <strong>{money(total)}</strong>
        {requested !== null ? (
          <>
            {" "}
            and you are asking for <strong>{money(requested)}</strong>.{" "}
            {difference === 0 ? (
              <span className="budget-total__ok">They match.</span>
            ) : (
              <span className="budget-total__gap">
                Difference: {money(Math.abs(difference ?? 0))} {(difference ?? 0) > 0 ? "more" : "less"} than you are asking for.
              </span>
            )}
          </>
        ) : (
          "."
        )}
        {unreadable ? " Costs we cannot read as pounds are not counted." : null}
      </p>
    </div>
  );
}

function BudgetRow({
  control,
  index,
  errors,
  onRemove,
}: {
  control: Control<BidFormValues>;
  index: number;
  errors: Record<string, string>;
  onRemove: ((index: number) => void) | null;
}) {
  const item = useField(control, `budget.${index}.item`);
  const amount = useField(control, `budget.${index}.amount`);
  const n = index + 1;
  return (
    <tr>
      <td>
        <TextField
          {...item}
          label={<span className="visually-hidden">Line {n}: what it is for</span>}
          error={errors[`budget.${index}.item`]}
          autoComplete="off"
        />
      </td>
      <td className="budget-table__amount">
        <TextField
          {...amount}
          label={<span className="visually-hidden">Line {n}: cost in pounds</span>}
          error={errors[`budget.${index}.amount`]}
          inputMode="decimal"
          autoComplete="off"
        />
      </td>
      {onRemove ? (
        <td>
          <button type="button" className="button button--secondary budget-table__remove" onClick={() => onRemove(index)}>
            Remove<span className="visually-hidden"> line {n}</span>
          </button>
        </td>
      ) : null}
    </tr>
  );
}
