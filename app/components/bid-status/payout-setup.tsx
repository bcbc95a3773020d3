import { Link } from "@remix-run/react";
import type { GroupAwardView } from "~/domain/group-award";
import { useT } from "~/i18n/i18n-context";

// Paying the award through Stripe, on the group's page: a button to start or continue, or
// where the account stands.

export function PayoutSetup({ base, setup }: { base: string; setup: GroupAwardView["setup"] }) {
  const t = useT();
  if (setup === null) return null;
  if (setup === "checking" || setup === "ready") return <p>{t(`bid.payout.${setup}`)}</p>;
  return (
    <>
      <p>{t(`bid.payout.${setup}`)}</p>
      <p>
        <Link to={`${base}/payout`} className="button">
          {t(setup === "start" ? "bid.payout.startButton" : "bid.payout.continueButton")}
        </Link>
      </p>
    </>
  );
}
