import type { BidStatusView } from "~/domain/bid-status-view";
import { useSay, type DatesSaid } from "~/i18n/message-args";

// "What happens next" for each state of a bid, in the group's words.

export function NextSteps({ bid }: { bid: DatesSaid<BidStatusView> }) {
  const say = useSay();
  const t = say.t;
  const closes = say.arg(bid.round.closes);
  switch (bid.status) {
    case "DRAFT":
      return <p>{bid.access.canSubmit ? t("bid.next.draftOpen", { closes }) : t("bid.next.draftClosed")}</p>;
    case "SUBMITTED":
      return (
        <>
          <p>{t("bid.next.submitted", { closes })}</p>
          {bid.access.canEdit ? <p>{t("bid.next.canEdit")}</p> : null}
        </>
      );
    case "SHORTLISTED":
      return <p>{t("bid.next.shortlisted")}</p>;
    case "DECLINED":
      return <p>{t("bid.next.declined")}</p>;
    case "WITHDRAWN":
      return <p>{bid.withdrawn ? t("bid.next.withdrawn", { date: say.arg(bid.withdrawn) }) : t("bid.next.withdrawnUndated")}</p>;
    case "FUNDED":
      return <p>{t("bid.next.funded")}</p>;
    case "NOT_FUNDED":
      return <p>{t("bid.next.notFunded")}</p>;
  }
}
