import { db } from "~/db.server";
import type { AudienceMode } from "~/domain/ballot";
import { orderedSlots, type EventState, type SlotState } from "~/domain/event-machine";
import { formatCode, JOIN_CODE_LENGTH, normaliseCode, TICKET_CODE_LENGTH } from "~/domain/join-code";
import { WRONG_CODE_LIMIT } from "~/domain/audience-phone";
import { audienceTallies } from "~/models/audience.server";
import { hit, limitState, shortAddress } from "~/models/rate-limit.server";

// What the audience's phones and the organiser's audience pages read.
//
// Interface:
//   resolveVoteCode(typed)   -> { kind: "join", eventId, code } | { kind: "ticket", eventId, code, used } | null
//                               (a 6-character event join code or an 8-character printed ticket)
//   lookUpVoteCode(typed, address, now) -> { ok: true, found } | { ok: false, reason: "unknown" }
//                               | { ok: false, reason: "limited", retryAfterSeconds }: the same,
//                               for codes typed or in a URL, counting wrong ones per address
//   votingView(eventId)      -> the event and its running order as the audience sees it, or null
//   participation(eventId)   -> phones that voted, phone votes, paper votes that count, all votes
//
// The running order here is public: titles and group names, as the big screen shows them.

export type VoteCode =
  | { kind: "join"; eventId: string; code: string }
  | { kind: "ticket"; eventId: string; code: string; used: boolean };

export type CodeLookup =
  | { ok: true; found: VoteCode }
  | { ok: false; reason: "unknown" }
  | { ok: false; reason: "limited"; retryAfterSeconds: number };

/**
 * A code from someone on the audience side. Only wrong codes are counted, so a hall of phones
 * behind one address joins freely; once an address has tried too many in a minute, every code
 * from it (right ones too, or the limit would still answer guesses) waits for the minute to end.
 */
export async function lookUpVoteCode(typed: string, address: string, now = new Date()): Promise<CodeLookup> {
  const limit = { key: `vote-code:${shortAddress(address)}`, ...WRONG_CODE_LIMIT };
  const state = await limitState(limit, now);
  if (state.limited) return { ok: false, reason: "limited", retryAfterSeconds: state.retryAfterSeconds };
  const found = await resolveVoteCode(typed);
  if (found) return { ok: true, found };
  await hit(limit, now);
  return { ok: false, reason: "unknown" };
}

export async function resolveVoteCode(typed: string): Promise<VoteCode | null> {
  const code = normaliseCode(typed);
  if (!code) return null;
  if (code.length === JOIN_CODE_LENGTH) {
    const event = await db().event.findUnique({ where: { joinCode: code }, select: { id: true } });
    return event ? { kind: "join", eventId: event.id, code } : null;
  }
  if (code.length === TICKET_CODE_LENGTH) {
    const ticket = await db().audienceTicket.findUnique({ where: { code }, select: { eventId: true, usedAt: true } });
    return ticket ? { kind: "ticket", eventId: ticket.eventId, code: formatCode(code), used: ticket.usedAt !== null } : null;
  }
  return null;
}

export interface VotingView {
  event: { id: string; title: string; state: EventState; venue: string; audienceMode: AudienceMode; votesPerPerson: number; joinCode: string };
  pitches: { bidId: string; position: number; reference: string; projectTitle: string; groupName: string; state: SlotState }[];
}

export async function votingView(eventId: string): Promise<VotingView | null> {
  const event = await db().event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      title: true,
      state: true,
      venue: true,
      joinCode: true,
      round: { select: { audienceMode: true, audienceVotesPerPerson: true } },
      slots: { select: { position: true, state: true, bid: { select: { id: true, reference: true, projectTitle: true, groupName: true } } } },
    },
  });
  if (!event) return null;
  return {
    event: {
      id: event.id,
      title: event.title,
      state: event.state,
      venue: event.venue,
      audienceMode: event.round.audienceMode,
      votesPerPerson: event.round.audienceVotesPerPerson,
      joinCode: event.joinCode,
    },
    pitches: orderedSlots(event.slots).map((slot) => ({
      bidId: slot.bid.id,
      position: slot.position,
      reference: slot.bid.reference,
      projectTitle: slot.bid.projectTitle,
      groupName: slot.bid.groupName,
      state: slot.state,
    })),
  };
}

export interface Participation {
  /** Phones whose ballot chooses at least one pitch. */
  phoneBallots: number;
  phoneVotes: number;
  /** Paper votes that count: both counts matched, or a difference resolved with a note. */
  paperVotes: number;
  totalVotes: number;
  /** Pitches whose paper count is still waiting for a second count or a resolution. */
  paperPending: number;
}

export async function participation(eventId: string): Promise<Participation> {
  const [phoneBallots, tallies] = await Promise.all([
    db().audienceBallot.count({ where: { eventId, votes: { some: {} } } }),
    audienceTallies(eventId),
  ]);
  const phoneVotes = tallies.reduce((sum, t) => sum + t.votes, 0);
  const paperVotes = tallies.reduce((sum, t) => sum + t.paper, 0);
  const paperPending = tallies.filter((t) => t.paperStatus === "FIRST_ONLY" || t.paperStatus === "MISMATCH").length;
  return { phoneBallots, phoneVotes, paperVotes, totalVotes: phoneVotes + paperVotes, paperPending };
}
