import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { notFound } from "~/utils/http.server";
import { pageTitle, useT } from "~/i18n/i18n-context";

// Where Stripe sends a group's phone after a set-up link the organiser showed as a QR code
// (the staff award page). That link cannot carry the group's private link, which is never
// stored, so these pages name no bid and show nothing about one: the staff page follows the
// account through Stripe's webhooks and its "Check with Stripe now" button.
//   /payout/done      the group left Stripe's pages (finished or not)
//   /payout/expired   the link was used already or timed out

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "bid.payoutOutcome.title") }, { name: "robots", content: "noindex, nofollow" }];

export function loader({ params }: LoaderFunctionArgs) {
  if (params.outcome !== "done" && params.outcome !== "expired") throw notFound();
  return { outcome: params.outcome };
}

export default function PayoutOutcome() {
  const { outcome } = useLoaderData<typeof loader>();
  const t = useT();
  if (outcome === "expired") {
    return (
      <>
        <h1>{t("bid.payoutOutcome.expiredHeading")}</h1>
        <p className="lead">{t("bid.payoutOutcome.expiredLead")}</p>
        <ul>
          <li>{t("bid.payoutOutcome.expiredQr")}</li>
          <li>{t("bid.payoutOutcome.expiredLink")}</li>
        </ul>
      </>
    );
  }
  return (
    <>
      <h1>{t("bid.payoutOutcome.doneHeading")}</h1>
      <p className="lead">{t("bid.payoutOutcome.doneLead")}</p>
      <h2>{t("bid.next.heading")}</h2>
      <p>{t("bid.payoutOutcome.doneFinished")}</p>
      <p>{t("bid.payoutOutcome.doneStopped")}</p>
      <p>
        <Link to="/">{t("bid.payoutOutcome.home")}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
