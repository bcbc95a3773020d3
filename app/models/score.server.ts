import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { clockTime } from "~/domain/event-machine";
import { scoreSheetSchema, type SheetCriterion } from "~/domain/score-sheet";
import type { ScoringInput } from "~/domain/scoring";
import { audienceTallies } from "~/models/audience.server";
import { chainedAudit, latestAuditSeq, type Tx } from "~/models/audit.server";
import { isUniqueViolation, LIVE_TX, sharedGate } from "~/models/live.server";
import { refused } from "~/domain/result";
import { publish } from "~/db/live/bus.server";
import { fieldErrors, type FieldErrors } from "~/utils/forms";

// Panellists' score sheets: every submission is a new version, never an overwrite.
//
// Interface:
//   submitScore({ panellistId, bidId, sheet }, now?)
//       -> { ok: true, sheet: { id, version, submittedAt }, duplicate, timeZone }
//        | { ok: false, message, errors? }   (errors by field when the sheet itself is not valid)
//   myScores(panellistId)                  -> the panellist's current sheets (their own phone)
//   sheetHistory(panellistId, bidId)       -> every version, newest first
//   scoreSheetsForEvent(eventId)           -> every version of every sheet (auditor, report)
//   scoringInput(eventId)                  -> ScoringInput for rankBids() in app/domain/scoring.ts
//
// When scoring is accepted: once a pitch reaches QUESTIONS (the room has heard it; panellists
// often fill the sheet during questions) and through SCORING, until the chair locks it. Never
// while WAITING or PITCHING, never after the lock or after scoring for the event closed.
// A submission carries a client-generated id (clientMutationId, unique in the table). Copies
// of one submission (a phone retrying on bad Wi-Fi, or its offline queue replaying) return
// the first one's result and change nothing. Correctness under concurrency comes from the
// panellist's row lock (FOR UPDATE): one panellist's submissions are applied one at a time,
// so there is exactly one `current` sheet per panellist and bid and versions never collide.
// The event's gate is held shared (app/models/live.server.ts) before the pitch's state is read,
// so the chair's lock waits for scores in flight, and no score that reads the pitch after the
// lock has committed is saved.

export interface ScoreInput {
  panellistId: string;
  bidId: string;
  /**
   * The sheet as the phone sent it: form fields ("items.<criterionId>", "comment",
   * "clientMutationId") or the same nested ({ items: { <criterionId>: 4 } or [{ criterionId, value }] }).
   * It is checked against the round's criteria inside the transaction that saves it.
   */
  sheet: unknown;
}

export interface SavedSheet {
  id: string;
  version: number;
  submittedAt: Date;
}

export type ScoreOutcome =
  | { ok: true; sheet: SavedSheet; duplicate: boolean; /** The fund's zone, to word the time. */ timeZone: string }
  /** Refused (`errors` absent) or not a valid sheet (`errors` by field, "items.<criterionId>"). */
  | { ok: false; message: string; errors?: FieldErrors };

const NOT_SAVED = "your score was not saved";

// why: a score arrives from every phone after every pitch; each statement costs a round trip
// (about half a millisecond on PGlite), so what the checks need is read in two statements, and
// the sheet, its items, the end of the previous current sheet and the audit entry are written
// in one. The entry is chained as the transaction commits (chainedAudit).

interface Seat {
  eventId: string;
  revokedAt: Date | null;
  timeZone: string;
  criteria: SheetCriterion[];
}

interface Pitch {
  slotId: string;
  slotState: string;
  lockedAt: Date | null;
  eventState: string;
  conflicted: boolean;
  lastVersion: number | null;
  earlierId: string | null;
  earlierVersion: number | null;
  earlierAt: Date | null;
  earlierPanellistId: string | null;
  earlierBidId: string | null;
}

interface Earlier {
  id: string;
  version: number;
  submittedAt: Date;
  panellistId: string;
  bidId: string;
}

// why: the earlier* columns come from one LEFT JOIN: all set when a sheet with the submission's
// id exists, all null when none does.
function earlierIn(pitch: Pitch): Earlier | null {
  if (pitch.earlierId === null) return null;
  return {
    id: pitch.earlierId,
    version: pitch.earlierVersion ?? 0,
    submittedAt: pitch.earlierAt ?? new Date(0),
    panellistId: pitch.earlierPanellistId ?? "",
    bidId: pitch.earlierBidId ?? "",
  };
}

function sameSubmissionOutcome(earlier: Earlier, input: ScoreInput, timeZone: string): ScoreOutcome {
  if (earlier.panellistId !== input.panellistId || earlier.bidId !== input.bidId) {
    return refused("This score could not be matched to your phone's submission. Reload the page and send it again.");
  }
  return { ok: true, sheet: { id: earlier.id, version: earlier.version, submittedAt: earlier.submittedAt }, duplicate: true, timeZone };
}

function clientMutationIdOf(sheet: unknown): string | null {
  const id = typeof sheet === "object" && sheet !== null ? (sheet as Record<string, unknown>).clientMutationId : null;
  return typeof id === "string" ? id : null;
}

async function findEarlier(tx: Tx | ReturnType<typeof db>, clientMutationId: string | null) {
  if (!clientMutationId) return null;
  const rows = await tx.$queryRaw<Earlier[]>`
    SELECT id, version, "submittedAt", "panellistId", "bidId" FROM "ScoreSheet" WHERE "clientMutationId" = ${clientMutationId}`;
  return rows[0] ?? null;
}

export async function submitScore(input: ScoreInput, now: Date = new Date()): Promise<ScoreOutcome> {
  let outcome;
  try {
    outcome = await db().$transaction((tx) => applySubmission(tx, input, now), LIVE_TX);
  } catch (error) {
    // why: another panellist's submission used the same id at the same moment.
    if (!isUniqueViolation(error)) throw error;
    const earlier = await findEarlier(db(), clientMutationIdOf(input.sheet));
    if (!earlier) throw error;
    const seat = await db().$queryRaw<{ timeZone: string }[]>`
      SELECT f."timeZone" FROM "Panellist" p JOIN "Event" e ON e.id = p."eventId" JOIN "Round" r ON r.id = e."roundId"
      JOIN "Fund" f ON f.id = r."fundId" WHERE p.id = ${input.panellistId}`;
    return sameSubmissionOutcome(earlier, input, seat[0]?.timeZone ?? "Europe/London");
  }
  if (outcome.ok && "eventId" in outcome) {
    const { eventId, seq, ...saved } = outcome;
    await publish(eventId, seq ?? (await latestAuditSeq()));
    return saved;
  }
  return outcome;
}

async function applySubmission(tx: Tx, input: ScoreInput, now: Date) {
  // The event's gate and the panellist's row lock first: their submissions are applied one at a
  // time, and what is read below (in later statements) includes whatever the one before saved
  // and whatever the chair changed before we passed the gate.
  const seats = await tx.$queryRaw<Seat[]>`
    SELECT p."eventId", p."revokedAt", f."timeZone",
      (SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'scaleMin', c."scaleMin", 'scaleMax', c."scaleMax") ORDER BY c.position)
         FROM "Criterion" c WHERE c."roundId" = e."roundId") AS criteria
    FROM "Panellist" p
    JOIN "Event" e ON e.id = p."eventId"
    JOIN "Round" r ON r.id = e."roundId"
    JOIN "Fund" f ON f.id = r."fundId"
    CROSS JOIN LATERAL ${sharedGate(Prisma.sql`p."eventId"`)} AS gate(held)
    WHERE p.id = ${input.panellistId}
    FOR UPDATE OF p`;
  const seat = seats[0];
  if (!seat) return refused(`You are not on this event's panel, so ${NOT_SAVED}.`);
  const { timeZone } = seat;

  const clientMutationId = clientMutationIdOf(input.sheet);
  const pitches = await tx.$queryRaw<Pitch[]>`
    SELECT s.id AS "slotId", s.state::text AS "slotState", s."lockedAt", e.state::text AS "eventState",
      EXISTS (SELECT 1 FROM "Conflict" c WHERE c."panellistId" = ${input.panellistId} AND c."bidId" = s."bidId") AS conflicted,
      (SELECT max(version) FROM "ScoreSheet" x WHERE x."panellistId" = ${input.panellistId} AND x."bidId" = s."bidId") AS "lastVersion",
      d.id AS "earlierId", d.version AS "earlierVersion", d."submittedAt" AS "earlierAt",
      d."panellistId" AS "earlierPanellistId", d."bidId" AS "earlierBidId"
    FROM "Slot" s
    JOIN "Event" e ON e.id = s."eventId"
    LEFT JOIN "ScoreSheet" d ON d."clientMutationId" = ${clientMutationId}
    WHERE s."eventId" = ${seat.eventId} AND s."bidId" = ${input.bidId}`;
  const pitch = pitches[0];
  // A copy of a submission already saved (a retry, the offline queue replaying) gets the first one's answer.
  const earlier = pitch ? earlierIn(pitch) : await findEarlier(tx, clientMutationId);
  if (earlier) return sameSubmissionOutcome(earlier, input, timeZone);
  if (seat.revokedAt) return refused(`You are no longer on this panel, so ${NOT_SAVED}.`);
  if (!pitch) return refused(`That pitch is not part of your event, so ${NOT_SAVED}.`);

  const { eventState, slotState } = pitch;
  if (eventState === "DRAFT" || eventState === "READY") return refused(`Scoring has not started yet, so ${NOT_SAVED}.`);
  if (slotState === "LOCKED" || eventState === "SCORING_CLOSED" || eventState === "DECIDED") {
    const when = pitch.lockedAt ? ` at ${clockTime(pitch.lockedAt, timeZone)}` : "";
    return refused(`Scoring for this pitch closed${when}; ${NOT_SAVED}.`);
  }
  if (slotState === "WAITING" || slotState === "PITCHING") {
    return refused(`Scoring for this pitch opens when the questions start, so ${NOT_SAVED}.`);
  }
  if (pitch.conflicted) {
    return refused(`You declared a conflict of interest with this pitch, so you cannot score it; ${NOT_SAVED}.`);
  }

  const parsed = scoreSheetSchema(seat.criteria ?? []).safeParse(input.sheet);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return { ok: false as const, message: `${Object.values(errors)[0]} (${NOT_SAVED})`, errors };
  }
  const sheetData = parsed.data;

  const version = (pitch.lastVersion ?? 0) + 1;
  const sheetId = randomUUID();
  const auditInput = {
    actor: { type: "panellist" as const, id: input.panellistId },
    action: "score.submitted" as const,
    subject: { type: "score_sheet", id: sheetId },
    at: now,
    payload: {
      eventId: seat.eventId,
      panellistId: input.panellistId,
      bidId: input.bidId,
      slotId: pitch.slotId,
      slotState,
      version,
      items: sheetData.items,
      commentLength: sheetData.comment.length,
      clientMutationId: sheetData.clientMutationId,
    },
  };
  const audit = chainedAudit(auditInput);
  // One statement: the panellist's previous sheet for this bid stops being current, the new
  // one and its items are written, and so is its audit entry. (Every part sees the table as it
  // was before the statement, so the update cannot touch the new sheet.)
  const [written] = await tx.$queryRaw<{ seq: number | null }[]>`
    WITH previous AS (
      UPDATE "ScoreSheet" SET current = false
      WHERE "panellistId" = ${input.panellistId} AND "bidId" = ${input.bidId} AND current
    ), sheet AS (
      INSERT INTO "ScoreSheet" (id, "panellistId", "bidId", "slotId", version, current, "clientMutationId", comment, "submittedAt")
      VALUES (${sheetId}, ${input.panellistId}, ${input.bidId}, ${pitch.slotId}, ${version}, true, ${sheetData.clientMutationId}, ${sheetData.comment}, ${now})
    ), items AS (
      INSERT INTO "ScoreItem" (id, "sheetId", "criterionId", value)
      SELECT gen_random_uuid()::text, ${sheetId}, i."criterionId", i.value
      FROM json_to_recordset(${JSON.stringify(sheetData.items)}::json) AS i("criterionId" text, value int)
    ), audit AS (${audit})
    SELECT (SELECT seq FROM audit) AS seq`;
  const sheet = { id: sheetId, version, submittedAt: now };
  return { ok: true as const, sheet, duplicate: false, timeZone, eventId: seat.eventId, seq: written?.seq ?? null };
}

const sheetSelect = {
  id: true,
  panellistId: true,
  bidId: true,
  slotId: true,
  version: true,
  current: true,
  comment: true,
  submittedAt: true,
  items: { select: { criterionId: true, value: true } },
} as const;

/** The panellist's own current sheets, for their phone ("saved", what they gave). */
export function myScores(panellistId: string) {
  return db().scoreSheet.findMany({
    where: { panellistId, current: true },
    orderBy: { submittedAt: "asc" },
    select: sheetSelect,
  });
}

export function sheetHistory(panellistId: string, bidId: string) {
  return db().scoreSheet.findMany({
    where: { panellistId, bidId },
    orderBy: { version: "desc" },
    select: sheetSelect,
  });
}

/** Every version of every sheet in the event (current and replaced), for audit and reports. */
export function scoreSheetsForEvent(eventId: string) {
  return db().scoreSheet.findMany({
    where: { panellist: { eventId } },
    orderBy: [{ bidId: "asc" }, { panellistId: "asc" }, { version: "asc" }],
    select: sheetSelect,
  });
}

/**
 * What rankBids() needs for an event. The panel is everyone not removed, plus anyone removed
 * after scoring (their sheets were given while on the panel); recusals are declared conflicts.
 */
export async function scoringInput(eventId: string): Promise<ScoringInput | null> {
  const event = await db().event.findUnique({
    where: { id: eventId },
    select: {
      round: {
        select: {
          panelWeightPercent: true,
          audienceWeightPercent: true,
          normaliseScores: true,
          quorum: true,
          tieBreak: true,
          criteria: { orderBy: { position: "asc" }, select: { id: true, name: true, weight: true, scaleMin: true, scaleMax: true } },
        },
      },
      slots: { orderBy: { position: "asc" }, select: { bid: { select: { id: true, reference: true, amountRequestedPence: true, submittedAt: true } } } },
      panellists: {
        select: {
          id: true,
          revokedAt: true,
          conflicts: { select: { bidId: true } },
          scoreSheets: { where: { current: true }, select: { bidId: true, items: { select: { criterionId: true, value: true } } } },
        },
      },
    },
  });
  if (!event) return null;
  const { criteria, ...rule } = event.round;
  const panel = event.panellists.filter((p) => !p.revokedAt || p.scoreSheets.length > 0);
  const tallies = await audienceTallies(eventId);
  return {
    rule,
    criteria,
    bids: event.slots.map((slot) => slot.bid),
    panellists: panel.map((p) => ({ id: p.id })),
    sheets: panel.flatMap((p) => p.scoreSheets.map((s) => ({ panellistId: p.id, bidId: s.bidId, items: s.items }))),
    recusals: panel.flatMap((p) => p.conflicts.map((c) => ({ panellistId: p.id, bidId: c.bidId }))),
    audience: tallies.filter((t) => t.total > 0).map((t) => ({ bidId: t.bidId, points: t.total })),
  };
}
