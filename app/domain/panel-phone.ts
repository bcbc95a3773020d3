import type { EventState, SlotState } from "./event-machine";

// What a panellist's phone says about each pitch. The server decides (app/models/score.server.ts
// and panel.server.ts refuse late scores and conflicts); these mirror its rules so the phone
// shows the score pad only when a score can land, and says why not otherwise.
//
// Interface:
//   scoringOpen(eventState, slotState)       -> boolean: a score for this pitch is accepted now
//   conflictsOpen(eventState, slotState)     -> boolean: a conflict can still be declared/withdrawn
//   scoreStatus({ recused, version })        -> "Recused" | "Scored (version N)" | "Not scored"
//   scoringNote(eventState, slotState)       -> why there is no score pad, or null when there is one
//   missingScoreMessage(criterion)           -> the server's message for a criterion left blank
//   CONFLICT_REASON_MAX                      -> the longest reason for a conflict (as the panel model)
//   scoreFieldName(criterionId), SCORE_COMMENT_MAX   the sheet's field names and comment limit
//   OnePageBid                               -> a bid as the panel reads it during its pitch
//   padPitch(pitches, current, { isOpen, isUnsettled, isSaved }) -> the pitch the score pad shows, or null
//
// The last three repeat app/domain/score-sheet.ts and app/models/panel.server.ts (the tests
// hold them equal) because importing those would load zod on every phone: ~95 KB of the
// 120 KB a page may weigh.

export const CONFLICT_REASON_MAX = 500;

/** A bid as the panel reads it during its pitch: what it is, who for, what it costs; no contact details. */
export interface OnePageBid {
  reference: string;
  projectTitle: string;
  groupName: string;
  area: string;
  summary: string;
  difference: string;
  beneficiaries: string;
  beneficiaryCount: number | null;
  amountRequestedPence: number | null;
  budgetLines: { item: string; amountPence: number }[];
  /** The language the group wrote it in ("cy" or "en"): its words are marked so. */
  language?: string;
}
export const SCORE_COMMENT_MAX = 1_000;

export function scoreFieldName(criterionId: string) {
  return `items.${criterionId}`;
}

export function scoringOpen(eventState: EventState, slotState: SlotState) {
  return eventState === "LIVE" && (slotState === "QUESTIONS" || slotState === "SCORING");
}

export function conflictsOpen(eventState: EventState, slotState: SlotState) {
  return slotState !== "LOCKED" && eventState !== "SCORING_CLOSED" && eventState !== "DECIDED";
}

export function scoreStatus({ recused, version }: { recused: boolean; version: number | null }) {
  if (recused) return "Recused";
  return version === null ? "Not scored" : `Scored (version ${version})`;
}

export type ScoringNoteCase = "notStarted" | "eventClosed" | "locked" | "waiting" | "pitching";

/** Why a pitch cannot be scored now (the catalogue's "panel.note.<case>"), or null when it can. */
export function scoringNoteCase(eventState: EventState, slotState: SlotState): ScoringNoteCase | null {
  if (eventState === "DRAFT" || eventState === "READY") return "notStarted";
  if (eventState === "SCORING_CLOSED" || eventState === "DECIDED") return "eventClosed";
  if (slotState === "LOCKED") return "locked";
  if (slotState === "WAITING") return "waiting";
  if (slotState === "PITCHING") return "pitching";
  return null;
}

const SCORING_NOTES: Record<ScoringNoteCase, string> = {
  notStarted: "Scoring opens when the event starts and this pitch reaches its questions.",
  eventClosed: "Scoring for the event has closed.",
  locked: "Scoring for this pitch is locked.",
  waiting: "This pitch has not started yet. Scoring opens when its questions start.",
  pitching: "Listen to the pitch: scoring opens when the questions start.",
};

export function scoringNote(eventState: EventState, slotState: SlotState): string | null {
  const noteCase = scoringNoteCase(eventState, slotState);
  return noteCase && SCORING_NOTES[noteCase];
}

/** Same words as the server's schema (app/domain/score-sheet.ts), without loading zod on the phone. */
export function missingScoreMessage(criterion: { name: string; scaleMin: number; scaleMax: number }) {
  return `Choose a score for ${criterion.name}, from ${criterion.scaleMin} to ${criterion.scaleMax}.`;
}

/**
 * Which pitch the phone's score pad shows: first a score still waiting to be sent or refused
 * (so its message is seen); then the pitch on stage once its questions start; while the next
 * group pitches, the last pitch still waiting for this panellist's score. Null: no pad.
 */
export function padPitch<P extends { bidId: string; recused: boolean }>(
  pitches: P[],
  current: P | null,
  { isOpen, isUnsettled, isSaved }: { isOpen: (pitch: P) => boolean; isUnsettled: (pitch: P) => boolean; isSaved: (pitch: P) => boolean },
): P | null {
  return (
    pitches.find((p) => !p.recused && isUnsettled(p)) ??
    (current && isOpen(current) ? current : null) ??
    pitches.filter(isOpen).filter((p) => !isSaved(p)).at(-1) ??
    null
  );
}
