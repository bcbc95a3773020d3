import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { Choices } from "~/components/choices";

// Making a bank bulk-payment file: which approved bank transfers go in (all ticked at first),
// the funder's own account they are paid from, and the day the bank should pay. One POST form;
// nothing typed is lost when it comes back with errors.

export interface ReadyPayment {
  paymentId: string;
  reference: string;
  groupName: string;
  payeeName: string;
  amount: string;
  account: string;
}

type Values = Record<string, string | string[] | undefined>;

interface Props {
  ready: ReadyPayment[];
  values: Values | null;
  errors: Record<string, string | undefined>;
  defaults: { originName: string; originSortCode: string; originAccountNumber: string; processingDay: string };
}

const LABELS = {
  paymentIds: "Payments in the file",
  originName: "Name on the paying account",
  originSortCode: "Sort code of the paying account",
  originAccountNumber: "Account number of the paying account",
  processingDay: "Day the bank should pay",
};

export function BatchMakeForm({ ready, values, errors, defaults }: Props) {
  const typed = (name: keyof typeof defaults) => {
    const value = values?.[name];
    return typeof value === "string" ? value : defaults[name];
  };
  const chosen = values ? [values.paymentIds ?? []].flat() : ready.map((p) => p.paymentId);
  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create" />
        <Choices
          type="checkbox"
          name="paymentIds"
          legend={LABELS.paymentIds}
          hint="Each was asked for by one funder and approved by another."
          error={errors.paymentIds}
          defaultValue={chosen}
          choices={ready.map((p) => ({
            value: p.paymentId,
            label: `${p.groupName}: ${p.amount}, reference ${p.reference}`,
            hint: `To ${p.payeeName}, ${p.account}`,
          }))}
        />
        <fieldset className="field">
          <legend>The account the payments come from</legend>
          <TextField name="originName" label={LABELS.originName} hint="As your bank has it; the file carries the first 18 characters." defaultValue={typed("originName")} error={errors.originName} autoComplete="off" maxLength={60} />
          <TextField name="originSortCode" label={LABELS.originSortCode} hint="6 digits, for example 30-94-57" defaultValue={typed("originSortCode")} error={errors.originSortCode} inputMode="numeric" autoComplete="off" className="input--short" />
          <TextField name="originAccountNumber" label={LABELS.originAccountNumber} hint="8 digits" defaultValue={typed("originAccountNumber")} error={errors.originAccountNumber} inputMode="numeric" autoComplete="off" className="input--short" />
        </fieldset>
        <TextField
          name="processingDay"
          type="date"
          label={LABELS.processingDay}
          hint="Bacs pays on the third working day after the bank receives the file; your bank may move this day."
          defaultValue={typed("processingDay")}
          error={errors.processingDay}
          className="input--short"
        />
        <button type="submit" className="button">
          Make the bulk-payment file
        </button>
      </Form>
    </>
  );
}
