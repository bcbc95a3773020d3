import type { EventState, SlotState } from "./event-machine";
import { message, type PlainMessage } from "./message";

// What a panellist's phone says about each pitch. The server decides (app/models/score.server.ts
// and panel.server.ts refuse late scores and conflicts); these mirror its rules so the phone
// shows the score pad only when a score can land, and says why not otherwise.
//
// Interface:
//   scoringOpen(eventState, slotState)       -> boolean: a score for this pitch is accepted now
//   conflictsOpen(eventState, slotState)     -> boolean: a conflict can still be declared/withdrawn
//   scoringNoteCase(eventState, slotState)   -> why there is no score pad (panel.note.<case>), or null when there is one
//   missingScore(criterion)                  -> the message (score.error.missing) for a criterion left blank
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

/** A criterion left blank: the phone says it before sending, the server's schema (score-sheet.ts) after. */
export function missingScore(criterion: { name: string; scaleMin: number; scaleMax: number }): PlainMessage {
  return message("score.error.missing", { name: criterion.name, min: criterion.scaleMin, max: criterion.scaleMax });
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
