import { Link } from "@remix-run/react";
import type { AwardStatus } from "~/domain/payment";

// On the group's page, once the award is accepted: where to give (or check) the bank details
// for a payment by bank transfer or cheque.

export function PayeeLink({ base, status }: { base: string; status: AwardStatus }) {
  if (status !== "ACCEPTED") return null;
  return (
    <>
      <p>If the funder pays by bank transfer or cheque, it needs to know where to send the money.</p>
      <p>
        <Link to={`${base}/bank-details`} className="button button--secondary">
          Give or check your bank details
        </Link>
      </p>
    </>
  );
}
