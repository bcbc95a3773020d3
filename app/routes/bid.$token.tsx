import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BidSummary } from "~/components/bid-summary";
import { GroupDecision } from "~/components/decision/group-decision";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BidOutcomePending } from "~/components/live/bid-outcome-pending";
import { groupAwardView } from "~/domain/group-award";
import { awardForBid } from "~/models/award.server";
import { announcementForBid } from "~/models/award-reveal.server";
import { bidAnswers, bidStatusView, requireBidByToken } from "~/models/bid.server";
import { liveState } from "~/models/event.server";
import { paymentsConfigured } from "~/services/payments/stripe.server";

// The group's own page, reached by the private link: where the bid stands and what comes next.

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `Bid ${d.bid.reference} – Pitchday` : "Your bid – Pitchday" },
  // why: the address is a secret; keep it out of search engines and referrers.
  { name: "robots", content: "noindex, nofollow" },
];

const NOTICES = {
  "draft-saved": "draft-saved",
  "changes-saved": "changes-saved",
  withdrawn: "withdrawn",
  accepted: "accepted",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const bid = await requireBidByToken(params.token);
  const notice = new URL(request.url).searchParams.get("notice") ?? "";
  const view = bidStatusView(bid, new Date());
  // The outcome waits for the awards reveal in the hall; until then not even this page's data carries it.
  const decided = bid.status === "FUNDED" || bid.status === "NOT_FUNDED";
  const announcement = decided ? await announcementForBid(bid.id) : null;
  const live = announcement && !announcement.announced ? await liveState(announcement.eventId) : null;
  const pending = announcement && live ? { eventTitle: announcement.eventTitle, live } : null;
  // Award and payment: only once the funder's decision is confirmed and announced.
  const award = bid.status === "FUNDED" && !pending ? await awardForBid(bid.id) : null;
  const { currency, timeZone } = bid.round.fund;
  return {
    token: params.token as string,
    award: award ? groupAwardView({ ...award, recipient: award.bid.recipient }, { currency, timeZone, stripe: paymentsConfigured() }) : null,
    // why: the page's data reaches the browser whole; pending, it says only "shortlisted, decision made".
    bid: pending ? { ...view, status: "SHORTLISTED" as const, statusLabel: "Decision made", statusTag: "tag tag--grey", statusReason: null } : view,
    pending,
    answers: bidAnswers(bid),
    notice: notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : null,
  };
}

export default function BidStatus() {
  const { token, bid, answers, notice, award, pending } = useLoaderData<typeof loader>();
  const base = `/bid/${token}`;
  return (
    <>
      {notice === "draft-saved" ? (
        <div className="notice notice--success" role="status">
          <p className="notice__title">Your draft has been saved</p>
          <p>
            We have emailed a private link to {bid.contactEmail ?? "your email address"} so you can come back to it. Your
            reference is <strong>{bid.reference}</strong>.
          </p>
        </div>
      ) : notice === "changes-saved" ? (
        <div className="notice notice--success" role="status">
          <p className="notice__title">Your changes have been saved</p>
          <p>This is version {bid.version} of your bid. The organisers will see the latest version.</p>
        </div>
      ) : notice === "withdrawn" ? (
        <div className="notice notice--success" role="status">
          <p className="notice__title">Your bid has been withdrawn</p>
          <p>We have sent a confirmation to {bid.contactEmail ?? "your email address"}.</p>
        </div>
      ) : notice === "accepted" ? (
        <div className="notice notice--success" role="status">
          <p className="notice__title">You have accepted the conditions of the award</p>
          <p>The funder can now arrange the payment. We will email you when it has been made.</p>
        </div>
      ) : null}

      <span className="caption">Bid {bid.reference}</span>
      <h1>{bid.projectTitle || bid.groupName}</h1>
      <p>
        <strong className={bid.statusTag}>{bid.statusLabel}</strong>
      </p>

      <dl className="summary">
        <div>
          <dt>Reference</dt>
          <dd>{bid.reference}</dd>
        </div>
        <div>
          <dt>Group</dt>
          <dd>{bid.groupName}</dd>
        </div>
        <div>
          <dt>Funding round</dt>
          <dd>
            <Link to={`/rounds/${bid.round.slug}`}>{bid.round.title}</Link>
          </dd>
        </div>
        <div>
          <dt>Amount requested</dt>
          <dd>{bid.amount ?? "Not given yet"}</dd>
        </div>
        <div>
          <dt>{bid.round.phase === "closed" ? "Round closed" : "Round closes"}</dt>
          <dd>{bid.round.closes}</dd>
        </div>
        {bid.submitted ? (
          <div>
            <dt>Submitted</dt>
            <dd>{bid.submitted}</dd>
          </div>
        ) : (
          <div>
            <dt>Started</dt>
            <dd>{bid.started}</dd>
          </div>
        )}
        <div>
          <dt>Last changed</dt>
          <dd>
            {bid.lastChanged}
            {bid.version > 1 ? ` (version ${bid.version})` : null}
          </dd>
        </div>
        {bid.withdrawn ? (
          <div>
            <dt>Withdrawn</dt>
            <dd>{bid.withdrawn}</dd>
          </div>
        ) : null}
      </dl>

      <h2>What happens next</h2>
      {pending ? <BidOutcomePending live={pending.live} eventTitle={pending.eventTitle} reloadTo={base} /> : <NextSteps bid={bid} />}

      {!pending && (bid.status === "FUNDED" || bid.status === "NOT_FUNDED") ? (
        <GroupDecision base={base} funded={bid.status === "FUNDED"} feedback={bid.statusReason} award={award} />
      ) : null}

      {bid.statusReason && (bid.status === "DECLINED" || bid.status === "SHORTLISTED") ? (
        <>
          <h3>What the organisers said</h3>
          <p className="feedback pre-line">{bid.statusReason}</p>
        </>
      ) : null}

      {bid.access.lockedReason && bid.status !== "WITHDRAWN" ? (
        <div className="notice notice--warning">
          <p>{bid.access.lockedReason}</p>
        </div>
      ) : null}

      <div className="button-group">
        {bid.access.canSubmit ? (
          <>
            <Link to={`${base}/edit`} className="button">
              Continue your bid
            </Link>
            <Link to={`${base}/check`} className="button button--secondary">
              Check and submit
            </Link>
          </>
        ) : bid.access.canEdit ? (
          <Link to={`${base}/edit`} className="button button--secondary">
            Change your bid
          </Link>
        ) : null}
        {bid.access.canWithdraw ? (
          <Link to={`${base}/withdraw`} className="button button--warning">
            Withdraw your bid
          </Link>
        ) : null}
      </div>

      <h2>Your answers</h2>
      <BidSummary answers={answers} />

      <h2>Keep this page</h2>
      <p>
        The address of this page is your private link. Bookmark it, or use the link in our email. Anyone with the link
        can change your bid, so keep it to your group.
      </p>
    </>
  );
}

type View = Awaited<ReturnType<typeof loader>>["bid"];

function NextSteps({ bid }: { bid: View }) {
  switch (bid.status) {
    case "DRAFT":
      return bid.access.canSubmit ? (
        <p>
          Your bid is a draft: the organisers cannot see it yet. Finish it, check your answers and submit it before{" "}
          {bid.round.closes}.
        </p>
      ) : (
        <p>This draft was not submitted before the round closed, so the organisers will not consider it.</p>
      );
    case "SUBMITTED":
      return (
        <>
          <p>
            Your bid has been received. After the round closes on {bid.round.closes}, the organisers read every bid and
            draw up a shortlist of groups to invite to pitch in person. We will email you either way.
          </p>
          {bid.access.canEdit ? <p>You can change your bid until the round closes. Each change is kept as a new version.</p> : null}
        </>
      );
    case "SHORTLISTED":
      return (
        <p>
          Good news: your bid has been shortlisted. You will be invited to pitch it in person to the panel; we will
          email you the date, time and place.
        </p>
      );
    case "DECLINED":
      return <p>Your bid was not shortlisted this time. Thank you for applying; you are welcome to apply to future rounds.</p>;
    case "WITHDRAWN":
      return <p>You withdrew this bid{bid.withdrawn ? ` on ${bid.withdrawn}` : ""}. The organisers will not consider it.</p>;
    case "FUNDED":
      return <p>Your bid has been funded. The award, its conditions and the payment are below.</p>;
    case "NOT_FUNDED":
      return <p>Your bid was not funded this time. Thank you for pitching; you are welcome to apply to future rounds.</p>;
  }
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
