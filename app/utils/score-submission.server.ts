import { clockTime } from "~/domain/event-machine";
import { scoreSheetSchema } from "~/domain/score-sheet";
import { scoringRules } from "~/models/panel-view.server";
import { submitScore } from "~/models/score.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

// One score sheet from a phone, the same way whether it came as a plain form post (no
// JavaScript) or from the offline queue: checked with the shared schema, then saved as a new
// version by the score model (which refuses late scores and conflicts).
//
// Interface:
//   receiveScore(panellist, bidId, formData) -> ScoreOutcome
//     saved:   { version, at: "19:42" (fund's zone), duplicate }
//     invalid: { errors by field ("items.<criterionId>", "comment"), values }
//     refused: { message, values }   (the pitch is locked, a conflict, not on the panel ...)

export type ScoreOutcome =
  | { kind: "saved"; version: number; at: string; duplicate: boolean }
  | { kind: "invalid"; errors: FieldErrors; values: Record<string, string | string[]> }
  | { kind: "refused"; message: string; values: Record<string, string | string[]> };

export async function receiveScore(panellist: { id: string; eventId: string }, bidId: string, formData: FormData): Promise<ScoreOutcome> {
  const rules = await scoringRules(panellist.eventId);
  if (!rules) throw new Response("That event does not exist any more.", { status: 404, statusText: "Not Found" });
  const parsed = parseForm(scoreSheetSchema(rules.criteria), formData);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors, values: parsed.values };
  const result = await submitScore({ panellistId: panellist.id, bidId, ...parsed.data });
  if (!result.ok) return { kind: "refused", message: result.message, values: parsed.values };
  return { kind: "saved", version: result.sheet.version, at: clockTime(result.sheet.submittedAt, rules.timeZone), duplicate: result.duplicate };
}
