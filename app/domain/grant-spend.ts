import type { Pence } from "~/domain/money";

// How the money was spent against the bid's budget lines, and what is left of the award.

export interface BudgetLineFacts {
  id: string;
  item: string;
  amountPence: Pence;
}

export interface SpendRow extends BudgetLineFacts {
  spentPence: Pence;
  /** Budget less spent: positive when under budget, negative when over. */
  differencePence: Pence;
}

export interface SpendSummary {
  rows: SpendRow[];
  budgetPence: Pence;
  spentPence: Pence;
  /** The award not spent (never negative): what the group could send back. */
  underspendPence: Pence;
  /** Spent beyond the award: the group met it from elsewhere. */
  overspendPence: Pence;
  /** Underspend not yet returned. */
  unreturnedPence: Pence;
}

export function spendAgainstBudget(
  lines: readonly BudgetLineFacts[],
  spent: ReadonlyMap<string, Pence>,
  { awardedPence, returnedPence = 0 }: { awardedPence: Pence; returnedPence?: Pence },
): SpendSummary {
  const rows = lines.map((line) => {
    const spentPence = spent.get(line.id) ?? 0;
    return { ...line, spentPence, differencePence: line.amountPence - spentPence };
  });
  const budgetPence = rows.reduce((sum, r) => sum + r.amountPence, 0);
  const spentPence = rows.reduce((sum, r) => sum + r.spentPence, 0);
  const underspendPence = Math.max(0, awardedPence - spentPence);
  return {
    rows,
    budgetPence,
    spentPence,
    underspendPence,
    overspendPence: Math.max(0, spentPence - awardedPence),
    unreturnedPence: Math.max(0, underspendPence - returnedPence),
  };
}
