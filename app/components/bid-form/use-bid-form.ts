import { useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useForm, type FieldPath, type Resolver } from "react-hook-form";
import { bidResolver } from "~/components/bid-resolver";
import { flattenErrors, inPageOrder } from "~/components/bid-form/error-order";
import { useBudgetRows } from "~/components/bid-form/use-budget-rows";
import type { BidFormValues, BidRules } from "~/domain/bid";

export type FundRules = Omit<BidRules, "now" | "mode" | "keepStartDate">;
export type Intent = "continue" | "draft" | "save" | "add-line";

interface Options {
  values: BidFormValues;
  serverErrors: Record<string, string>;
  rules: FundRules;
  keepStartDate?: string | null;
  primary: Intent;
}

/**
 * The bid form's state: react-hook-form over the domain's own checks (bidProblems), the server's
 * messages until JavaScript has run, the budget rows, and what each button does.
 */
export function useBidForm({ values, serverErrors, rules, keepStartDate, primary }: Options) {
  const submit = useSubmit();
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
  const rows = useBudgetRows(form, values.budget.length);

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

  const errors = inPageOrder(hydrated ? flattenErrors(form.formState.errors) : serverErrors);

  /** A box's props: uncontrolled, so it shows what the server rendered before JavaScript runs. */
  function field(name: FieldPath<BidFormValues>) {
    const { ref, ...registered } = form.register(name);
    const value: unknown = form.getValues(name);
    return { ...registered, inputRef: ref, defaultValue: typeof value === "string" ? value : "" };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const intent = (submitter?.value as Intent | undefined) ?? primary;
    if (intent === "add-line") {
      event.preventDefault();
      rows.add();
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

  return { form, rows, hydrated, errors, field, onSubmit };
}

export type BidField = ReturnType<ReturnType<typeof useBidForm>["field"]>;
export type FieldFor = (name: FieldPath<BidFormValues>) => BidField;
