import { randomUUID } from "node:crypto";
import { sqlTransaction } from "~/db.server";
import type { SqlTx } from "~/db/sql-transaction.server";
import { Prisma } from "~/generated/prisma/client";
import { scoreRefusal, type Pitch, type Seat } from "~/domain/score-acceptance";
import { said, type Said } from "~/domain/said";
import type { MessageErrors } from "~/domain/message";
import { scoreSheetSchema, sheetErrors } from "~/domain/score-sheet";
import { chainedAudits, type AuditInput } from "~/models/audit.server";
import { sharedGate } from "~/models/live.server";
import { hashSecretToken } from "~/utils/secret-token.server";

// One transaction that saves a batch of score submissions (app/models/score.server.ts gathers
// them: group commit). Four round trips whatever the batch's size: the event gates and the
// panellists' row locks, what the checks need, one statement writing every accepted sheet with
// its items, the end of its previous version and its audit entry; then COMMIT.
// A batch never holds two submissions from one panellist (each is a new version of the last).
// A phone's submission names its panellist by the device token in its cookie: the panellist is
// found by it in the same statement that locks their row, so a busy hall costs no extra query.
//
// Interface:
//   saveScoreBatch(submissions) -> { outcomes (one per submission, in order), written: [{ eventId, seq }] }
//   scorerKey(input)            -> who sent it (one submission per scorer in a batch)

/** Who scores: a panellist known by id, or the phone bound to a panellist of the event. */
export type Scorer = { panellistId: string } | { device: { token: string; eventId: string } };

export type ScoreInput = Scorer & {
  bidId: string;
  /**
   * The sheet as the phone sent it: form fields ("items.<criterionId>", "comment",
   * "clientMutationId") or the same nested ({ items: { <criterionId>: 4 } or [{ criterionId, value }] }).
   * It is checked against the round's criteria inside the transaction that saves it.
   */
  sheet: unknown;
}

export interface Submission {
  input: ScoreInput;
  /** When it arrived: its sheet's time and its audit entry's. */
  now: Date;
}

export interface SavedSheet {
  id: string;
  version: number;
  submittedAt: Date;
}

export type ScoreOutcome =
  | { ok: true; sheet: SavedSheet; duplicate: boolean; /** The fund's zone, to word the time. */ timeZone: string }
  /** Refused (`errors` absent) or not a valid sheet (`errors` by field, "items.<criterionId>"). */
  | { ok: false; message: Said; errors?: MessageErrors; /** The phone is not (or no longer) on the event's panel. */ notOnPanel?: true };

const scoreRefused = (message: Said): ScoreOutcome => ({ ok: false, message });
const NOT_ON_PANEL: ScoreOutcome = { ok: false, message: said("score.refusal.phoneNotOnPanel"), notOnPanel: true };

export function scorerKey(input: ScoreInput): string {
  return "panellistId" in input ? input.panellistId : `device:${hashSecretToken(input.device.token)}`;
}

export interface Earlier {
  id: string;
  version: number;
  submittedAt: Date;
  panellistId: string;
  bidId: string;
}

interface PitchRow extends Pitch {
  n: number;
  earlierId: string | null;
  earlierVersion: number | null;
  earlierAt: Date | null;
  earlierPanellistId: string | null;
  earlierBidId: string | null;
}

interface Resolved extends Submission {
  seat: LockedSeat | null;
}

export interface Accepted {
  n: number;
  id: string;
  panellistId: string;
  bidId: string;
  slotId: string;
  version: number;
  clientMutationId: string;
  comment: string;
  items: { criterionId: string; value: number }[];
  submittedAt: Date;
  eventId: string;
  slotState: string;
}

export function clientMutationIdOf(sheet: unknown): string | null {
  const id = typeof sheet === "object" && sheet !== null ? (sheet as Record<string, unknown>).clientMutationId : null;
  return typeof id === "string" ? id : null;
}

/** A copy of a submission already saved (a retry, the offline queue replaying) gets the first one's answer. */
export function sameSubmissionOutcome(earlier: Earlier, input: { panellistId: string; bidId: string }, timeZone: string): ScoreOutcome {
  if (earlier.panellistId !== input.panellistId || earlier.bidId !== input.bidId) {
    return scoreRefused(said("score.refusal.unmatched"));
  }
  return { ok: true, sheet: { id: earlier.id, version: earlier.version, submittedAt: earlier.submittedAt }, duplicate: true, timeZone };
}

// why: the earlier* columns come from one LEFT JOIN: all set when a sheet with the submission's
// id exists, all null when none does.
function earlierIn(row: PitchRow): Earlier | null {
  if (row.earlierId === null) return null;
  return {
    id: row.earlierId,
    version: row.earlierVersion ?? 0,
    submittedAt: row.earlierAt ?? new Date(0),
    panellistId: row.earlierPanellistId ?? "",
    bidId: row.earlierBidId ?? "",
  };
}

export async function saveScoreBatch(submissions: Submission[]) {
  return sqlTransaction((tx) => applyBatch(tx, submissions));
}

/** Thrown when two submissions in a batch turn out to come from one panellist: each is then saved alone. */
export class SamePanellistTwice extends Error {}

async function applyBatch(tx: SqlTx, submissions: Submission[]) {
  const seats = await lockSeats(tx, submissions.map((s) => s.input));
  const resolved: Resolved[] = submissions.map((submission) => ({ ...submission, seat: seatOf(submission.input, seats) }));
  const panellists = resolved.flatMap((r) => (r.seat ? [r.seat.panellistId] : []));
  if (new Set(panellists).size !== panellists.length) throw new SamePanellistTwice("One panellist twice in a batch.");
  const pitches = await readPitches(tx, resolved);
  const outcomes: ScoreOutcome[] = [];
  const accepted: Accepted[] = [];
  resolved.forEach(({ input, now, seat }, n) => {
    if (!seat) return void outcomes.push("device" in input ? NOT_ON_PANEL : scoreRefused(scoreRefusal(null, null)!));
    // why: a phone whose panellist was removed is told it is not on the panel, as on every panel page.
    if ("device" in input && seat.revokedAt) return void outcomes.push(NOT_ON_PANEL);
    const row = pitches.get(n) ?? null;
    const earlier = row ? earlierIn(row) : null;
    const who = { panellistId: seat.panellistId, bidId: input.bidId };
    if (earlier) return void outcomes.push(sameSubmissionOutcome(earlier, who, seat.timeZone));
    const refusal = scoreRefusal(seat, row?.slotId ? row : null);
    if (refusal !== null || !row) return void outcomes.push(scoreRefused(refusal ?? said("score.refusal.notYourPitch")));
    const parsed = scoreSheetSchema(seat.criteria ?? []).safeParse(input.sheet);
    if (!parsed.success) {
      const errors = sheetErrors(parsed.error);
      return void outcomes.push({ ok: false, message: said("score.refusal.invalid"), errors });
    }
    const sheet = { id: randomUUID(), version: (row.lastVersion ?? 0) + 1, submittedAt: now };
    accepted.push({ n, ...sheet, ...who, slotId: row.slotId, slotState: row.slotState, eventId: seat.eventId, ...parsed.data });
    outcomes.push({ ok: true, sheet, duplicate: false, timeZone: seat.timeZone });
  });
  const written = accepted.length > 0 ? await writeSheets(tx, accepted) : [];
  return { outcomes, written };
}

type LockedSeat = Seat & { deviceTokenHash: string | null };

function seatOf(input: ScoreInput, seats: LockedSeat[]): LockedSeat | null {
  if ("panellistId" in input) return seats.find((seat) => seat.panellistId === input.panellistId) ?? null;
  const hash = hashSecretToken(input.device.token);
  return seats.find((seat) => seat.deviceTokenHash === hash && seat.eventId === input.device.eventId) ?? null;
}

async function lockSeats(tx: SqlTx, inputs: ScoreInput[]) {
  const ids = inputs.flatMap((input) => ("panellistId" in input ? [input.panellistId] : []));
  const hashes = inputs.flatMap((input) => ("device" in input ? [hashSecretToken(input.device.token)] : []));
  const which = [
    ...(ids.length ? [Prisma.sql`p.id IN (${Prisma.join(ids)})`] : []),
    ...(hashes.length ? [Prisma.sql`p."deviceTokenHash" IN (${Prisma.join(hashes)})`] : []),
  ];
  // The event's gate (shared: the chair's lock waits for these scores, and scores wait for the
  // chair), then the panellists' rows, in id order so two batches never wait for each other.
  // What the next statement reads includes whatever the last holder of a lock committed.
  return tx.query<LockedSeat>`
    SELECT p.id AS "panellistId", p."eventId", p."revokedAt", p."deviceTokenHash", f."timeZone",
      (SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'scaleMin', c."scaleMin", 'scaleMax', c."scaleMax") ORDER BY c.position)
         FROM "Criterion" c WHERE c."roundId" = e."roundId") AS criteria
    FROM "Panellist" p
    JOIN "Event" e ON e.id = p."eventId"
    JOIN "Round" r ON r.id = e."roundId"
    JOIN "Fund" f ON f.id = r."fundId"
    CROSS JOIN LATERAL ${sharedGate(Prisma.sql`p."eventId"`)} AS gate(held)
    WHERE ${Prisma.join(which, " OR ")}
    ORDER BY p.id
    FOR UPDATE OF p`;
}

async function readPitches(tx: SqlTx, submissions: Resolved[]) {
  const wanted = submissions.map(({ input, seat }, n) => ({
    n,
    panellistId: seat?.panellistId ?? null,
    eventId: seat?.eventId ?? null,
    bidId: input.bidId,
    clientMutationId: clientMutationIdOf(input.sheet),
  }));
  const rows = await tx.query<PitchRow>(pitchesQuery(wanted));
  const byN = new Map<number, PitchRow>();
  for (const row of rows) if (!byN.has(row.n)) byN.set(row.n, row);
  return byN;
}

export interface WantedPitch {
  n: number;
  panellistId: string | null;
  eventId: string | null;
  bidId: string;
  clientMutationId: string | null;
}

/** What readPitches runs (exported for the test of its plan). */
export function pitchesQuery(wanted: WantedPitch[]) {
  return Prisma.sql`
    SELECT i.n, s.id AS "slotId", s.state::text AS "slotState", s."lockedAt", e.state::text AS "eventState",
      EXISTS (SELECT 1 FROM "Conflict" c WHERE c."panellistId" = i."panellistId" AND c."bidId" = i."bidId") AS conflicted,
      (SELECT max(version) FROM "ScoreSheet" x WHERE x."panellistId" = i."panellistId" AND x."bidId" = i."bidId") AS "lastVersion",
      d.id AS "earlierId", d.version AS "earlierVersion", d."submittedAt" AS "earlierAt",
      d."panellistId" AS "earlierPanellistId", d."bidId" AS "earlierBidId"
    FROM (SELECT * FROM json_to_recordset(${JSON.stringify(wanted)}::json)
      AS i(n int, "panellistId" text, "eventId" text, "bidId" text, "clientMutationId" text) ${batchOf(wanted)}) AS i
    LEFT JOIN "Slot" s ON s."eventId" = i."eventId" AND s."bidId" = i."bidId"
    LEFT JOIN "Event" e ON e.id = s."eventId"
    LEFT JOIN "ScoreSheet" d ON d."clientMutationId" = i."clientMutationId"
    ORDER BY i.n`;
}

// why: the planner takes json_to_recordset for 100 rows, and for 100 it hash-joins the whole
// ScoreSheet table (every sheet of every event ever held) instead of looking up the batch's one
// or two by index: a cost that grew with the table, 2-3 ms a statement at 10,000 sheets on
// PGlite. A LIMIT of the batch's size gives it the real count.
function batchOf(rows: unknown[]) {
  return Prisma.raw(`LIMIT ${rows.length}`);
}

function auditEntry(sheet: Accepted): AuditInput<"score.submitted"> {
  return {
    actor: { type: "panellist", id: sheet.panellistId },
    action: "score.submitted",
    subject: { type: "score_sheet", id: sheet.id },
    at: sheet.submittedAt,
    payload: {
      eventId: sheet.eventId,
      panellistId: sheet.panellistId,
      bidId: sheet.bidId,
      slotId: sheet.slotId,
      slotState: sheet.slotState,
      version: sheet.version,
      items: sheet.items,
      commentLength: sheet.comment.length,
      clientMutationId: sheet.clientMutationId,
    },
  };
}

async function writeSheets(tx: SqlTx, sheets: Accepted[]) {
  const [result] = await tx.query<{ seq: number | null }>(sheetsStatement(sheets));
  const seq = result?.seq ?? null;
  return [...new Set(sheets.map((s) => s.eventId))].map((eventId) => ({ eventId, seq }));
}

/** What writeSheets runs (exported for the test of its plan). */
export function sheetsStatement(sheets: Accepted[]) {
  const rows = sheets.map(({ id, panellistId, bidId, slotId, version, clientMutationId, comment, submittedAt, items }) => ({
    id,
    panellistId,
    bidId,
    slotId,
    version,
    clientMutationId,
    comment,
    submittedAt: submittedAt.toISOString(),
    items,
  }));
  // One statement: each panellist's previous sheet for the bid stops being current, the new
  // ones and their items are written, and so are their audit entries. (Every part sees the
  // tables as they were before the statement, so the update cannot touch a new sheet.)
  return Prisma.sql`
    WITH input AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS i(id text, "panellistId" text, "bidId" text, "slotId" text,
        version int, "clientMutationId" text, comment text, "submittedAt" timestamp(3), items json) ${batchOf(rows)}
    ), previous AS (
      UPDATE "ScoreSheet" s SET current = false FROM input i
      WHERE s."panellistId" = i."panellistId" AND s."bidId" = i."bidId" AND s.current
    ), sheet AS (
      INSERT INTO "ScoreSheet" (id, "panellistId", "bidId", "slotId", version, current, "clientMutationId", comment, "submittedAt")
      SELECT id, "panellistId", "bidId", "slotId", version, true, "clientMutationId", comment, "submittedAt" FROM input
    ), items AS (
      INSERT INTO "ScoreItem" (id, "sheetId", "criterionId", value)
      SELECT gen_random_uuid()::text, i.id, x."criterionId", x.value
      FROM input i CROSS JOIN LATERAL json_to_recordset(i.items) AS x("criterionId" text, value int)
    ), audit AS (${chainedAudits(sheets.map(auditEntry))})
    SELECT (SELECT max(seq) FROM audit) AS seq`;
}
