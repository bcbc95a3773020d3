import { clockTime } from "~/domain/event-machine";
import type { Said } from "~/domain/said";
import type { Lang } from "~/i18n/lang";
import { submitScore } from "~/models/score.server";
import { deviceTokenFor, notOnPanel } from "~/requests/panel-device.server";
import { eachSays, type MessageErrors } from "~/domain/message";
import { formValues, withoutControlCharacters } from "~/utils/forms";

// One score sheet from a phone, the same way whether it came as a plain form post (no
// JavaScript) or from the offline queue: the score model checks it with the shared schema against
// the round's criteria and saves it as a new version, in one transaction (refusing late scores
// and conflicts). The phone is known by its device cookie, checked in that same transaction.
//
// Interface:
//   requireDeviceCookie(request, eventId, { json }) -> throws a 403 when the phone has no cookie for the event
//   receiveScore({ token, eventId }, bidId, formData, { json }) -> ScoreOutcome, or throws a 403 (not on the panel)
//     saved:   { version, at: "19:42" (fund's zone), duplicate }
//     invalid: { errors by field ("items.<criterionId>", "comment"; score.error.* keys with facts), values }
//     refused: { message (a score.refusal.* key), values }   (the pitch is locked, a conflict ...)

export type ScoreOutcome =
  | { kind: "saved"; version: number; at: string; duplicate: boolean }
  | { kind: "invalid"; errors: MessageErrors; values: Record<string, string | string[]> }
  | { kind: "refused"; message: Said; values: Record<string, string | string[]> };

type Answer = { json?: boolean; lang?: Lang };

/** The phone's device token for the event; a phone without one is refused before its body is read. */
export async function requireDeviceCookie(request: Request, eventId: string, options: Answer = {}): Promise<string> {
  const token = await deviceTokenFor(request, eventId);
  if (!token) throw notOnPanel(options);
  return token;
}

export async function receiveScore(device: { token: string; eventId: string }, bidId: string, formData: FormData, options: Answer = {}): Promise<ScoreOutcome> {
  const { values, errors } = withoutControlCharacters(formValues(formData));
  if (Object.keys(errors).length > 0) return { kind: "invalid", errors: eachSays(Object.keys(errors), "score.error.controlCharacter"), values };
  const result = await submitScore({ device, bidId, sheet: values });
  if (result.ok) return { kind: "saved", version: result.sheet.version, at: clockTime(result.sheet.submittedAt, result.timeZone), duplicate: result.duplicate };
  if (result.notOnPanel) throw notOnPanel(options);
  if (result.errors) return { kind: "invalid", errors: result.errors, values };
  return { kind: "refused", message: result.message, values };
}
