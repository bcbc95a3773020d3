// Who may vote from this phone with the code it opened, for the audience's voting page. Pure:
// the loader passes what the code turned out to be and the ballot this phone already holds.
//
// Interface:
//   voteAccess(found, mode, heldTicket) -> { ticket, blocked, needsTicket }

/** What the code in the address turned out to be (models/audience-view.server.ts resolveVoteCode). */
export type OpenedCode = { kind: "join"; code: string } | { kind: "ticket"; code: string; used: boolean };

export interface VoteAccess {
  /** The ticket this phone votes with, if any. */
  ticket: string | null;
  /** Why this phone cannot vote with this ticket, in a title and a sentence. */
  blocked: { title: string; text: string } | null;
  /** A ticket event opened by its join code: the phone must enter a ticket first. */
  needsTicket: boolean;
}

/** What the action answers when a vote or a ticket is not taken. */
export interface VoteActionResult {
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
  refusal: string | null;
}

/** `heldTicket`: the ticket of the ballot this phone already holds (null when it voted without one or not yet). */
export function voteAccess(found: OpenedCode, mode: string, heldTicket: string | null): VoteAccess {
  const ticket = found.kind === "ticket" ? found.code : heldTicket;
  // A ticket another phone already used, or a second ticket on a phone that voted with one (a phone holds one ballot).
  const blocked =
    found.kind !== "ticket" || heldTicket === found.code
      ? null
      : found.used
        ? { title: "This ticket has already been used on another phone", text: "Each ticket is one vote. If you have not voted yet, ask a steward." }
        : heldTicket
          ? {
              title: `This phone has already voted with ticket ${heldTicket}`,
              text: "A phone holds one vote. To use this ticket, vote on another phone; or change this phone's vote with its own ticket.",
            }
          : null;
  return { ticket, blocked, needsTicket: mode === "TICKETS" && !ticket };
}
