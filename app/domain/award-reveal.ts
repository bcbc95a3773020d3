import type { Outcome } from "./allocation";
import { sumPence, type Pence } from "./money";

// The awards reveal at the end of the night: once the funder has confirmed the decisions,
// the chair steps through the funded groups on the big screen, one at a time or all at once,
// then shows the totals. The step reached is stored on the event (restart-safe); everything
// else is worked out here from the confirmed decisions.
//
// Interface:
//   decisionsConfirmed(event)                  every pitch decided and the event closed (DECIDED)
//   revealOrder(awards)                        the funded awards in the order they are revealed
//   revealStepCount(awardCount)                one step per funded group, then one for the totals
//   nextRevealStep(plan, mode, fromStep?)      -> { ok, step } | { ok: false, message }
//   awardRevealView(input)                     what has been revealed so far (public), or null
//   outcomeAnnounced(view, bidId)              whether a group's own outcome may show on its page
//
// Order: the running order. The hall heard the pitches in that order, so each group waits for
// its own turn as it pitched, and the reveal does not rank the funded groups against each
// other (ascending amount would make the largest award look like "the winner" and would always
// open with the part-funded groups, singling them out). Positions are unique, so no ties.
// Unsuccessful groups are never in the reveal: they hear privately, on their own page.

export type RevealMode = "next" | "all";

export interface FundedAward {
  bidId: string;
  reference: string;
  groupName: string;
  projectTitle: string;
  outcome: Exclude<Outcome, "NOT_FUNDED">;
  amountPence: Pence;
  requestedPence: Pence | null;
  /** Place in the running order. */
  position: number;
}

/** One revealed award as screens, phones and /results show it: public facts only. */
export interface RevealedAward {
  bidId: string;
  reference: string;
  groupName: string;
  projectTitle: string;
  amountPence: Pence;
  partFunded: boolean;
  /** What the group asked for, shown beside a part award ("£2,000 of £2,400"). */
  requestedPence: Pence | null;
}

export interface AwardRevealView {
  /** Steps revealed so far (each award, then the totals). */
  step: number;
  rows: RevealedAward[];
  /** Every award and the totals are showing. */
  complete: boolean;
  /** Only once the last step is revealed: awarded tonight and what is left in the fund. */
  totals: { awardedPence: Pence; potRemainingPence: Pence } | null;
  currency: string;
}

export interface RevealPlan {
  confirmed: boolean;
  /** Steps revealed so far, as stored. */
  step: number;
  /** Steps in all: revealStepCount(funded awards). */
  steps: number;
}

export function decisionsConfirmed(event: { state: string; bidStatuses: readonly string[] }): boolean {
  return event.state === "DECIDED" && event.bidStatuses.every((status) => status !== "SHORTLISTED");
}

export function revealOrder<T extends Pick<FundedAward, "position" | "reference">>(awards: readonly T[]): T[] {
  return [...awards].sort((a, b) => a.position - b.position || a.reference.localeCompare(b.reference));
}

export function revealStepCount(awardCount: number): number {
  return awardCount + 1;
}

export const NOT_CONFIRMED =
  "The funder has not confirmed the decisions yet, so there are no awards to reveal. Reveal them once the decisions page says they are confirmed.";

/**
 * The step the chair's press leads to. `fromStep` is the step the chair's page showed: a
 * "Reveal next" from a stale page (a double tap, a second tablet) is refused, never applied twice.
 */
export function nextRevealStep(plan: RevealPlan, mode: RevealMode, fromStep?: number): { ok: true; step: number } | { ok: false; message: string } {
  if (!plan.confirmed) return { ok: false, message: NOT_CONFIRMED };
  const at = Math.min(plan.step, plan.steps);
  if (at >= plan.steps) return { ok: false, message: "Every award and the totals are already showing." };
  if (mode === "next" && fromStep !== undefined && fromStep !== at) {
    return { ok: false, message: "The reveal moved on from another screen after yours last updated, so nothing more was revealed. Check the screen and try again." };
  }
  return { ok: true, step: mode === "all" ? plan.steps : at + 1 };
}

export interface RevealInput {
  confirmed: boolean;
  step: number;
  awards: readonly FundedAward[];
  potRemainingPence: Pence;
  currency: string;
}

/** What is showing: null until the chair reveals the first step. */
export function awardRevealView(input: RevealInput): AwardRevealView | null {
  if (!input.confirmed || input.step <= 0) return null;
  const ordered = revealOrder(input.awards);
  const steps = revealStepCount(ordered.length);
  // why: an award cancelled after the night shortens the list; the stored step may then pass its end.
  const step = Math.min(input.step, steps);
  const complete = step >= steps;
  const rows = ordered.slice(0, step).map(
    (award): RevealedAward => ({
      bidId: award.bidId,
      reference: award.reference,
      groupName: award.groupName,
      projectTitle: award.projectTitle,
      amountPence: award.amountPence,
      partFunded: award.outcome === "PART_FUNDED",
      requestedPence: award.outcome === "PART_FUNDED" ? award.requestedPence : null,
    }),
  );
  return {
    step,
    rows,
    complete,
    totals: complete ? { awardedPence: sumPence(rows.map((row) => row.amountPence)), potRemainingPence: input.potRemainingPence } : null,
    currency: input.currency,
  };
}

/**
 * A group's own page shows its outcome once the hall has heard it: a funded group when its row
 * is revealed; a group not funded once the reveal is complete (so its page never tells it
 * before the funded groups have been announced).
 */
export function outcomeAnnounced(view: AwardRevealView | null, bidId: string): boolean {
  if (!view) return false;
  return view.complete || view.rows.some((row) => row.bidId === bidId);
}
