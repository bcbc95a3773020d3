import { Form } from "@remix-run/react";
import { useState } from "react";
import { ACCOUNT_NAME_MAX, CHEQUE_PAYEE_MAX } from "~/domain/bank/payee-details";
import { Choices, ErrorSummary, TextField } from "~/components/forms";

// The group's bank details form: who is paid (when the bid names a parent organisation), then
// a bank account or a cheque payee. Without JavaScript both sets of fields show; with it, only
// the chosen one. Sent first to be checked and read back ("check"), then saved.

type Values = Record<string, string | string[] | undefined>;

interface Props {
  groupName: string;
  parentOrgName: string | null;
  values: Values;
  errors: Record<string, string | undefined>;
}

const LABELS = { party: "Who is paid", kind: "How to pay", accountName: "Name on the account", sortCode: "Sort code", accountNumber: "Account number", chequePayee: "Cheque payable to" };

const text = (values: Values, name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");

export function PayeeForm({ groupName, parentOrgName, values, errors }: Props) {
  const [kind, setKind] = useState(text(values, "kind") || undefined);
  const bankFields = (
    <>
      <TextField name="accountName" label={LABELS.accountName} hint={`As it appears on a bank statement; the first ${ACCOUNT_NAME_MAX} characters are enough.`} defaultValue={text(values, "accountName")} error={errors.accountName} autoComplete="off" maxLength={60} />
      <TextField name="sortCode" label={LABELS.sortCode} hint="6 digits, for example 30-94-57" defaultValue={text(values, "sortCode")} error={errors.sortCode} inputMode="numeric" autoComplete="off" />
      <TextField name="accountNumber" label={LABELS.accountNumber} hint="6 to 8 digits" defaultValue={text(values, "accountNumber")} error={errors.accountNumber} inputMode="numeric" autoComplete="off" />
    </>
  );
  return (
    <>
      <ErrorSummary errors={errors} labels={LABELS} />
      {errors.form ? <p className="error-message">{errors.form}</p> : null}
      <Form method="post" noValidate>
        {parentOrgName ? (
          <Choices
            name="party"
            legend={LABELS.party}
            hint="A group without a bank account of its own can be paid through the organisation it applied through."
            error={errors.party}
            defaultValue={text(values, "party")}
            choices={[
              { value: "GROUP", label: `${groupName}, into its own account` },
              { value: "PARENT", label: `${parentOrgName}, on ${groupName}’s behalf` },
            ]}
          />
        ) : null}
        <Choices
          name="kind"
          legend={LABELS.kind}
          error={errors.kind}
          defaultValue={text(values, "kind")}
          selected={kind}
          inputProps={{ onChange: (event) => setKind(event.currentTarget.value) }}
          choices={[
            { value: "BANK", label: "Bank transfer to a UK account", conditional: bankFields },
            {
              value: "CHEQUE",
              label: "Cheque",
              conditional: (
                <TextField name="chequePayee" label={LABELS.chequePayee} hint="The name the cheque is made out to, exactly as the bank account holds it." defaultValue={text(values, "chequePayee")} error={errors.chequePayee} maxLength={CHEQUE_PAYEE_MAX + 20} />
              ),
            },
          ]}
        />
        <button type="submit" name="intent" value="check" className="button">
          Continue
        </button>
      </Form>
    </>
  );
}
