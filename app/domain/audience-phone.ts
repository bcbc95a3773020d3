import type { EventState, SlotState } from "./event-machine";
import { CODE_ALPHABET, JOIN_CODE_LENGTH, TICKET_CODE_LENGTH } from "./join-code";
import { said, type Said } from "./said";

// What an audience member's phone shows while they vote. The server decides (app/domain/ballot.ts
// through app/models/audience.server.ts); these repeat its rules for the phone because importing
// ballot.ts would load zod on 500 phones. The tests hold the two equal.
//
// Interface:
//   AudienceMode, VotingStatus                          as in ballot.ts
//   audienceVotingStatus(mode, eventState)              -> "NOT_USED" | "NOT_OPEN" | "OPEN" | "CLOSED"
//   canVoteFor(slotState)                               -> the room has heard (or is hearing) the pitch
//   choiceProblem(chosen, votesPerPerson)               -> the server's refusal for too few / too many (a Said)
//   allowance(chosen, votesPerPerson)                   -> { full, over } as ticked
//   voteCodeProblem(typed)                              -> why a typed code cannot be a join or ticket code (a Said)
//   publicJoinCode(mode, eventState, joinCode)          the join code anyone may see: only once started
//   WRONG_CODE_LIMIT, wrongCodesMessage(seconds)        how many wrong codes one address may try a minute

export type AudienceMode = "NONE" | "TICKETS" | "OPEN";
export type VotingStatus = "NOT_USED" | "NOT_OPEN" | "OPEN" | "CLOSED";

export function audienceVotingStatus(mode: AudienceMode, eventState: EventState): VotingStatus {
  if (mode === "NONE") return "NOT_USED";
  if (eventState === "DRAFT" || eventState === "READY") return "NOT_OPEN";
  return eventState === "LIVE" ? "OPEN" : "CLOSED";
}

export function canVoteFor(slotState: SlotState) {
  return slotState !== "WAITING";
}

export function choiceProblem(chosen: number, votesPerPerson: number): Said | null {
  if (chosen === 0) return said("vote.problem.none");
  if (chosen > votesPerPerson) return said("vote.problem.tooMany", { votes: votesPerPerson, chosen });
  return null;
}

/**
 * The join code in the public live state (anyone with the event's id can read it): only once the
 * chair has started the event, so it cannot be collected beforehand to stuff the ballot from
 * outside the hall. Staff pages (the projector included) have it all along.
 */
export function publicJoinCode(mode: AudienceMode, eventState: EventState, joinCode: string): string | null {
  if (mode === "NONE" || eventState === "DRAFT" || eventState === "READY") return null;
  return joinCode;
}

/**
 * Wrong codes (not joins: a hall of phones shares one address behind the venue's router) one
 * address may try per minute before every code from it waits for the minute to end. Against
 * 30^6 join codes that leaves a guesser about one chance in 25,000 a day.
 */
export const WRONG_CODE_LIMIT = { max: 20, windowSeconds: 60 } as const;

export function wrongCodesMessage(retryAfterSeconds: number): Said {
  return said("vote.code.tooMany", { seconds: Math.max(1, retryAfterSeconds) });
}

/**
 * How much of their allowance a person has ticked, as they tick (the phone then stops further
 * ticks once it is full, so the server's refusal is only met without JavaScript); `over` is how
 * many to untick.
 */
export function allowance(chosen: number, votesPerPerson: number): { full: boolean; over: number } {
  return { full: chosen >= votesPerPerson, over: Math.max(0, chosen - votesPerPerson) };
}

/** A join code (6 characters, on the big screen) or a ticket code (8, printed); null if it could be one. */
export function voteCodeProblem(typed: string): Said | null {
  const code = typed.toUpperCase().replace(/[\s-]+/g, "");
  if (code.length === 0) return said("vote.code.empty");
  if ([...code].some((ch) => !CODE_ALPHABET.includes(ch))) return said("vote.code.letters");
  if (code.length !== JOIN_CODE_LENGTH && code.length !== TICKET_CODE_LENGTH) {
    return said("vote.code.length", { screen: JOIN_CODE_LENGTH, ticket: TICKET_CODE_LENGTH, typed: code.length });
  }
  return null;
}
