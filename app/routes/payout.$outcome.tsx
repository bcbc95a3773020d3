import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { notFound } from "~/utils/http.server";

// Where Stripe sends a group's phone after a set-up link the organiser showed as a QR code
// (the staff award page). That link cannot carry the group's private link, which is never
// stored, so these pages name no bid and show nothing about one: the staff page follows the
// account through Stripe's webhooks and its "Check with Stripe now" button.
//   /payout/done      the group left Stripe's pages (finished or not)
//   /payout/expired   the link was used already or timed out

export const meta: MetaFunction = () => [{ title: "Payment set-up – Pitchday" }, { name: "robots", content: "noindex, nofollow" }];

export function loader({ params }: LoaderFunctionArgs) {
  if (params.outcome !== "done" && params.outcome !== "expired") throw notFound();
  return { outcome: params.outcome };
}

export default function PayoutOutcome() {
  const { outcome } = useLoaderData<typeof loader>();
  if (outcome === "expired") {
    return (
      <>
        <h1>This set-up link has expired</h1>
        <p className="lead">For your security, a payment set-up link works once and only for a few minutes.</p>
        <ul>
          <li>If you are with the organisers, ask them for a new QR code.</li>
          <li>Or open your group’s private link to its bid (in our emails) and choose “Set up payment”.</li>
        </ul>
      </>
    );
  }
  return (
    <>
      <h1>Thank you</h1>
      <p className="lead">You have left Stripe’s set-up pages. You can close this page.</p>
      <h2>What happens next</h2>
      <p>
        If you finished, Stripe checks your details, usually within minutes, and the organisers see when it is done. The funder then arranges
        the payment, and we email you when the money has been sent.
      </p>
      <p>
        If you stopped part-way, carry on from your group’s private link to its bid (choose “Continue setting up payment”), or ask the organisers
        for a new QR code.
      </p>
      <p>
        <Link to="/">Pitchday home</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
