import { BID_STATUS_VIEW, bidAccess, roundPhase, type BidStatus, type RoundWindow } from "~/domain/bid";
import { formatWeekdayDateTime } from "~/domain/bid-dates";
import { formatMoney } from "~/domain/money";

// The group's own page, in words: where the bid stands, its dates in the fund's time zone, and
// what the group may still do with it.
//
// Interface:
//   bidStatusView(bid, now) -> BidStatusView

export interface BidStatusFacts {
  reference: string;
  status: string;
  statusReason: string | null;
  groupName: string;
  projectTitle: string;
  version: number;
  amountRequestedPence: number | null;
  contact: { email: string } | null;
  round: RoundWindow & { title: string; slug: string; fund: { timeZone: string; currency: string } };
  createdAt: Date;
  submittedAt: Date | null;
  updatedAt: Date;
  withdrawnAt: Date | null;
}

export type BidStatusView = ReturnType<typeof bidStatusView>;

export function bidStatusView(bid: BidStatusFacts, now: Date) {
  const tz = bid.round.fund.timeZone;
  const status = bid.status as BidStatus;
  return {
    reference: bid.reference,
    status,
    statusLabel: BID_STATUS_VIEW[status].label,
    statusTag: BID_STATUS_VIEW[status].tag,
    statusReason: bid.statusReason,
    groupName: bid.groupName,
    projectTitle: bid.projectTitle,
    version: bid.version,
    amount: bid.amountRequestedPence === null ? null : formatMoney(bid.amountRequestedPence, bid.round.fund.currency),
    contactEmail: bid.contact?.email ?? null,
    round: {
      title: bid.round.title,
      slug: bid.round.slug,
      closes: formatWeekdayDateTime(bid.round.closesAt, tz),
      phase: roundPhase(bid.round, now),
    },
    started: formatWeekdayDateTime(bid.createdAt, tz),
    submitted: bid.submittedAt ? formatWeekdayDateTime(bid.submittedAt, tz) : null,
    lastChanged: formatWeekdayDateTime(bid.updatedAt, tz),
    withdrawn: bid.withdrawnAt ? formatWeekdayDateTime(bid.withdrawnAt, tz) : null,
    access: bidAccess({ status }, bid.round, now),
  };
}
