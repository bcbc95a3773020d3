import { Form } from "@remix-run/react";
import type { MaskedPayee } from "~/domain/bank/payee-details";

// "Are these right?": the details read back before they are saved (the account name in full,
// the number masked), with what was typed carried in hidden fields so nothing is lost; and the
// saved details as the group's page shows them afterwards.

export function PayeeLines({ payee, payeeName }: { payee: MaskedPayee; payeeName: string }) {
  return (
    <dl className="summary">
      <div>
        <dt>Paid to</dt>
        <dd>{payeeName}</dd>
      </div>
      {payee.kind === "BANK" ? (
        <>
          <div>
            <dt>Name on the account</dt>
            <dd>{payee.name}</dd>
          </div>
          <div>
            <dt>Sort code and account</dt>
            <dd>{payee.account}</dd>
          </div>
        </>
      ) : (
        <div>
          <dt>Cheque payable to</dt>
          <dd>{payee.name}</dd>
        </div>
      )}
    </dl>
  );
}

export function PayeeConfirm({ payee, payeeName, values }: { payee: MaskedPayee; payeeName: string; values: Record<string, string> }) {
  return (
    <>
      <h1>Check the payment details</h1>
      <p className="lead">
        {payee.kind === "BANK"
          ? "Check the name on the account: it must be the name the bank holds, or the bank may refuse the payment."
          : "Check the name: the cheque will be made out exactly like this."}
      </p>
      <PayeeLines payee={payee} payeeName={payeeName} />
      <Form method="post">
        {Object.entries(values).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="button-group">
          <button type="submit" name="intent" value="save" className="button">
            Save these details
          </button>
          <button type="submit" name="intent" value="change" className="button button--secondary">
            Change them
          </button>
        </div>
      </Form>
    </>
  );
}
