import * as z from "zod";
import type { EventState, SlotState } from "./event-machine";
import { said, type Said } from "./said";

// Audience voting rules, shared by the phone form and the server.
//
// Interface:
//   ballotSchema                                   zod: { bidIds: string[], clientMutationId }
//   checkBallot({ mode, votesPerPerson, eventState, bids, bidIds }) -> { ok, votes } | { ok: false, message: Said (a vote.* key) }
//   votingStatus(mode, eventState)                 -> "NOT_USED" | "NOT_OPEN" | "OPEN" | "CLOSED"
//
// Rules (Round.audienceMode and Round.audienceVotesPerPerson):
// - NONE: no audience voting. TICKETS: one ballot per printed single-use ticket. OPEN: one
//   ballot per phone (a voter key in a cookie) for anyone with the event's join code.
// - Voting is open while the event is LIVE; a ballot can be changed (replaced as a whole) until
//   scoring for the event closes.
// - A ballot chooses between 1 and votesPerPerson different pitches of this event.
// - A pitch can be voted for once it has started (PITCHING or later), never before the room
//   has heard it, so a crowd of supporters cannot vote before the pitch it came for.
// - Each chosen pitch gets 1 point: simple to explain in a hall ("you have 3 votes, one per
//   pitch"); AudienceVote.points keeps the count so a weighted rule could come later.

export type AudienceMode = "NONE" | "TICKETS" | "OPEN";
export type VotingStatus = "NOT_USED" | "NOT_OPEN" | "OPEN" | "CLOSED";

export const POINTS_PER_VOTE = 1;

export interface BallotBid {
  bidId: string;
  /** How people know the pitch: the project title or the bid reference. */
  label: string;
  slotState: SlotState;
}

export interface BallotInput {
  mode: AudienceMode;
  votesPerPerson: number;
  eventState: EventState;
  bids: readonly BallotBid[];
  bidIds: readonly string[];
}

/** A ballot or ticket refused, in words for the voter's phone (a vote.* catalogue key). */
export type BallotRefusal = { ok: false; message: Said };
export type BallotResult<T> = ({ ok: true } & T) | BallotRefusal;

export function ballotRefused(key: string, values?: Said["values"]): BallotRefusal {
  return { ok: false, message: said(key, values) };
}

export type BallotCheck = { ok: true; votes: { bidId: string; points: number }[] } | BallotRefusal;

export function votingStatus(mode: AudienceMode, eventState: EventState): VotingStatus {
  if (mode === "NONE") return "NOT_USED";
  if (eventState === "DRAFT" || eventState === "READY") return "NOT_OPEN";
  return eventState === "LIVE" ? "OPEN" : "CLOSED";
}

export function checkBallot(input: BallotInput): BallotCheck {
  const status = votingStatus(input.mode, input.eventState);
  if (status === "NOT_USED") return { ok: false, message: said("vote.refusal.notUsed") };
  if (status === "NOT_OPEN") return { ok: false, message: said("vote.refusal.notOpen") };
  if (status === "CLOSED") return { ok: false, message: said("vote.refusal.closed") };

  const chosen = input.bidIds;
  if (chosen.length === 0) return { ok: false, message: said("vote.problem.none") };
  if (new Set(chosen).size !== chosen.length) {
    return { ok: false, message: said("vote.refusal.twice") };
  }
  if (chosen.length > input.votesPerPerson) {
    return { ok: false, message: said("vote.problem.tooMany", { votes: input.votesPerPerson, chosen: chosen.length }) };
  }
  const byId = new Map(input.bids.map((bid) => [bid.bidId, bid]));
  for (const bidId of chosen) {
    const bid = byId.get(bidId);
    if (!bid) return { ok: false, message: said("vote.refusal.unknownPitch") };
    if (bid.slotState === "WAITING") {
      return { ok: false, message: said("vote.refusal.notStarted", { pitch: bid.label }) };
    }
  }
  return { ok: true, votes: chosen.map((bidId) => ({ bidId, points: POINTS_PER_VOTE })) };
}

export const ballotSchema = z.object({
  bidIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value.filter(Boolean) : [value]))
    .pipe(z.array(z.string().min(1)).min(1, "vote.problem.none")),
  clientMutationId: z.uuid({ error: "vote.refusal.unmatched" }),
});

export type BallotSubmission = z.infer<typeof ballotSchema>;

// ---------- Paper tallies ----------
// Paper votes for a pitch are counted twice, by two different people. The count is used only
// when both entries agree, or after someone resolved a disagreement with a note.

export type PaperStatus = "NONE" | "FIRST_ONLY" | "MATCHED" | "MISMATCH" | "RESOLVED";

export interface PaperEntries {
  firstCount: number | null;
  secondCount: number | null;
  resolvedCount: number | null;
}

export function paperStatus(tally: PaperEntries | null | undefined): PaperStatus {
  if (!tally || tally.firstCount === null) return "NONE";
  if (tally.resolvedCount !== null) return "RESOLVED";
  if (tally.secondCount === null) return "FIRST_ONLY";
  return tally.firstCount === tally.secondCount ? "MATCHED" : "MISMATCH";
}

/** The paper votes that count for the pitch: 0 until matched or resolved. */
export function countedPaper(tally: PaperEntries | null | undefined): number {
  const status = paperStatus(tally);
  if (status === "RESOLVED") return tally!.resolvedCount!;
  if (status === "MATCHED") return tally!.firstCount!;
  return 0;
}

export const PAPER_STATUS_LABELS: Record<PaperStatus, string> = {
  NONE: "Not counted yet",
  FIRST_ONLY: "Waiting for the second count",
  MATCHED: "Both counts match",
  MISMATCH: "Counts differ: resolve with a note",
  RESOLVED: "Resolved",
};
