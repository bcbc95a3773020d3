import { Link } from "@remix-run/react";
import type { BidStatusView } from "~/domain/bid-status-view";

// The bid's reference, group, round and dates, at the top of the group's page.

export function BidFacts({ bid }: { bid: BidStatusView }) {
  return (
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
  );
}
