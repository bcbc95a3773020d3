import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatWeekdayDateTime } from "~/domain/bid-dates";
import { requireBidByToken } from "~/models/bid.server";
import { publicUrl } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `Bid submitted: ${d.reference} – Pitchday` : "Bid submitted – Pitchday" },
  { name: "robots", content: "noindex, nofollow" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(params.token);
  if (bid.status === "DRAFT" || bid.status === "WITHDRAWN") throw redirect(`/bid/${params.token}`);
  return {
    token: params.token as string,
    reference: bid.reference,
    link: publicUrl(request, `/bid/${params.token}`),
    email: bid.contact?.email ?? null,
    roundTitle: bid.round.title,
    closes: formatWeekdayDateTime(bid.round.closesAt, bid.round.fund.timeZone),
  };
}

export default function Submitted() {
  const { token, reference, link, email, roundTitle, closes } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="panel-confirm">
        <h1>Bid submitted</h1>
        <p>
          Your reference
          <br />
          <span className="reference">{reference}</span>
        </p>
      </div>
      <p>
        Thank you. We have received your bid to {roundTitle}
        {email ? (
          <>
            {" "}
            and sent a confirmation to <strong>{email}</strong>
          </>
        ) : null}
        .
      </p>

      <h2>Your private link</h2>
      <p>Use this link to see where your bid stands, change it until {closes}, or withdraw it:</p>
      <p className="private-link">
        <a href={`/bid/${token}`}>{link}</a>
      </p>
      <p>It is also in the email we sent. Anyone with the link can change your bid, so keep it to your group.</p>

      <h2>What happens next</h2>
      <ol>
        <li>The round closes on {closes}.</li>
        <li>The organisers read every bid and draw up a shortlist. We will email you either way.</li>
        <li>Shortlisted groups are invited to pitch in person; the panel decides on the day.</li>
      </ol>
      <p>
        <Link to={`/bid/${token}`}>See where your bid stands</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
