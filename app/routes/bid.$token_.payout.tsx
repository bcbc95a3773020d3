import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PAYMENTS_NOT_CONFIGURED } from "~/domain/payment";
import { awardForBid } from "~/models/award.server";
import { requireBidByToken } from "~/models/bid.server";
import { createOnboardingLink, refreshRecipient } from "~/coordinators/payments/recipients.server";
import { paymentsConfigured } from "~/services/payments/stripe.server";
import { notFound, publicUrl } from "~/utils/http.server";

// "Set up payment": the group's way onto Stripe's onboarding pages and back.
//   /bid/<link>/payout           what it involves, and a "Continue to Stripe" link
//   /bid/<link>/payout?start=1   makes a fresh onboarding link and sends the browser to Stripe
//   /bid/<link>/payout?back=1    where Stripe returns them: asks Stripe how the account stands
//                                and says what happens next
// why GET for start: Stripe's refresh_url (an expired or used link) is followed with a GET, and
// the page's form-action policy would stop a form from redirecting to Stripe. Making a link is
// safe to repeat: the account is made once per bid, and each link works once, for minutes.

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `Set up payment for ${d.reference} – Pitchday` : "Set up payment – Pitchday" },
  { name: "robots", content: "noindex, nofollow" },
];

type Step =
  | { kind: "intro"; started: boolean }
  | { kind: "ready" }
  | { kind: "checking" }
  | { kind: "unfinished" }
  | { kind: "problem"; message: string };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(params.token);
  const token = params.token as string;
  const award = await awardForBid(bid.id);
  if (!award || award.status === "CANCELLED") throw notFound("There is no award to be paid for this bid, so there is no payment to set up.");
  const search = new URL(request.url).searchParams;
  const here = `/bid/${token}/payout`;
  const view = (step: Step) => ({ token, reference: bid.reference, groupName: bid.groupName, paid: award.status === "PAID", step });

  if (award.status === "PAID") return view({ kind: "ready" });
  if (!paymentsConfigured()) return view({ kind: "problem", message: PAYMENTS_NOT_CONFIGURED });

  if (search.has("start")) {
    const link = await createOnboardingLink(
      bid.id,
      { refreshUrl: publicUrl(request, `${here}?start=1`), returnUrl: publicUrl(request, `${here}?back=1`) },
      { type: "group", id: bid.id },
    );
    if (!link.ok) return view({ kind: "problem", message: link.message });
    throw redirect(link.url, { status: 303, headers: { "Cache-Control": "no-store" } });
  }

  if (search.has("back")) {
    const checked = await refreshRecipient(bid.id);
    if (!checked.ok) return view({ kind: "problem", message: checked.message });
    const { recipient } = checked;
    return view(recipient.payoutsEnabled ? { kind: "ready" } : recipient.detailsSubmitted ? { kind: "checking" } : { kind: "unfinished" });
  }

  const recipient = award.bid.recipient;
  if (recipient?.payoutsEnabled) return view({ kind: "ready" });
  return view({ kind: "intro", started: Boolean(recipient) });
}

export default function Payout() {
  const { token, reference, groupName, step, paid } = useLoaderData<typeof loader>();
  const back = `/bid/${token}`;
  const start = `/bid/${token}/payout?start=1`;
  return (
    <>
      <span className="caption">Bid {reference}</span>
      {step.kind === "intro" ? (
        <>
          <h1>{step.started ? "Continue setting up payment" : "Set up payment"}</h1>
          <p className="lead">
            The funder pays awards through Stripe, a payment service. Stripe asks for the account {groupName}’s award goes into, on its own
            secure pages.
          </p>
          <h2>What you will need</h2>
          <ul>
            <li>The group’s bank account: the name on it, the sort code and the account number.</li>
            <li>The name, date of birth and home address of a person responsible for the group, such as its treasurer.</li>
            <li>About ten minutes. If you stop part-way, you can carry on later from your bid’s page.</li>
          </ul>
          <p>Pitchday never sees the bank details: only Stripe does. When you finish, Stripe sends you back here.</p>
          {/* why a plain link: it leaves for Stripe's pages (see the note at the top of the file). */}
          <p>
            <a href={start} className="button">
              Continue to Stripe
            </a>
          </p>
        </>
      ) : step.kind === "ready" ? (
        <>
          <h1>{paid ? "Your award has been paid" : "Your payment account is set up"}</h1>
          <div className="panel-confirm">
            <p>{paid ? "The money has been sent." : "Stripe has everything it needs."}</p>
          </div>
          <h2>What happens next</h2>
          <p>
            {paid
              ? "You can see the payment on your bid’s page."
              : "The funder asks for the payment, a second person at the funder approves it, and it is sent to your account. We will email you when the money has been sent. Stripe passes it to your bank account on its usual schedule, normally within a few working days."}
          </p>
        </>
      ) : step.kind === "checking" ? (
        <>
          <h1>Stripe is checking your details</h1>
          <p className="lead">Thank you: you have sent everything Stripe asked for.</p>
          <h2>What happens next</h2>
          <p>
            Stripe checks the details, usually within minutes and sometimes over a day or two. Once it has, the funder can pay the award. If Stripe
            needs anything more, your bid’s page will say so and you can carry on from there.
          </p>
        </>
      ) : step.kind === "unfinished" ? (
        <>
          <h1>Payment is not set up yet</h1>
          <p className="lead">Stripe still needs some details before the award can be paid into your account.</p>
          <p>You can carry on now, or later from your bid’s page. What you have already entered is kept.</p>
          <p>
            <a href={start} className="button">
              Continue setting up payment
            </a>
          </p>
        </>
      ) : (
        <>
          <h1>Payment cannot be set up just now</h1>
          <p className="lead">{step.message}</p>
        </>
      )}
      <p>
        <Link to={back}>Back to your bid</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
