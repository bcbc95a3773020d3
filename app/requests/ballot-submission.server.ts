import { ballotSchema } from "~/domain/ballot";
import type { Said } from "~/domain/said";
import { castBallot } from "~/models/audience.server";
import type { VoteCode } from "~/models/audience-view.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { ensureVoterKey } from "~/utils/voter.server";

// One audience ballot from a phone, the same way whether it came as a plain form post or from
// the offline queue: checked with the shared ballot schema, then cast (or changed) by the
// audience model for this phone's voter key and, with printed tickets, the ticket in the address.
//
// Interface:
//   receiveBallot(request, code, formData) -> BallotOutcome (setCookie: the voter cookie to send,
//   when this phone had none yet; null otherwise). A refusal and the field errors are catalogue
//   keys (vote.*), for the route to say in the voter's language.

export type BallotOutcome = { setCookie: string | null } & (
  | { kind: "counted"; bidIds: string[]; duplicate: boolean }
  | { kind: "invalid"; errors: FieldErrors; values: Record<string, string | string[]> }
  | { kind: "refused"; message: Said; values: Record<string, string | string[]> }
);

export async function receiveBallot(request: Request, code: VoteCode, formData: FormData): Promise<BallotOutcome> {
  const parsed = parseForm(ballotSchema, formData);
  if (!parsed.ok) return { kind: "invalid", errors: parsed.errors, values: parsed.values, setCookie: null };
  const { voterKey, setCookie } = await ensureVoterKey(request);
  const result = await castBallot({
    eventId: code.eventId,
    voterKey,
    ticketCode: code.kind === "ticket" ? code.code : undefined,
    bidIds: parsed.data.bidIds,
    clientMutationId: parsed.data.clientMutationId,
  });
  if (!result.ok) return { kind: "refused", message: result.message, values: parsed.values, setCookie };
  return { kind: "counted", bidIds: result.bidIds, duplicate: result.duplicate, setCookie };
}
