import { Form } from "@remix-run/react";
import { useState } from "react";
import { CHEQUE_PAYEE_MAX, PAYEE_ERROR_VALUES } from "~/domain/bank/payee-limits";
import { ErrorSummary, TextField } from "~/components/forms";
import { Choices } from "~/components/choices";
import { useT } from "~/i18n/i18n-context";
import { useFieldErrors } from "~/i18n/message-args";

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

const FIELDS = ["party", "kind", "accountName", "sortCode", "accountNumber", "chequePayee"] as const;

const text = (values: Values, name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");

export function PayeeForm({ groupName, parentOrgName, values, errors: keys }: Props) {
  const t = useT();
  const errors = useFieldErrors()(keys, PAYEE_ERROR_VALUES);
  const labels = Object.fromEntries(FIELDS.map((name) => [name, t(`bid.payee.label.${name}`)]));
  const [kind, setKind] = useState(text(values, "kind") || undefined);
  const field = (name: "accountName" | "sortCode" | "accountNumber") => ({
    name,
    label: labels[name],
    hint: t(`bid.payee.hint.${name}`, PAYEE_ERROR_VALUES),
    defaultValue: text(values, name),
    error: errors[name],
    autoComplete: "off",
  });
  const bankFields = (
    <>
      <TextField {...field("accountName")} maxLength={60} />
      <TextField {...field("sortCode")} inputMode="numeric" />
      <TextField {...field("accountNumber")} inputMode="numeric" />
    </>
  );
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      {errors.form ? <p className="error-message">{errors.form}</p> : null}
      <Form method="post" noValidate>
        {parentOrgName ? (
          <Choices
            name="party"
            legend={labels.party}
            hint={t("bid.payee.hint.party")}
            error={errors.party}
            defaultValue={text(values, "party")}
            choices={[
              { value: "GROUP", label: t("bid.payee.party.GROUP", { group: groupName }) },
              { value: "PARENT", label: t("bid.payee.party.PARENT", { group: groupName, parent: parentOrgName }) },
            ]}
          />
        ) : null}
        <Choices
          name="kind"
          legend={labels.kind}
          error={errors.kind}
          defaultValue={text(values, "kind")}
          selected={kind}
          inputProps={{ onChange: (event) => setKind(event.currentTarget.value) }}
          choices={[
            { value: "BANK", label: t("bid.payee.kind.BANK"), conditional: bankFields },
            {
              value: "CHEQUE",
              label: t("bid.payee.kind.CHEQUE"),
              conditional: (
                <TextField name="chequePayee" label={labels.chequePayee} hint={t("bid.payee.hint.chequePayee")} defaultValue={text(values, "chequePayee")} error={errors.chequePayee} maxLength={CHEQUE_PAYEE_MAX + 20} />
              ),
            },
          ]}
        />
        <button type="submit" name="intent" value="check" className="button">
          {t("bid.payee.continue")}
        </button>
      </Form>
    </>
  );
}
