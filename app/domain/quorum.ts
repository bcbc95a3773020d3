// Quorum during the live session: can enough panellists still score this pitch?
//
// Interface: quorumStatus({ quorum, eligible, recused, scored, locked }) -> QuorumStatus
//
// `eligible` counts the panellists who may score the bid: on the panel (not revoked, or
// revoked after they had already scored it) and without a declared conflict. Recusals are
// passed only to explain the warning. The chair sees a warning as soon as fewer panellists can
// score than the round's rule needs (so they can find a substitute before the pitch), and when
// a pitch is locked with fewer scores than the rule needs (its ranking will be flagged).

export type QuorumState = "MET" | "WAITING" | "SHORT";

export interface QuorumInput {
  /** Round.quorum: the fewest scores a bid needs. */
  quorum: number;
  eligible: number;
  recused: number;
  scored: number;
  locked: boolean;
}

export interface QuorumStatus {
  state: QuorumState;
  required: number;
  eligible: number;
  scored: number;
  /** Plain English for the chair, or null when nothing needs doing. */
  warning: string | null;
}

const panellists = (n: number) => (n === 1 ? "1 panellist" : `${n} panellists`);
const scores = (n: number) => (n === 1 ? "1 score" : `${n} scores`);

export function quorumStatus(input: QuorumInput): QuorumStatus {
  const { quorum: required, eligible, recused, scored, locked } = input;
  const base = { required, eligible, scored };
  if (scored >= required) return { ...base, state: "MET", warning: null };
  if (locked) {
    return {
      ...base,
      state: "SHORT",
      warning: `Locked with ${scores(scored)}; the rule needs ${required}. This pitch will be ranked after those that met the quorum.`,
    };
  }
  if (eligible < required) {
    const why = recused > 0 ? ` (${recused} declared a conflict of interest)` : "";
    return {
      ...base,
      state: "SHORT",
      warning: `Only ${panellists(eligible)} can score this pitch${why}; the rule needs ${required}.`,
    };
  }
  return { ...base, state: "WAITING", warning: null };
}
