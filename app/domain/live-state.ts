import type { AwardRevealView } from "~/domain/award-reveal";
import type { AudienceMode, PaperStatus } from "~/domain/ballot";
import type { EventState, SlotState } from "~/domain/event-machine";
import type { QuorumStatus } from "~/domain/quorum";

// The public state of an event that every screen shows (chair, projector, panellists' and
// audience phones): ids, states, counts, never scores before the reveal, never personal data.
// The server builds it (liveState in app/models/event.server.ts); the browser only reads it.

/** One pitch's audience vote, shown once the results are revealed. */
export interface BidTally {
  bidId: string;
  /** Phones that voted for the bid. */
  votes: number;
  points: number;
  /** Paper votes that count (matched or resolved). */
  paper: number;
  paperStatus: PaperStatus;
  total: number;
}

export interface LiveSlot {
  id: string;
  position: number;
  bidId: string;
  bidReference: string;
  projectTitle: string;
  groupName: string;
  /** "cy" when the group wrote in Welsh: the chair's page marks its words so. */
  lang?: "cy";
  state: SlotState;
  phaseEndsAt: string | null;
  pausedRemainingMs: number | null;
  lockedAt: string | null;
  /** Panellists whose current score sheet counts (no conflict); never the scores. */
  scoredCount: number;
  recusalCount: number;
  quorum: QuorumStatus;
  /** Only after the results are revealed. */
  audience: BidTally | null;
}

export interface LiveState {
  /** Audit sequence number of the latest change included; grows with every change. */
  version: number;
  serverNow: string;
  /** Pass back with chair commands so a stale screen cannot act twice. */
  revision: string;
  event: {
    id: string;
    title: string;
    state: EventState;
    startsAt: string;
    venue: string;
    pitchSeconds: number;
    questionSeconds: number;
    audienceMode: AudienceMode;
    votesPerPerson: number;
    /** How the audience joins; null when it does not vote, or before the event has started. */
    joinCode: string | null;
    resultsRevealed: boolean;
  };
  currentSlotId: string | null;
  current: LiveSlot | null;
  slots: LiveSlot[];
  panel: { active: number; joined: number };
  /** The awards reveal so far (funded groups only, totals at the end); null until it starts. */
  awards: AwardRevealView | null;
  /** For the chair: "PD-2027-0003: Only 2 panellists can score this pitch ...". */
  warnings: string[];
}
