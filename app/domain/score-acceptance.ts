import { clockTime } from "~/domain/event-machine";
import type { SheetCriterion } from "~/domain/score-sheet";

// Whether a panellist's score for a pitch may be saved now, from what the database said inside
// the transaction that would save it (after the event's gate and the panellist's row lock).
//
// Interface:
//   scoreRefusal(seat, pitch) -> why the score is not saved (words for the phone), or null
//   NOT_SAVED                 -> the words every refusal ends with
//
// When scoring is accepted: once a pitch reaches QUESTIONS (the room has heard it; panellists
// often fill the sheet during questions) and through SCORING, until the chair locks it. Never
// while WAITING or PITCHING, never after the lock or after scoring for the event closed.

export const NOT_SAVED = "your score was not saved";

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

export function scoreRefusal(seat: Seat | null, pitch: Pitch | null): string | null {
  if (!seat) return `You are not on this event's panel, so ${NOT_SAVED}.`;
  if (seat.revokedAt) return `You are no longer on this panel, so ${NOT_SAVED}.`;
  if (!pitch) return `That pitch is not part of your event, so ${NOT_SAVED}.`;
  const { eventState, slotState } = pitch;
  if (eventState === "DRAFT" || eventState === "READY") return `Scoring has not started yet, so ${NOT_SAVED}.`;
  if (slotState === "LOCKED" || eventState === "SCORING_CLOSED" || eventState === "DECIDED") {
    const when = pitch.lockedAt ? ` at ${clockTime(pitch.lockedAt, seat.timeZone)}` : "";
    return `Scoring for this pitch closed${when}; ${NOT_SAVED}.`;
  }
  if (slotState === "WAITING" || slotState === "PITCHING") {
    return `Scoring for this pitch opens when the questions start, so ${NOT_SAVED}.`;
  }
  if (pitch.conflicted) {
    return `You declared a conflict of interest with this pitch, so you cannot score it; ${NOT_SAVED}.`;
  }
  return null;
}
