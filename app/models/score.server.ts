import { db } from "~/db.server";
import { clockTime } from "~/domain/event-machine";
import { scoreSheetSchema } from "~/domain/score-sheet";
import type { ScoringInput } from "~/domain/scoring";
import { audienceTallies } from "~/models/audience.server";
import { appendAudit, type Tx } from "~/models/audit.server";
import { isUniqueViolation, LIVE_TX, refused, type Result } from "~/models/live.server";
import { publish } from "~/services/live/bus.server";

// Panellists' score sheets: every submission is a new version, never an overwrite.
//
// Interface:
//   submitScore({ panellistId, bidId, items, comment, clientMutationId }, now?)
//       -> Result<{ sheet: { id, version, submittedAt }, duplicate }>
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
// The pitch's row is share-locked, so the chair's lock waits for scores in flight and no
// score lands after it.

export interface ScoreInput {
  panellistId: string;
  bidId: string;
  items: { criterionId: string; value: number }[];
  comment: string;
  clientMutationId: string;
}

export interface SavedSheet {
  id: string;
  version: number;
  submittedAt: Date;
}

const NOT_SAVED = "your score was not saved";

async function sameSubmission(tx: Tx | ReturnType<typeof db>, input: ScoreInput) {
  const sheet = await tx.scoreSheet.findUnique({
    where: { clientMutationId: input.clientMutationId },
    select: { id: true, version: true, submittedAt: true, panellistId: true, bidId: true },
  });
  if (!sheet) return null;
  if (sheet.panellistId !== input.panellistId || sheet.bidId !== input.bidId) {
    return refused("This score could not be matched to your phone's submission. Reload the page and send it again.");
  }
  return { ok: true as const, sheet: { id: sheet.id, version: sheet.version, submittedAt: sheet.submittedAt }, duplicate: true };
}

export async function submitScore(input: ScoreInput, now: Date = new Date()): Promise<Result<{ sheet: SavedSheet; duplicate: boolean }>> {
  let outcome;
  try {
    outcome = await db().$transaction((tx) => applySubmission(tx, input, now), LIVE_TX);
  } catch (error) {
    // why: another panellist's submission used the same id at the same moment.
    if (!isUniqueViolation(error)) throw error;
    const earlier = await sameSubmission(db(), input);
    if (!earlier) throw error;
    return earlier;
  }
  if (!outcome.ok) return outcome;
  if ("seq" in outcome) {
    await publish(outcome.eventId, outcome.seq);
    return { ok: true, sheet: outcome.sheet, duplicate: false };
  }
  return outcome;
}

async function applySubmission(tx: Tx, input: ScoreInput, now: Date) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Panellist" WHERE id = ${input.panellistId} FOR UPDATE`;
  if (locked.length === 0) return refused(`You are not on this event's panel, so ${NOT_SAVED}.`);

  const earlier = await sameSubmission(tx, input);
  if (earlier) return earlier;

  const panellist = await tx.panellist.findUniqueOrThrow({
    where: { id: input.panellistId },
    select: {
      eventId: true,
      revokedAt: true,
      event: {
        select: {
          state: true,
          round: { select: { fund: { select: { timeZone: true } }, criteria: { orderBy: { position: "asc" } } } },
        },
      },
    },
  });
  if (panellist.revokedAt) return refused(`You are no longer on this panel, so ${NOT_SAVED}.`);

  const slots = await tx.$queryRaw<{ id: string; state: string; lockedAt: Date | null }[]>`
    SELECT id, state::text AS state, "lockedAt" FROM "Slot"
    WHERE "eventId" = ${panellist.eventId} AND "bidId" = ${input.bidId} FOR SHARE`;
  const slot = slots[0];
  if (!slot) return refused(`That pitch is not part of your event, so ${NOT_SAVED}.`);

  const { state: eventState, round } = panellist.event;
  const timeZone = round.fund.timeZone;
  if (eventState === "DRAFT" || eventState === "READY") return refused(`Scoring has not started yet, so ${NOT_SAVED}.`);
  if (slot.state === "LOCKED" || eventState === "SCORING_CLOSED" || eventState === "DECIDED") {
    const when = slot.lockedAt ? ` at ${clockTime(slot.lockedAt, timeZone)}` : "";
    return refused(`Scoring for this pitch closed${when}; ${NOT_SAVED}.`);
  }
  if (slot.state === "WAITING" || slot.state === "PITCHING") {
    return refused(`Scoring for this pitch opens when the questions start, so ${NOT_SAVED}.`);
  }

  const conflict = await tx.conflict.findUnique({
    where: { panellistId_bidId: { panellistId: input.panellistId, bidId: input.bidId } },
    select: { id: true },
  });
  if (conflict) {
    return refused(`You declared a conflict of interest with this pitch, so you cannot score it; ${NOT_SAVED}.`);
  }

  const parsed = scoreSheetSchema(round.criteria).safeParse({
    items: Object.fromEntries(input.items.map((item) => [item.criterionId, item.value])),
    comment: input.comment,
    clientMutationId: input.clientMutationId,
  });
  if (!parsed.success) return refused(`${parsed.error.issues[0].message} (${NOT_SAVED})`);
  const sheetData = parsed.data;

  const last = await tx.scoreSheet.findFirst({
    where: { panellistId: input.panellistId, bidId: input.bidId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  const version = (last?.version ?? 0) + 1;
  await tx.scoreSheet.updateMany({
    where: { panellistId: input.panellistId, bidId: input.bidId, current: true },
    data: { current: false },
  });
  const sheet = await tx.scoreSheet.create({
    data: {
      panellistId: input.panellistId,
      bidId: input.bidId,
      slotId: slot.id,
      version,
      current: true,
      clientMutationId: sheetData.clientMutationId,
      comment: sheetData.comment,
      submittedAt: now,
      items: { create: sheetData.items },
    },
    select: { id: true, version: true, submittedAt: true },
  });
  const entry = await appendAudit(tx, {
    actor: { type: "panellist", id: input.panellistId },
    action: "score.submitted",
    subject: { type: "score_sheet", id: sheet.id },
    at: now,
    payload: {
      eventId: panellist.eventId,
      panellistId: input.panellistId,
      bidId: input.bidId,
      slotId: slot.id,
      slotState: slot.state,
      version,
      items: sheetData.items,
      commentLength: sheetData.comment.length,
      clientMutationId: sheetData.clientMutationId,
    },
  });
  return { ok: true as const, sheet, eventId: panellist.eventId, seq: entry.seq };
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
