import type { BidStatusView } from "~/domain/bid-status-view";

// What the group just did, said back at the top of its page (after a redirect with ?notice=).

export type BidNoticeKind = "draft-saved" | "changes-saved" | "withdrawn" | "accepted";

export function BidNotice({ notice, bid }: { notice: BidNoticeKind | null; bid: BidStatusView }) {
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
    </>
  );
}
