import type { Outcome } from "~/domain/allocation";
import { formatMoney, type Pence } from "~/domain/money";

// The funder's final word on a bid, checked against the fund's hard limits before it is saved.
// The proposal from allocation.ts is a starting point: the funder may depart from it (fund a
// pitch short of quorum, part-fund when the rule said skip, decline a proposed award), but
// must say why, in words that go into the decision report. The pot and the amount asked for
// are limits no reason can move. The round's declared rules (the fund's minimum and maximum
// award, part-funding, quorum, the ranking) are decision-rules.ts's: a breach of one is more
// than an override. The model re-checks the pot inside the transaction that spends it.

export const OVERRIDE_REASON_MIN = 10;
export const OVERRIDE_REASON_MAX = 1_000;

export interface DecisionChoice {
  outcome: Outcome;
  /** Pence; 0 for NOT_FUNDED. */
  amountPence: Pence;
  overrideReason: string;
}

export interface DecisionLimits {
  proposal: { outcome: Outcome; amountPence: Pence };
  requestedPence: Pence;
  /** What is left in the pot, not counting any earlier decision on this same bid. */
  potRemainingPence: Pence;
  currency: string;
}

export type DecisionField = "outcome" | "amount" | "overrideReason";

export type DecisionCheck =
  | { ok: true; decision: { outcome: Outcome; amountPence: Pence; overrideReason: string | null; isOverride: boolean } }
  | { ok: false; errors: Partial<Record<DecisionField, string>> };

export function checkDecision(choice: DecisionChoice, limits: DecisionLimits): DecisionCheck {
  const money = (pence: Pence) => formatMoney(pence, limits.currency);
  const errors: Partial<Record<DecisionField, string>> = {};
  const { outcome } = choice;
  const requested = limits.requestedPence;
  const amount = outcome === "FUNDED" ? requested : outcome === "NOT_FUNDED" ? 0 : choice.amountPence;

  if (outcome === "FUNDED") {
    if (requested > limits.potRemainingPence) {
      errors.outcome = `Only ${money(limits.potRemainingPence)} is left in the pot, less than the ${money(requested)} asked for: choose part-funded or not funded`;
    }
  } else if (outcome === "PART_FUNDED") {
    if (!Number.isSafeInteger(amount) || amount <= 0) {
      errors.amount = "Enter the amount to award";
    } else if (amount % 100 !== 0) {
      errors.amount = "Enter a part-award in whole pounds";
    } else if (amount >= requested) {
      errors.amount = `A part-award must be less than the ${money(requested)} asked for; to award all of it, choose funded`;
    } else if (amount > limits.potRemainingPence) {
      errors.amount = `Enter an amount no more than the ${money(limits.potRemainingPence)} left in the pot`;
    }
  }

  const isOverride = outcome !== limits.proposal.outcome || amount !== limits.proposal.amountPence;
  const reason = choice.overrideReason.trim();
  if (isOverride && reason.length < OVERRIDE_REASON_MIN) {
    errors.overrideReason = `Explain why this differs from the proposal (${describeProposal(limits.proposal, money)}), in at least ${OVERRIDE_REASON_MIN} characters`;
  } else if (reason.length > OVERRIDE_REASON_MAX) {
    errors.overrideReason = `Keep the reason to ${OVERRIDE_REASON_MAX} characters or fewer`;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, decision: { outcome, amountPence: amount, overrideReason: isOverride ? reason : null, isOverride } };
}

function describeProposal(proposal: DecisionLimits["proposal"], money: (p: Pence) => string): string {
  switch (proposal.outcome) {
    case "FUNDED":
      return `fund in full, ${money(proposal.amountPence)}`;
    case "PART_FUNDED":
      return `part-fund, ${money(proposal.amountPence)}`;
    case "NOT_FUNDED":
      return "not funded";
  }
}
