import { clockTime } from "~/domain/clock-time";
import { said, type Said } from "~/domain/said";
import type { SheetCriterion } from "~/domain/score-sheet";

// Whether a panellist's score for a pitch may be saved now, from what the database said inside
// the transaction that would save it (after the event's gate and the panellist's row lock).
//
// Interface:
//   scoreRefusal(seat, pitch) -> why the score is not saved (a score.refusal.* catalogue key, said on
//                                the phone in its language; each ends "your score was not saved"), or null
//
// When scoring is accepted: once a pitch reaches QUESTIONS (the room has heard it; panellists
// often fill the sheet during questions) and through SCORING, until the chair locks it. Never
// while WAITING or PITCHING, never after the lock or after scoring for the event closed.

export interface Seat {
  panellistId: string;
  eventId: string;
  revokedAt: Date | null;
  timeZone: string;
  criteria: SheetCriterion[];
}

export interface Pitch {
  slotId: string;
  slotState: string;
  lockedAt: Date | null;
  eventState: string;
  conflicted: boolean;
  lastVersion: number | null;
}

export function scoreRefusal(seat: Seat | null, pitch: Pitch | null): Said | null {
  if (!seat) return said("score.refusal.notOnPanel");
  if (seat.revokedAt) return said("score.refusal.revoked");
  if (!pitch) return said("score.refusal.notYourPitch");
  const { eventState, slotState } = pitch;
  if (eventState === "DRAFT" || eventState === "READY") return said("score.refusal.notStarted");
  if (slotState === "LOCKED" || eventState === "SCORING_CLOSED" || eventState === "DECIDED") {
    return pitch.lockedAt ? said("score.refusal.closedAt", { at: clockTime(pitch.lockedAt, seat.timeZone) }) : said("score.refusal.closed");
  }
  if (slotState === "WAITING" || slotState === "PITCHING") return said("score.refusal.notOpenYet");
  if (pitch.conflicted) return said("score.refusal.conflict");
  return null;
}
