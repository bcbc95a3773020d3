import { Link } from "@remix-run/react";
import type { AwardStatus } from "~/domain/payment";
import { useT } from "~/i18n/i18n-context";

// On the group's page, once the award is accepted: where to give (or check) the bank details
// for a payment by bank transfer or cheque.

export function PayeeLink({ base, status }: { base: string; status: AwardStatus }) {
  const t = useT();
  if (status !== "ACCEPTED") return null;
  return (
    <>
      <p>{t("bid.payee.linkText")}</p>
      <p>
        <Link to={`${base}/bank-details`} className="button button--secondary">
          {t("bid.payee.linkButton")}
        </Link>
      </p>
    </>
  );
}
