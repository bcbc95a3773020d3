import { database, db } from "~/db.server";
import type { ScoringInput } from "~/domain/scoring";
import { audienceTallies } from "~/models/audience.server";
import { latestAuditSeq } from "~/models/audit.server";
import { isUniqueViolation } from "~/models/live.server";
import {
  clientMutationIdOf,
  sameSubmissionOutcome,
  saveScoreBatch,
  scorerKey,
  type Earlier,
  type ScoreInput,
  type ScoreOutcome,
  type Submission,
} from "~/models/score-batch.server";
import { Prisma } from "~/generated/prisma/client";
import { hashSecretToken } from "~/utils/secret-token.server";
import { publish } from "~/db/live/bus.server";
import { coalesce } from "~/utils/coalesce";
import { groupCommit } from "~/utils/group-commit";

export type { SavedSheet, ScoreInput, ScoreOutcome } from "~/models/score-batch.server";

// Panellists' score sheets: every submission is a new version, never an overwrite.
//
// Interface:
//   submitScore({ panellistId | device: { token, eventId }, bidId, sheet }, now?)
//       -> { ok: true, sheet: { id, version, submittedAt }, duplicate, timeZone }
//        | { ok: false, message, errors?, notOnPanel? }   (errors by field when the sheet itself is not valid)
//   myScores(panellistId)                  -> the panellist's current sheets (their own phone)
//   sheetHistory(panellistId, bidId)       -> every version, newest first
//   scoreSheetsForEvent(eventId)           -> every version of every sheet (auditor, report)
//   scoringInput(eventId)                  -> ScoringInput for rankBids() in app/domain/scoring.ts
//   scoreAnnouncementsSent()               -> resolves once screens have been told of every saved score (shutdown)
//
// When scoring is accepted: app/domain/score-acceptance.ts.
// A submission carries a client-generated id (clientMutationId, unique in the table). Copies
// of one submission (a phone retrying on bad Wi-Fi, or its offline queue replaying) return
// the first one's result and change nothing. Correctness under concurrency comes from the
// panellist's row lock (FOR UPDATE): one panellist's submissions are applied one at a time,
// so there is exactly one `current` sheet per panellist and bid and versions never collide.
// The event's gate is held shared (app/models/live.server.ts) before the pitch's state is read,
// so the chair's lock waits for scores in flight, and no score that reads the pitch after the
// lock has committed is saved.
//
// why group commit: when a pitch's scoring opens, every panellist (and on the benchmark, a
// hundred phones a second) sends at once. Each transaction costs round trips and a commit on
// one global audit chain, and PGlite has a single connection, so one at a time they queue.
// Submissions that arrive while a batch is saving wait and are saved together in the next
// (app/models/score-batch.server.ts), one per panellist per batch.

const MAX_BATCH = 64;
// why: PGlite is one connection, so a second batch would only wait for it, smaller; a server
// runs a few at once (each locks its panellists' rows in id order, so they never deadlock).
const BATCHES_IN_FLIGHT = { pglite: 1, postgresql: 4 } as const;

type Settled = { outcome: ScoreOutcome } | { error: unknown };
type Queued = Submission & { scorer: string };

const submitInBatch = groupCommit<Queued, Settled>({
  run: saveBatch,
  maxBatch: MAX_BATCH,
  fits: (batch, next) => !batch.some((s) => s.scorer === next.scorer),
  concurrency: () => BATCHES_IN_FLIGHT[database().engine],
});

export async function submitScore(input: ScoreInput, now: Date = new Date()): Promise<ScoreOutcome> {
  const settled = await submitInBatch({ input, now, scorer: scorerKey(input) });
  if ("error" in settled) throw settled.error;
  return settled.outcome;
}

async function saveBatch(submissions: Submission[]): Promise<Settled[]> {
  let saved;
  try {
    saved = await saveScoreBatch(submissions);
  } catch (error) {
    // why: one submission can fail the whole transaction (another app instance saved the same
    // clientMutationId a moment ago); each is then saved alone, so only that one meets it.
    if (submissions.length === 1) return [await settleAlone(submissions[0], error)];
    const settled: Settled[] = [];
    for (const submission of submissions) settled.push(await saveAlone(submission));
    return settled;
  }
  announce(saved.written);
  return saved.outcomes.map((outcome) => ({ outcome }));
}

async function saveAlone(submission: Submission): Promise<Settled> {
  let saved;
  try {
    saved = await saveScoreBatch([submission]);
  } catch (error) {
    return settleAlone(submission, error);
  }
  announce(saved.written);
  return { outcome: saved.outcomes[0] };
}

async function settleAlone(submission: Submission, error: unknown): Promise<Settled> {
  // why: another panellist's submission used the same id at the same moment.
  if (!isUniqueViolation(error)) return { error };
  const earlier = await findEarlier(clientMutationIdOf(submission.input.sheet));
  if (!earlier) return { error };
  const { input } = submission;
  const which = "panellistId" in input ? Prisma.sql`p.id = ${input.panellistId}` : Prisma.sql`p."deviceTokenHash" = ${hashSecretToken(input.device.token)}`;
  const [seat] = await db().$queryRaw<{ panellistId: string; timeZone: string }[]>`
    SELECT p.id AS "panellistId", f."timeZone" FROM "Panellist" p JOIN "Event" e ON e.id = p."eventId" JOIN "Round" r ON r.id = e."roundId"
    JOIN "Fund" f ON f.id = r."fundId" WHERE ${which}`;
  if (!seat) return { error };
  return { outcome: sameSubmissionOutcome(earlier, { panellistId: seat.panellistId, bidId: input.bidId }, seat.timeZone) };
}

async function findEarlier(clientMutationId: string | null) {
  if (!clientMutationId) return null;
  const rows = await db().$queryRaw<Earlier[]>`
    SELECT id, version, "submittedAt", "panellistId", "bidId" FROM "ScoreSheet" WHERE "clientMutationId" = ${clientMutationId}`;
  return rows[0] ?? null;
}

// why not inside the batch: the phones' answers wait for their commit and nothing else, and a
// burst of scores tells each event's screens a few times, not once per batch (the newest audit
// sequence number read after the commits covers every score before it).
// On PGlite a batch's audit entries are chained inside it, so its answer carries their newest
// sequence number and no read is needed; on a server they are chained as it commits (null).
const knownSeq = new Map<string, number | null>();

const announcer = coalesce(
  async (eventId) => {
    const seq = knownSeq.get(eventId) ?? null;
    knownSeq.delete(eventId);
    await publish(eventId, seq ?? (await latestAuditSeq()));
  },
  (eventId, error) => console.error(`Could not tell event ${eventId}'s screens about new scores.`, error),
);

function announce(written: { eventId: string; seq: number | null }[]) {
  for (const { eventId, seq } of written) {
    const known = knownSeq.get(eventId);
    knownSeq.set(eventId, known === null || seq === null ? null : Math.max(known ?? 0, seq));
    announcer.trigger(eventId);
  }
}

export function scoreAnnouncementsSent(): Promise<void> {
  return announcer.drain();
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
