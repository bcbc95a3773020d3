import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PayoutStepView, type PayoutStep } from "~/components/bid-status/payout-step";
import { awardForBid } from "~/models/award.server";
import { requireBidByToken } from "~/requests/bid-link.server";
import { createOnboardingLink, refreshRecipient } from "~/coordinators/payments/recipients.server";
import { paymentsConfigured } from "~/services/payments/stripe.server";
import { notFound, publicUrl } from "~/utils/http.server";
import { translate } from "~/i18n/catalogue.server";
import { pageTitle, useT } from "~/i18n/i18n-context";
import { sayIn } from "~/i18n/errors.server";
import { requestLang } from "~/i18n/language-cookie.server";

// "Set up payment": the group's way onto Stripe's onboarding pages and back.
//   /bid/<link>/payout           what it involves, and a "Continue to Stripe" link
//   /bid/<link>/payout?start=1   makes a fresh onboarding link and sends the browser to Stripe
//   /bid/<link>/payout?back=1    where Stripe returns them: asks Stripe how the account stands
//                                and says what happens next
// why GET for start: Stripe's refresh_url (an expired or used link) is followed with a GET, and
// the page's form-action policy would stop a form from redirecting to Stripe. Making a link is
// safe to repeat: the account is made once per bid, and each link works once, for minutes.

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => [
  { title: d ? pageTitle(matches, "bid.payoutPage.title", { reference: d.reference }) : pageTitle(matches, "bid.payoutPage.titleUnknown") },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(request, params.token);
  const token = params.token as string;
  const award = await awardForBid(bid.id);
  if (!award || award.status === "CANCELLED") throw notFound(translate(await requestLang(request), "bid.payoutPage.noAward"));
  const search = new URL(request.url).searchParams;
  const here = `/bid/${token}/payout`;
  const view = (step: PayoutStep) => ({ token, reference: bid.reference, groupName: bid.groupName, paid: award.status === "PAID", step });

  if (award.status === "PAID") return view({ kind: "ready" });
  if (!paymentsConfigured()) return view({ kind: "notConfigured" });

  if (search.has("start")) {
    const link = await createOnboardingLink(
      bid.id,
      { refreshUrl: publicUrl(request, `${here}?start=1`), returnUrl: publicUrl(request, `${here}?back=1`) },
      { type: "group", id: bid.id },
    );
    if (!link.ok) return view({ kind: "problem", message: sayIn(await requestLang(request), link.message) });
    throw redirect(link.url, { status: 303, headers: { "Cache-Control": "no-store" } });
  }

  if (search.has("back")) {
    const checked = await refreshRecipient(bid.id);
    if (!checked.ok) return view({ kind: "problem", message: sayIn(await requestLang(request), checked.message) });
    const { recipient } = checked;
    return view(recipient.payoutsEnabled ? { kind: "ready" } : recipient.detailsSubmitted ? { kind: "checking" } : { kind: "unfinished" });
  }

  const recipient = award.bid.recipient;
  if (recipient?.payoutsEnabled) return view({ kind: "ready" });
  return view({ kind: "intro", started: Boolean(recipient) });
}

export default function Payout() {
  const { token, reference, groupName, step, paid } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <span className="caption">{t("bid.caption", { reference })}</span>
      <PayoutStepView step={step} paid={paid} groupName={groupName} start={`/bid/${token}/payout?start=1`} />
      <p>
        <Link to={`/bid/${token}`}>{t("bid.button.back")}</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
