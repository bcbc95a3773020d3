import { useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from "react";
import { inPageOrder } from "~/components/bid-form/error-order";
import { useBudgetRows } from "~/components/bid-form/use-budget-rows";
import type { MessageErrors } from "~/domain/message";
import { formValuesFromEntries, TEXT_FIELDS, type BidFormValues, type BidRules, type BudgetRow, type TextFieldName } from "~/domain/bid";

export type FundRules = Omit<BidRules, "now" | "mode" | "keepStartDate">;
export type Intent = "continue" | "draft" | "save" | "add-line";
export type BidFieldName = TextFieldName | `budget.${number}.${keyof BudgetRow}`;

interface Options {
  values: BidFormValues;
  serverErrors: MessageErrors;
  rules: FundRules;
  keepStartDate?: string | null;
  primary: Intent;
}

type Checks = typeof import("~/components/bid-form/bid-checks");
let checks: Promise<Checks> | null = null;

// why lazily: a phone needs the checks only once a person is in the form, not to show the page.
// A failed load is forgotten, so the next box tries again; meanwhile the server checks.
function loadChecks() {
  checks ??= import("~/components/bid-form/bid-checks").catch((error: unknown) => {
    checks = null;
    throw error;
  });
  return checks;
}

const BOX = new Set<string>(TEXT_FIELDS);
/** The name of the bid's box an event came from, if it came from one (not a button). */
function boxName(target: EventTarget) {
  const name = (target as Partial<HTMLInputElement>).name ?? "";
  return BOX.has(name) || /^budget\.\d+\.(item|amount)$/.test(name) ? name : null;
}

/** What the boxes hold now: the page is the record (every box is uncontrolled). */
function readValues(form: HTMLFormElement) {
  const entries: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === "string") entries[name] = value;
  return formValuesFromEntries(entries);
}

/**
 * The bid form's state over the domain's own checks (bidFieldErrors): the server's messages until
 * JavaScript has run; then a box's message once a person has left it (as typed, a draft's rules),
 * kept up to date as they type, and every message once they press a button.
 */
export function useBidForm({ values, serverErrors, rules, keepStartDate, primary }: Options) {
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState(values);
  const [errors, setErrors] = useState(serverErrors);
  const [hydrated, setHydrated] = useState(false);
  const [summaryFocus, setSummaryFocus] = useState(0);
  // why: until a person presses a button, only boxes they have left show messages, checked as
  // a draft, so nobody is told off for a box they have not reached yet.
  const shown = useRef(new Set<string>());
  const pressed = useRef<BidRules["mode"] | null>(null);

  async function check() {
    const form = formRef.current;
    if (!form) return {};
    const { bidFieldErrors } = await loadChecks();
    const all = bidFieldErrors(readValues(form), { ...rules, now: new Date(), mode: pressed.current ?? "draft", keepStartDate });
    const show = (key: string) =>
      pressed.current !== null || shown.current.has(key) || (key === "budget" && [...shown.current].some((name) => name.startsWith("budget.")));
    setErrors(Object.fromEntries(Object.entries(all).filter(([key]) => show(key))));
    return all;
  }
  const recheck = () => void check().catch(() => undefined);
  const rows = useBudgetRows(formRef, values.budget.length, (names) => {
    for (const name of names) shown.current.add(name);
    if (formRef.current) setCurrent(readValues(formRef.current));
    recheck();
  });

  useEffect(() => {
    setErrors(serverErrors);
    for (const name of Object.keys(serverErrors)) shown.current.add(name);
    setHydrated(true);
    if (Object.keys(serverErrors).length > 0) setSummaryFocus((n) => n + 1);
  }, [serverErrors]);
  useEffect(() => {
    if (summaryFocus > 0) document.querySelector<HTMLElement>(".error-summary")?.focus();
  }, [summaryFocus]);

  /** A box's props: uncontrolled, so it shows what the server rendered before JavaScript runs. */
  function field(name: BidFieldName) {
    const [, row, part] = /^budget\.(\d+)\.(item|amount)$/.exec(name) ?? [];
    const value = row === undefined ? current[name as TextFieldName] : current.budget[Number(row)]?.[part as keyof BudgetRow];
    return { name, defaultValue: value ?? "" };
  }

  const handlers = {
    ref: formRef,
    onFocus: () => void loadChecks().catch(() => undefined),
    onBlur(event: FocusEvent<HTMLFormElement>) {
      const name = boxName(event.target);
      if (!name) return;
      shown.current.add(name);
      recheck();
    },
    onChange(event: FormEvent<HTMLFormElement>) {
      const name = boxName(event.target);
      if (!name) return;
      setCurrent(readValues(event.currentTarget));
      if (pressed.current !== null || shown.current.has(name)) recheck();
    },
    onSubmit(event: FormEvent<HTMLFormElement>) {
      const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
      const intent = (submitter?.value as Intent | undefined) ?? primary;
      event.preventDefault();
      if (intent === "add-line") return rows.add();
      pressed.current = intent === "draft" ? "draft" : "submit";
      const data = new FormData(event.currentTarget);
      data.set("intent", intent);
      check().then(
        (problems) => (Object.keys(problems).length === 0 ? submit(data, { method: "post" }) : setSummaryFocus((n) => n + 1)),
        // why: without the checks (a lost connection), the server's own say what is wrong.
        () => submit(data, { method: "post" }),
      );
    },
  };

  return { handlers, current, rows, hydrated, errors: inPageOrder(hydrated ? errors : serverErrors), field };
}

export type FieldFor = (name: BidFieldName) => { name: string; defaultValue: string };
export type BidField = ReturnType<FieldFor>;
