import { BID_STATUS_VIEW, bidAccess, roundPhase, type BidStatus, type RoundWindow } from "~/domain/bid";
import { instant, money, type MessageArg } from "~/domain/message";

// The group's own page as facts the page says in its language: where the bid stands, its
// dates (instants in the fund's time zone), and what the group may still do with it.
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
  language?: string;
  round: RoundWindow & { title: string; slug: string; fund: { timeZone: string; currency: string } };
  createdAt: Date;
  submittedAt: Date | null;
  updatedAt: Date;
  withdrawnAt: Date | null;
}

export type BidStatusView = ReturnType<typeof bidStatusView>;

// why: a decided bid's reason is stored as the decision's sentence in English ("Awarded £900.",
// decision.server.ts) then the funder's feedback; the page says the outcome in its own
// language, so only the funder's words are kept.
const DECISION_HEAD = /^(Awarded [^\n]*\.|The funder decided not to fund this bid\.)$/;

/** The funder's own words in a bid's reason, without the decision's English sentence. */
export function funderWords(status: string, reason: string | null): string | null {
  if (!reason) return null;
  if (status !== "FUNDED" && status !== "NOT_FUNDED") return reason;
  const [head, ...rest] = reason.split("\n\n");
  if (!DECISION_HEAD.test(head)) return reason;
  return rest.join("\n\n").trim() || null;
}

export function bidStatusView(bid: BidStatusFacts, now: Date) {
  const tz = bid.round.fund.timeZone;
  const status = bid.status as BidStatus;
  const at = (date: Date | null): MessageArg | null => (date ? instant(date, tz) : null);
  const access = bidAccess({ status }, bid.round, now);
  const phase = roundPhase(bid.round, now);
  return {
    reference: bid.reference,
    status,
    /** Shortlisted with the decision made, waiting for the reveal in the hall. */
    decisionMade: false,
    statusTag: BID_STATUS_VIEW[status].tag,
    statusReason: bid.statusReason,
    /** What the funder or organisers wrote to the group, as written. */
    feedback: funderWords(status, bid.statusReason),
    /** The language the group wrote in (its feedback is likely in it too), when known. */
    language: bid.language === "cy" || bid.language === "en" ? bid.language : null,
    groupName: bid.groupName,
    projectTitle: bid.projectTitle,
    version: bid.version,
    amount: bid.amountRequestedPence === null ? null : money(bid.amountRequestedPence, bid.round.fund.currency),
    contactEmail: bid.contact?.email ?? null,
    round: { title: bid.round.title, slug: bid.round.slug, closes: instant(bid.round.closesAt, tz), phase },
    started: instant(bid.createdAt, tz),
    submitted: at(bid.submittedAt),
    lastChanged: instant(bid.updatedAt, tz),
    withdrawn: at(bid.withdrawnAt),
    access,
  };
}
