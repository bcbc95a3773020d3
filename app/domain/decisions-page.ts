import { ownWordsLang } from "~/domain/own-words";
import type { Allocation, Outcome, Proposal } from "~/domain/allocation";
import { explainRanking, proposalRow, rankingRow, type Explanation, type ExplainContext } from "~/domain/decision-view";
import { EVENT_STATE_LABELS, type EventState } from "~/domain/event-machine";
import { defaultConditions, describeDecision } from "~/domain/funder-forms";
import { formatMoney, penceToInput } from "~/domain/money";
import { AWARD_STATUS_VIEW, type AwardStatus } from "~/domain/payment";
import { TIE_BREAK_LABELS, type BidRanking, type Ranking } from "~/domain/scoring";
import type { RuleBreach } from "~/domain/decision-rules";
import { formatDateTime } from "~/domain/zoned-time";

// The funder's decisions page as the browser needs it: every figure already in words, built
// from what the decision board read (models/funder-views.server.ts decisionPage). Pure: the
// loader passes the page, who may do what, and the address's query (for the notice).
//
// Interface:
//   decisionsPageView(page, { mayDecide, mayOffer, search }) -> DecisionsPageView
//   decisionNotice(search, groups)                             -> the notice after a redirect, or null

/** The parts of the decision board this page reads (the model's result fits it). */
export interface DecisionsPageInput {
  board: {
    event: { id: string; title: string; state: string };
    round: { id: string; title: string; slug: string };
    fund: { name: string; potPence: number; currency: string; timeZone: string };
    ranking: Ranking;
    allocation: Allocation;
    potForEventPence: number;
    committedElsewherePence: number;
    remainingPence: number;
    open: boolean;
    missing: string[];
    rows: {
      bid: { id: string; reference: string; groupName: string; projectTitle: string | null; language: string; amountRequestedPence: number | null; status: string };
      ranking: BidRanking;
      proposal: Proposal;
      decision: {
        id: string;
        outcome: Outcome;
        amountPence: number;
        overrideReason: string | null;
        feedback: string;
        decidedById: string;
        decidedAt: Date;
        ruleBreaches: unknown;
        ruleExceptionReason: string | null;
        exceptionApprovedById: string | null;
        exceptionApprovedAt: Date | null;
      } | null;
    }[];
  };
  criteria: ExplainContext["criteria"];
  sheets: readonly (ExplainContext["sheets"][number] & { bidId: string })[];
  panellistNames: Record<string, string>;
  awards: { id: string; award: { id: string; status: string } | null }[];
  deciderNames: Record<string, string>;
  funderName: string;
}

export function decisionNotice(search: URLSearchParams, groups: Record<string, string>): string | null {
  switch (search.get("notice")) {
    case "decided":
      return `Decision saved for ${groups[search.get("bid") ?? ""] ?? "the bid"}.`;
    case "override":
      return `Decision saved for ${groups[search.get("bid") ?? ""] ?? "the bid"}, as an override of the proposal, with your reason.`;
    case "exception":
      return (
        `Decision saved for ${groups[search.get("bid") ?? ""] ?? "the bid"} as an exception to the round's declared rule. ` +
        "A second funder must approve it before the decisions can be confirmed."
      );
    case "approved":
      return `Exception approved for ${groups[search.get("bid") ?? ""] ?? "the bid"}.`;
    case "confirmed": {
      const funded = Number(search.get("funded") ?? 0);
      const notFunded = Number(search.get("notFunded") ?? 0);
      return (
        `Decisions confirmed: ${funded} funded, ${notFunded} not funded. The event is closed. ` +
        "Each group hears its outcome, on its page and by email, when the chair reveals the awards; offer each award once it is revealed."
      );
    }
    default:
      return null;
  }
}

export interface AwardOffer {
  /** Null until the award is offered. */
  id: string | null;
  status: { label: string; tag: string } | null;
  conditions: string;
}

function offer(award: { id: string; status: string } | null, outcome: string | null, bidStatus: string, conditions: string): AwardOffer | null {
  if (award) return { id: award.id, status: AWARD_STATUS_VIEW[award.status as AwardStatus], conditions: "" };
  if (outcome && outcome !== "NOT_FUNDED" && bidStatus === "FUNDED") return { id: null, status: null, conditions };
  return null;
}

export interface DecisionCardView {
  bidId: string;
  reference: string;
  groupName: string;
  projectTitle: string | null;
  /** "cy" when the group wrote in Welsh: its name and title are marked so. */
  lang: "cy" | undefined;
  place: string;
  asked: string;
  explanation: Explanation;
  proposal: { outcome: Outcome; text: string; reason: string };
  confirmed: boolean;
  decision: {
    id: string;
    outcome: Outcome;
    text: string;
    override: boolean;
    overrideReason: string | null;
    feedback: string;
    by: string;
    at: string;
    /** Set when the decision departs from the round's declared rules, as an exception. */
    exception: ExceptionView | null;
  } | null;
  defaults: { outcome: Outcome; amount: string; overrideReason: string; feedback: string; departsFromRule: boolean; ruleExceptionReason: string };
  award: AwardOffer | null;
}

export interface ExceptionView {
  breaches: string[];
  reason: string;
  /** "Approved by Sam Funder, 6 Dec 2026, 21:40", or null while it waits. */
  approved: string | null;
  /** The viewer may approve it: a funder other than the one who recorded it. */
  mayApprove: boolean;
  /** The viewer recorded it, so someone else must approve it. */
  ownDecision: boolean;
}

interface Access {
  /** The signed-in person, to tell whose decision an exception is. */
  userId: string;
  mayDecide: boolean;
  mayOffer: boolean;
  search: URLSearchParams;
}

export function decisionsPageView(page: DecisionsPageInput, access: Access) {
  const { board } = page;
  const { ranking } = board;
  const { currency, timeZone } = board.fund;
  const money = (pence: number) => formatMoney(pence, currency);
  const groups = Object.fromEntries(board.rows.map((row) => [row.bid.id, row.bid.groupName]));
  const langs = new Map(board.rows.map((row) => [row.bid.id, ownWordsLang(row.bid.language)]));
  const contenders = new Set(board.rows.map((row) => row.bid.id));
  const awards = new Map(page.awards.map((d) => [d.id, d]));

  const rows = board.rows.map((row): DecisionCardView => {
    const { bid, decision, proposal } = row;
    const award = decision ? awards.get(decision.id)?.award ?? null : null;
    const shown = decision ?? proposal;
    const breaches = (decision?.ruleBreaches ?? null) as RuleBreach[] | null;
    const name = (userId: string) => page.deciderNames[userId] ?? "a funder no longer listed";
    const exception: ExceptionView | null =
      decision && breaches && breaches.length
        ? {
            breaches: breaches.map((b) => b.message),
            reason: decision.ruleExceptionReason ?? "",
            approved:
              decision.exceptionApprovedById && decision.exceptionApprovedAt
                ? `Approved by ${name(decision.exceptionApprovedById)}, ${formatDateTime(decision.exceptionApprovedAt, timeZone)}`
                : null,
            mayApprove: access.mayDecide && !decision.exceptionApprovedAt && decision.decidedById !== access.userId,
            ownDecision: decision.decidedById === access.userId,
          }
        : null;
    return {
      bidId: bid.id,
      reference: bid.reference,
      groupName: bid.groupName,
      projectTitle: bid.projectTitle,
      lang: ownWordsLang(bid.language),
      place: rankingRow(row.ranking, ranking).place,
      asked: bid.amountRequestedPence === null ? "no amount" : money(bid.amountRequestedPence),
      explanation: explainRanking(row.ranking, ranking, {
        criteria: page.criteria,
        sheets: page.sheets.filter((s) => s.bidId === bid.id),
        names: page.panellistNames,
        currency,
        timeZone,
      }),
      proposal: { outcome: proposal.outcome, text: describeDecision(proposal.outcome, proposal.amountPence, currency), reason: proposal.reason },
      confirmed: bid.status === "FUNDED" || bid.status === "NOT_FUNDED",
      decision: decision
        ? {
            id: decision.id,
            outcome: decision.outcome,
            text: describeDecision(decision.outcome, decision.amountPence, currency),
            override: decision.overrideReason !== null,
            overrideReason: decision.overrideReason,
            feedback: decision.feedback,
            by: name(decision.decidedById),
            at: formatDateTime(decision.decidedAt, timeZone),
            exception,
          }
        : null,
      defaults: {
        outcome: shown.outcome,
        amount: penceToInput(shown.outcome === "PART_FUNDED" ? shown.amountPence : null),
        overrideReason: decision?.overrideReason ?? "",
        feedback: decision?.feedback ?? "",
        departsFromRule: exception !== null,
        ruleExceptionReason: exception?.reason ?? "",
      },
      award: offer(award, decision?.outcome ?? null, bid.status, defaultConditions({ reference: bid.reference, funderName: page.funderName })),
    };
  });

  return {
    notice: decisionNotice(access.search, groups),
    mayDecide: access.mayDecide,
    open: board.open,
    mayOffer: access.mayOffer,
    missing: board.missing,
    event: {
      id: board.event.id,
      title: board.event.title,
      state: board.event.state,
      stateLabel: EVENT_STATE_LABELS[board.event.state as EventState],
    },
    round: board.round,
    fund: { name: board.fund.name, scaleMax: ranking.scale.max },
    pot: {
      fund: money(board.fund.potPence),
      elsewhere: board.committedElsewherePence > 0 ? money(board.committedElsewherePence) : null,
      forEvent: money(Math.max(0, board.potForEventPence)),
      remaining: money(board.remainingPence),
      overspent: board.remainingPence < 0,
    },
    rule: {
      weights:
        ranking.rule.audienceWeightPercent > 0
          ? `Panel ${ranking.rule.panelWeightPercent}%, audience ${ranking.rule.audienceWeightPercent}%`
          : "Panel scores only",
      normalised: ranking.rule.normaliseScores,
      quorum: ranking.rule.quorum,
      tieBreak: TIE_BREAK_LABELS[ranking.rule.tieBreak],
      audience: ranking.rule.audienceWeightPercent > 0 || ranking.audienceTotalPoints > 0,
    },
    ranking: ranking.bids.map((bid) => ({
      ...rankingRow(bid, ranking),
      bidId: bid.bidId,
      reference: bid.reference,
      groupName: groups[bid.bidId] ?? null,
      lang: langs.get(bid.bidId),
      withdrawn: !contenders.has(bid.bidId),
    })),
    allocation: {
      rows: board.allocation.proposals.map((p) => proposalRow(p, currency)),
      total: money(board.allocation.totalProposedPence),
      remaining: money(board.allocation.potRemainingPence),
    },
    rows,
  };
}

export type DecisionsPageView = ReturnType<typeof decisionsPageView>;

/** What the page's action answers when it refuses a form: which form, its errors and what was typed. */
export interface DecisionsActionData {
  /** Which form the answer is about: decide-<bidId>, issue-<decisionId> or confirm. */
  form: string;
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  problem?: string;
}

export function decisionsFormKey(values: Record<string, string | string[]>): string {
  const intent = values.intent;
  if (intent === "decide") return `decide-${String(values.bidId ?? "")}`;
  if (intent === "issue") return `issue-${String(values.decisionId ?? "")}`;
  if (intent === "approve-exception") return `approve-${String(values.decisionId ?? "")}`;
  return "confirm";
}
