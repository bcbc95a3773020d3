import { Form } from "@remix-run/react";
import type { MaskedPayee } from "~/domain/bank/payee-details";
import { useT } from "~/i18n/i18n-context";

// "Are these right?": the details read back before they are saved (the account name in full,
// the number masked), with what was typed carried in hidden fields so nothing is lost; and the
// saved details as the group's page shows them afterwards.

export function PayeeLines({ payee, payeeName }: { payee: MaskedPayee; payeeName: string }) {
  const t = useT();
  return (
    <dl className="summary">
      <div>
        <dt>{t("bid.payee.lines.paidTo")}</dt>
        <dd>{payeeName}</dd>
      </div>
      {payee.kind === "BANK" ? (
        <>
          <div>
            <dt>{t("bid.payee.label.accountName")}</dt>
            <dd>{payee.name}</dd>
          </div>
          <div>
            <dt>{t("bid.payee.lines.account")}</dt>
            <dd>{payee.sortCode ? t("bid.payee.lines.accountValue", { sortCode: payee.sortCode, ending: payee.accountEnding ?? "" }) : payee.account}</dd>
          </div>
        </>
      ) : (
        <div>
          <dt>{t("bid.payee.label.chequePayee")}</dt>
          <dd>{payee.name}</dd>
        </div>
      )}
    </dl>
  );
}

export function PayeeConfirm({ payee, payeeName, values }: { payee: MaskedPayee; payeeName: string; values: Record<string, string> }) {
  const t = useT();
  return (
    <>
      <h1>{t("bid.payee.confirm.heading")}</h1>
      <p className="lead">{t(`bid.payee.confirm.${payee.kind}`)}</p>
      <PayeeLines payee={payee} payeeName={payeeName} />
      <Form method="post">
        {Object.entries(values).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="button-group">
          <button type="submit" name="intent" value="save" className="button">
            {t("bid.payee.confirm.save")}
          </button>
          <button type="submit" name="intent" value="change" className="button button--secondary">
            {t("bid.payee.confirm.change")}
          </button>
        </div>
      </Form>
    </>
  );
}
