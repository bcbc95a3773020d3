import { clockTime } from "~/domain/event-machine";
import { submitScore } from "~/models/score.server";
import { formValues, withoutControlCharacters, type FieldErrors } from "~/utils/forms";

// One score sheet from a phone, the same way whether it came as a plain form post (no
// JavaScript) or from the offline queue: the score model checks it with the shared schema against
// the round's criteria and saves it as a new version, in one transaction (refusing late scores
// and conflicts).
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
  const { values, errors } = withoutControlCharacters(formValues(formData));
  if (Object.keys(errors).length > 0) return { kind: "invalid", errors, values };
  const result = await submitScore({ panellistId: panellist.id, bidId, sheet: values });
  if (result.ok) return { kind: "saved", version: result.sheet.version, at: clockTime(result.sheet.submittedAt, result.timeZone), duplicate: result.duplicate };
  if (result.errors) return { kind: "invalid", errors: result.errors, values };
  return { kind: "refused", message: result.message, values };
}
