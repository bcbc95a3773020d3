import type { EventState, SlotState } from "./event-machine";
import { CODE_ALPHABET, JOIN_CODE_LENGTH, TICKET_CODE_LENGTH } from "./join-code";

// What an audience member's phone shows while they vote. The server decides (app/domain/ballot.ts
// through app/models/audience.server.ts); these repeat its rules for the phone because importing
// ballot.ts would load zod on 500 phones. The tests hold the two equal.
//
// Interface:
//   AudienceMode, VotingStatus                          as in ballot.ts
//   audienceVotingStatus(mode, eventState)              -> "NOT_USED" | "NOT_OPEN" | "OPEN" | "CLOSED"
//   canVoteFor(slotState)                               -> the room has heard (or is hearing) the pitch
//   choiceProblem(chosen, votesPerPerson)               -> the server's message for too few / too many
//   votesText(votesPerPerson)                           -> "1 pitch" | "up to 3 pitches"
//   allowance(chosen, votesPerPerson)                   -> { full, text: "You have used 2 of 3 votes." } as ticked
//   voteCodeProblem(typed)                              -> why a typed code cannot be a join or ticket code
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

export function votesText(votesPerPerson: number) {
  return votesPerPerson === 1 ? "1 pitch" : `up to ${votesPerPerson} pitches`;
}

export function choiceProblem(chosen: number, votesPerPerson: number): string | null {
  if (chosen === 0) return "Choose at least one pitch to vote for.";
  if (chosen > votesPerPerson) return `You can vote for ${votesText(votesPerPerson)}; you chose ${chosen}.`;
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

export function wrongCodesMessage(retryAfterSeconds: number): string {
  const seconds = Math.max(1, retryAfterSeconds);
  return `Too many wrong codes have been tried from your network. Wait ${seconds} second${seconds === 1 ? "" : "s"}, then try again.`;
}

/**
 * How much of their allowance a person has ticked, said as they tick (the phone then stops
 * further ticks once it is full, so the server's refusal is only met without JavaScript).
 */
export function allowance(chosen: number, votesPerPerson: number): { full: boolean; text: string } {
  const votes = votesPerPerson === 1 ? "vote" : "votes";
  if (chosen > votesPerPerson) {
    const over = chosen - votesPerPerson;
    return { full: true, text: `You have chosen ${chosen} pitches but have ${votesPerPerson} ${votes}: untick ${over === 1 ? "one" : over}.` };
  }
  const full = chosen === votesPerPerson;
  return { full, text: `You have used ${chosen} of ${votesPerPerson} ${votes}.${full ? " Untick a pitch to choose another." : ""}` };
}

/** A join code (6 characters, on the big screen) or a ticket code (8, printed); null if it could be one. */
export function voteCodeProblem(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]+/g, "");
  if (code.length === 0) return "Enter the code from the big screen or from your ticket.";
  if ([...code].some((ch) => !CODE_ALPHABET.includes(ch))) {
    return "Codes use only the letters A to Z (without I, L, O and U) and the numbers 2 to 9.";
  }
  if (code.length !== JOIN_CODE_LENGTH && code.length !== TICKET_CODE_LENGTH) {
    return `The code on the big screen has ${JOIN_CODE_LENGTH} characters and a ticket code has ${TICKET_CODE_LENGTH}; this one has ${code.length}.`;
  }
  return null;
}
