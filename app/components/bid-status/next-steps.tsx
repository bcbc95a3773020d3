import type { BidStatusView } from "~/domain/bid-status-view";

// "What happens next" for each state of a bid, in the group's words.

export function NextSteps({ bid }: { bid: BidStatusView }) {
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
