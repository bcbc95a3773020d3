import { formatMoney, type Pence } from "~/domain/money";

// The proposal the funder starts from: bids in rank order, funded in full while the pot lasts.
// When the next bid does not fit, the rule declared before the event decides: skip to the next
// bid that fits, or (part-funding allowed) offer what is left in whole pounds, as long as that
// is at least the declared minimum share of the request and the fund's minimum award. Bids
// short of quorum are never funded automatically: the funder decides those in person. Every
// bid gets a reason a funder can read out; the pot is shown before and after each step.
// Integer pence throughout.

export type Outcome = "FUNDED" | "PART_FUNDED" | "NOT_FUNDED";

export type AllocationCode =
  | "FUNDED_IN_FULL"
  | "PART_FUNDED"
  | "SHORT_OF_QUORUM"
  | "NO_AMOUNT_REQUESTED"
  | "BELOW_MINIMUM_AWARD"
  | "ABOVE_MAXIMUM_AWARD"
  | "DOES_NOT_FIT"
  | "PART_AWARD_TOO_SMALL";

export interface AllocationRules {
  /** What is left to award in this round, in pence. */
  potPence: Pence;
  currency: string;
  minAwardPence: Pence;
  maxAwardPence: Pence;
  partFundingAllowed: boolean;
  partFundingMinPercent: number;
}

/** A bid in rank order; scoring.ts's BidRanking has all of these. */
export interface RankedBid {
  bidId: string;
  reference: string;
  rank: number;
  amountRequestedPence: Pence | null;
  meetsQuorum: boolean;
  counted: number;
  quorum: number;
}

export interface Proposal {
  bidId: string;
  reference: string;
  rank: number;
  outcome: Outcome;
  code: AllocationCode;
  amountPence: Pence;
  requestedPence: Pence | null;
  potBeforePence: Pence;
  potAfterPence: Pence;
  reason: string;
}

export interface Allocation {
  potPence: Pence;
  totalProposedPence: Pence;
  potRemainingPence: Pence;
  proposals: Proposal[];
}

function checkRules(rules: AllocationRules) {
  const amounts = [
    ["potPence", rules.potPence],
    ["minAwardPence", rules.minAwardPence],
    ["maxAwardPence", rules.maxAwardPence],
  ] as const;
  for (const [name, value] of amounts) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be whole pence, 0 or more.`);
  }
  if (rules.minAwardPence > rules.maxAwardPence) {
    throw new RangeError("The fund's minimum award is above its maximum award.");
  }
  const percent = rules.partFundingMinPercent;
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new RangeError("partFundingMinPercent must be a whole number from 0 to 100.");
  }
}

const POUND = 100;

function floorToPound(pence: Pence): Pence {
  return Math.floor(pence / POUND) * POUND;
}

/** The smallest whole-pound amount that is at least `percent`% of `pence`. */
export function minimumShare(pence: Pence, percent: number): Pence {
  return Math.ceil((pence * percent) / (100 * POUND)) * POUND;
}

/** Whole percent, rounded down, so a share never reads as more than it is. */
function percentOfRequest(amount: Pence, requested: Pence): number {
  return Math.floor((amount * 100) / requested);
}

/** Proposes an outcome and amount for every bid, in rank order. Pure. */
export function proposeAllocation(ranked: readonly RankedBid[], rules: AllocationRules): Allocation {
  checkRules(rules);
  const money = (pence: Pence) => formatMoney(pence, rules.currency);
  const ordered = [...ranked].sort((a, b) => a.rank - b.rank);
  let pot = rules.potPence;
  const proposals: Proposal[] = [];

  for (const bid of ordered) {
    const requested = bid.amountRequestedPence;
    const before = pot;
    const notFunded = (code: AllocationCode, reason: string): Proposal => ({
      bidId: bid.bidId,
      reference: bid.reference,
      rank: bid.rank,
      outcome: "NOT_FUNDED",
      code,
      amountPence: 0,
      requestedPence: requested,
      potBeforePence: before,
      potAfterPence: before,
      reason,
    });
    const award = (outcome: Exclude<Outcome, "NOT_FUNDED">, amount: Pence, reason: string): Proposal => {
      pot -= amount;
      return {
        bidId: bid.bidId,
        reference: bid.reference,
        rank: bid.rank,
        outcome,
        code: outcome === "FUNDED" ? "FUNDED_IN_FULL" : "PART_FUNDED",
        amountPence: amount,
        requestedPence: requested,
        potBeforePence: before,
        potAfterPence: pot,
        reason,
      };
    };

    if (!bid.meetsQuorum) {
      proposals.push(
        notFunded(
          "SHORT_OF_QUORUM",
          `Not funded automatically: short of quorum (${bid.counted} of ${bid.quorum} panellists scored); the funder can still decide`,
        ),
      );
      continue;
    }
    if (requested === null || requested <= 0) {
      proposals.push(notFunded("NO_AMOUNT_REQUESTED", "Not funded: no amount requested"));
      continue;
    }
    if (!Number.isSafeInteger(requested)) throw new RangeError(`Bid ${bid.reference} asks for a non-integer amount.`);
    if (requested < rules.minAwardPence) {
      proposals.push(
        notFunded(
          "BELOW_MINIMUM_AWARD",
          `Not funded: ${money(requested)} asked, below the fund's minimum award of ${money(rules.minAwardPence)}`,
        ),
      );
      continue;
    }
    if (requested <= pot && requested <= rules.maxAwardPence) {
      proposals.push(award("FUNDED", requested, `Funded in full: ${money(requested)}, ${money(pot - requested)} left in the pot`));
      continue;
    }

    const aboveMaximum = requested > rules.maxAwardPence;
    if (!rules.partFundingAllowed) {
      proposals.push(
        aboveMaximum
          ? notFunded(
              "ABOVE_MAXIMUM_AWARD",
              `Not funded: ${money(requested)} asked, above the fund's maximum award of ${money(rules.maxAwardPence)}, part-funding not allowed`,
            )
          : notFunded("DOES_NOT_FIT", `Not funded: ${money(pot)} left, ${money(requested)} asked, part-funding not allowed`),
      );
      continue;
    }

    const limitedByPot = pot <= rules.maxAwardPence;
    const offer = floorToPound(Math.min(pot, rules.maxAwardPence));
    const share = minimumShare(requested, rules.partFundingMinPercent);
    const floor = Math.max(share, rules.minAwardPence);
    if (offer < floor || offer <= 0) {
      const available = limitedByPot ? `${money(pot)} left` : `the fund's maximum award is ${money(rules.maxAwardPence)}`;
      const needed =
        share >= rules.minAwardPence
          ? `less than the ${rules.partFundingMinPercent}% minimum part-award (${money(share)})`
          : `less than the fund's minimum award of ${money(rules.minAwardPence)}`;
      proposals.push(notFunded("PART_AWARD_TOO_SMALL", `Not funded: ${available}, ${money(requested)} asked, ${needed}`));
      continue;
    }
    const source = limitedByPot
      ? offer === pot
        ? "the rest of the pot"
        : "the rest of the pot in whole pounds"
      : "the fund's maximum award";
    proposals.push(
      award(
        "PART_FUNDED",
        offer,
        `Part-funded: ${money(offer)} of ${money(requested)} (${percentOfRequest(offer, requested)}%), ${source}`,
      ),
    );
  }

  return {
    potPence: rules.potPence,
    totalProposedPence: rules.potPence - pot,
    potRemainingPence: pot,
    proposals,
  };
}
