import { minimumShare, type Outcome } from "~/domain/allocation";
import { formatMoney, type Pence } from "~/domain/money";
import { ordinal } from "~/domain/scoring";

// The rules a round declares before its event hold when the funder decides, not only when the
// proposal is made. Given the round's rules, the bid, the proposal, the decision being recorded
// and the event's other decisions, this lists every rule the decision breaks and by how much.
// A departure from the proposal that keeps to the rules is an ordinary override (a reason is
// enough); a breach is refused, or, where the fund's policy allows exceptions, recorded as one
// with a second funder's approval. Two rules never bend: money the pot does not hold, and a bid
// that is not eligible (withdrawn, or never screened in).
//
// Interface:
//   decisionBreaches(input) -> RuleBreach[]   (empty when the decision keeps every rule)
//   breachField(breach, outcome)              which form field the breach's error belongs next to
//   RULE_LABELS                               the rule's name in the report and the audit log

export type DecisionRule =
  | "pot"
  | "eligibility"
  | "maximum-award"
  | "minimum-award"
  | "part-funding-not-allowed"
  | "part-funding-minimum-share"
  | "quorum"
  | "ranking";

export const RULE_LABELS: Record<DecisionRule, string> = {
  pot: "The pot",
  eligibility: "Eligibility",
  "maximum-award": "The fund's maximum award",
  "minimum-award": "The fund's minimum award",
  "part-funding-not-allowed": "No part-funding",
  "part-funding-minimum-share": "The minimum share when part-funding",
  quorum: "The quorum",
  ranking: "The ranking (panel and audience weighting)",
};

/** Rules no exception can move. */
export const UNBENDING_RULES: readonly DecisionRule[] = ["pot", "eligibility"];

export type BreachUnit = "pence" | "percent" | "count";

export interface RuleBreach {
  rule: DecisionRule;
  /** One sentence that names the rule and the figures, for the form, the report and the log. */
  message: string;
  /** How far the decision is from the rule, in `unit` (pence, percentage points, panellists or places). */
  by: number;
  unit: BreachUnit;
  /** False for the pot and eligibility: no policy allows those. */
  exceptionAllowed: boolean;
}

export interface RoundRules {
  currency: string;
  /** What is left in the pot for this bid (not counting an earlier decision on this same bid). */
  potRemainingPence: Pence;
  minAwardPence: Pence;
  maxAwardPence: Pence;
  partFundingAllowed: boolean;
  partFundingMinPercent: number;
}

export interface RankedDecisionBid {
  bidId: string;
  reference: string;
  rank: number;
  proposedOutcome: Outcome;
}

export interface DecisionRulesInput {
  rules: RoundRules;
  bid: {
    bidId: string;
    reference: string;
    requestedPence: Pence | null;
    /** Screened in and still standing (shortlisted, not withdrawn). */
    eligible: boolean;
    rank: number;
    meetsQuorum: boolean;
    counted: number;
    quorum: number;
  };
  proposal: { outcome: Outcome; amountPence: Pence };
  decision: { outcome: Outcome; amountPence: Pence };
  /** The event's other recorded decisions, each with its place and what the rule proposed. */
  others: readonly (RankedDecisionBid & { outcome: Outcome })[];
}

/** Whole percent of the ask, rounded to the nearest, as people say it ("21 % of the ask"). */
function percentOfAsk(amount: Pence, requested: Pence): number {
  return Math.round((amount * 100) / requested);
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export function decisionBreaches(input: DecisionRulesInput): RuleBreach[] {
  const { rules, bid, decision } = input;
  const money = (pence: Pence) => formatMoney(pence, rules.currency);
  const breaches: RuleBreach[] = [];
  const add = (rule: DecisionRule, message: string, by: number, unit: BreachUnit) =>
    breaches.push({ rule, message, by, unit, exceptionAllowed: !UNBENDING_RULES.includes(rule) });
  const funds = decision.outcome !== "NOT_FUNDED";
  const amount = decision.amountPence;

  if (funds) {
    if (!bid.eligible) {
      add("eligibility", `${bid.reference} is not eligible: it is not a shortlisted bid still standing, so it cannot be funded`, 1, "count");
    } else if (bid.requestedPence === null || bid.requestedPence <= 0) {
      add("eligibility", `${bid.reference} asks for no amount, so it cannot be funded`, 1, "count");
    }
    if (amount > rules.potRemainingPence) {
      add("pot", `Awards ${money(amount)} with ${money(rules.potRemainingPence)} left in the pot (${money(amount - rules.potRemainingPence)} over)`, amount - rules.potRemainingPence, "pence");
    }
    if (amount > rules.maxAwardPence) {
      add("maximum-award", `Awards ${money(amount)}; the fund's maximum award is ${money(rules.maxAwardPence)} (${money(amount - rules.maxAwardPence)} over)`, amount - rules.maxAwardPence, "pence");
    }
    if (amount < rules.minAwardPence) {
      add("minimum-award", `Awards ${money(amount)}; the fund's minimum award is ${money(rules.minAwardPence)} (${money(rules.minAwardPence - amount)} below)`, rules.minAwardPence - amount, "pence");
    }
    if (decision.outcome === "PART_FUNDED" && bid.requestedPence !== null && bid.requestedPence > 0) {
      const percent = percentOfAsk(amount, bid.requestedPence);
      if (!rules.partFundingAllowed) {
        add("part-funding-not-allowed", `Part-funded at ${percent} % of the ask; the round does not allow part-funding`, 100 - percent, "percent");
      } else {
        const share = minimumShare(bid.requestedPence, rules.partFundingMinPercent);
        if (amount < share) {
          add(
            "part-funding-minimum-share",
            `Part-funded at ${percent} % of the ask; the round's minimum is ${rules.partFundingMinPercent} % (${money(share - amount)} below)`,
            share - amount,
            "pence",
          );
        }
      }
    }
    if (!bid.meetsQuorum) {
      const short = bid.quorum - bid.counted;
      add("quorum", `Funds a bid short of the quorum: ${bid.counted} of ${bid.quorum} panellists scored (${plural(short, "panellist", "panellists")} short)`, short, "count");
    }
  }
  const leap = leapfrog(input);
  if (leap) add("ranking", leap.message, leap.places, "count");
  return breaches;
}

// why only bids the proposal funded and then declined: the declared weighting put them ahead,
// so funding a bid below them that the rule left out reverses the ranking. Declining a bid on
// its own, or funding a bid the rule also funded, keeps the order.
function leapfrog({ bid, proposal, decision, others }: DecisionRulesInput): { message: string; places: number } | null {
  const funds = (o: Outcome) => o !== "NOT_FUNDED";
  if (funds(decision.outcome) && !funds(proposal.outcome)) {
    const passedOver = others
      .filter((o) => o.rank < bid.rank && funds(o.proposedOutcome) && !funds(o.outcome))
      .sort((a, b) => a.rank - b.rank)[0];
    if (!passedOver) return null;
    const places = bid.rank - passedOver.rank;
    return {
      places,
      message: `Funds ${bid.reference} (ranked ${ordinal(bid.rank)}) while ${passedOver.reference} (ranked ${ordinal(passedOver.rank)}), which the round's weighting put ahead and the proposal funded, is not funded (${plural(places, "place", "places")} apart)`,
    };
  }
  if (!funds(decision.outcome) && funds(proposal.outcome)) {
    const jumper = others
      .filter((o) => o.rank > bid.rank && !funds(o.proposedOutcome) && funds(o.outcome))
      .sort((a, b) => b.rank - a.rank)[0];
    if (!jumper) return null;
    const places = jumper.rank - bid.rank;
    return {
      places,
      message: `Declines ${bid.reference} (ranked ${ordinal(bid.rank)}), which the proposal funded, while ${jumper.reference} (ranked ${ordinal(jumper.rank)}), below it under the round's weighting, is funded (${plural(places, "place", "places")} apart)`,
    };
  }
  return null;
}

/** The field a breach's error is shown next to: the amount for money rules when part-funding, else the decision. */
export function breachField(breach: RuleBreach, outcome: Outcome): "amount" | "outcome" {
  const money: DecisionRule[] = ["pot", "maximum-award", "minimum-award", "part-funding-minimum-share"];
  return outcome === "PART_FUNDED" && money.includes(breach.rule) ? "amount" : "outcome";
}
