import type { BidStatusView } from "~/domain/bid-status-view";
import { useT } from "~/i18n/i18n-context";

// What the group just did, said back at the top of its page (after a redirect with ?notice=).

export type BidNoticeKind = "draft-saved" | "changes-saved" | "withdrawn" | "accepted";

const KEYS: Record<BidNoticeKind, string> = {
  "draft-saved": "bid.notice.draftSaved",
  "changes-saved": "bid.notice.changesSaved",
  withdrawn: "bid.notice.withdrawn",
  accepted: "bid.notice.accepted",
};

export function BidNotice({ notice, bid }: { notice: BidNoticeKind | null; bid: BidStatusView }) {
  const t = useT();
  if (!notice) return null;
  const values = { email: bid.contactEmail ?? t("bid.notice.yourEmail"), reference: bid.reference, version: bid.version };
  return (
    <div className="notice notice--success" role="status">
      <p className="notice__title">{t(`${KEYS[notice]}.title`)}</p>
      <p>{t(`${KEYS[notice]}.text`, values)}</p>
    </div>
  );
}
