import type { PayeeDetails } from "~/domain/bank/payee-details";
import { formatSortCode } from "~/domain/bank/payee-limits";

// The whole payment details as a funder making a manual payment needs them: only on the
// "prepare the payment" page, and every showing is in the audit log.

export interface PayeeView {
  details: PayeeDetails | null;
  problem: "none_given" | "erased" | "unreadable" | null;
  payeeName: string;
  groupName: string;
  parentOrgName: string | null;
  givenAt: string | null;
}

const PROBLEMS = {
  none_given: "The group has not given its payment details yet. It can do so from its private link once it has accepted the award.",
  erased: "The group’s payment details were erased with its personal data. Ask the group for them again.",
  unreadable:
    "The stored payment details cannot be decrypted: they were changed outside Pitchday, or BANK_DETAILS_KEY has changed. Do not pay; ask the group to give them again.",
};

export function PayeeForPayment({ payee, reference, amount }: { payee: PayeeView; reference: string; amount: string }) {
  if (!payee.details) return <p className="notice">{PROBLEMS[payee.problem ?? "none_given"]}</p>;
  const d = payee.details;
  return (
    <>
      <dl className="summary">
        <div>
          <dt>Pay</dt>
          <dd>{amount}</dd>
        </div>
        <div>
          <dt>Payee</dt>
          <dd>
            {payee.payeeName}
            {d.party === "PARENT" ? ` (on behalf of ${payee.groupName}, the beneficiary)` : ""}
          </dd>
        </div>
        {d.kind === "BANK" ? (
          <>
            <div>
              <dt>Name on the account</dt>
              <dd>{d.accountName}</dd>
            </div>
            <div>
              <dt>Sort code</dt>
              <dd className="numeric">{formatSortCode(d.sortCode ?? "")}</dd>
            </div>
            <div>
              <dt>Account number</dt>
              <dd className="numeric">{d.accountNumber}</dd>
            </div>
          </>
        ) : (
          <div>
            <dt>Cheque payable to</dt>
            <dd>{d.chequePayee}</dd>
          </div>
        )}
        <div>
          <dt>Payment reference</dt>
          <dd>{reference}</dd>
        </div>
        {payee.givenAt ? (
          <div>
            <dt>Details given</dt>
            <dd>{payee.givenAt}</dd>
          </div>
        ) : null}
      </dl>
      <p>
        Pitchday checked that the sort code and account number go together (VocaLink’s modulus check), not who holds the account. If these
        details changed recently and nobody at the group told you, call the group on a number you already had before paying.
      </p>
    </>
  );
}
