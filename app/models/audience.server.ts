import { randomInt, randomUUID } from "node:crypto";
import { db, sqlTransaction } from "~/db.server";
import type { SqlTx } from "~/db/sql-transaction.server";
import type { AuditActor } from "~/domain/audit-events";
import { ballotRefused, checkBallot, countedPaper, paperStatus, type AudienceMode, type BallotBid, type BallotResult, type PaperStatus } from "~/domain/ballot";
import type { BidTally } from "~/domain/live-state";
import type { EventState } from "~/domain/event-machine";
import { Prisma } from "~/generated/prisma/client";
import { formatCode, generateCode, normaliseCode, TICKET_CODE_LENGTH } from "~/domain/join-code";
import { appendAudit, chainedAudit, type Tx } from "~/models/audit.server";
import { isUniqueViolation, LIVE_TX, lockEvent, sharedGate } from "~/models/live.server";
import { refused, type Result } from "~/domain/result";
import { publish } from "~/db/live/bus.server";
import { hashSecretToken } from "~/utils/secret-token.server";

// The audience: printed single-use tickets, phone ballots, paper tallies counted twice.
//
// Interface:
//   generateTickets(eventId, count, actor)                                    -> Result<{ codes, total }>
//   listTickets(eventId)                                                       -> { code, used }[] (for printing)
//   claimTicket({ eventId, ticketCode, voterKey }, now?)                       -> Result<{ ballotId }>
//   castBallot({ eventId, voterKey, ticketCode?, bidIds, clientMutationId }, now?)
//                                                                              -> Result<{ ballotId, bidIds, duplicate }>
//   myBallot(eventId, voterKey)                                                -> { ballotId, bidIds, ticket } | null
//   enterPaperTally({ eventId, bidId, count, userId })                         -> Result<{ status }>
//   resolvePaperTally({ eventId, bidId, count, note, userId })                 -> Result<{ status }>
//   paperTallies(eventId)                                                      -> rows for the staff page
//   audienceTallies(eventId)                                                   -> BidTally[] (what the results show)
//
// The phone is known by a voter key: a random value in a cookie, stored only as a hash (and
// per event, so two events cannot be linked). TICKETS: the first phone to use a ticket keeps
// it; another phone with the same code is refused. OPEN: one ballot per phone. A ballot is
// replaced as a whole until voting closes; a retried submission (same clientMutationId, even
// an older one arriving late) changes nothing and returns the ballot as it is.
// Votes are not published on the live bus: nobody sees counts before the reveal, and after
// the reveal voting is closed. Paper tallies are published (they appear after the reveal).

export const MAX_TICKETS_PER_BATCH = 500;
const NOTE_MAX = 500;
const PAPER_MAX = 100_000;

function voterHash(eventId: string, voterKey: string) {
  return hashSecretToken(`${eventId}:${voterKey}`);
}

// ---------- Tickets ----------

export async function generateTickets(eventId: string, count: number, actor: AuditActor): Promise<Result<{ codes: string[]; total: number }>> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_TICKETS_PER_BATCH) {
    return refused(`Enter a whole number of tickets from 1 to ${MAX_TICKETS_PER_BATCH}.`);
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const outcome = await db().$transaction(async (tx) => {
        if (!(await lockEvent(tx, eventId))) return refused("That event does not exist.");
        const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { state: true, round: { select: { audienceMode: true } } } });
        if (event.round.audienceMode !== "TICKETS") {
          return refused("This round's audience does not vote with tickets. Change the round's audience voting to tickets first.");
        }
        if (event.state === "SCORING_CLOSED" || event.state === "DECIDED") return refused("Voting has closed, so no more tickets are needed.");
        const codes = new Set<string>();
        while (codes.size < count) {
          const batch = Array.from({ length: count - codes.size }, () => generateCode(TICKET_CODE_LENGTH, randomInt));
          const taken = await tx.audienceTicket.findMany({ where: { code: { in: batch } }, select: { code: true } });
          const takenSet = new Set(taken.map((t) => t.code));
          for (const code of batch) if (!takenSet.has(code)) codes.add(code);
        }
        await tx.audienceTicket.createMany({ data: [...codes].map((code) => ({ eventId, code })) });
        const total = await tx.audienceTicket.count({ where: { eventId } });
        await appendAudit(tx, {
          actor,
          action: "audience.tickets_generated",
          subject: { type: "event", id: eventId },
          payload: { eventId, count, total },
        });
        return { ok: true as const, codes: [...codes].map(formatCode), total };
      }, LIVE_TX);
      return outcome;
    } catch (error) {
      // why: another batch drew the same code between our check and insert; draw again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("Could not generate unique ticket codes after 5 attempts.");
}

export async function listTickets(eventId: string) {
  const tickets = await db().audienceTicket.findMany({ where: { eventId }, orderBy: { id: "asc" }, select: { code: true, usedAt: true } });
  return tickets.map((t) => ({ code: formatCode(t.code), used: t.usedAt !== null }));
}

// ---------- Ballots ----------

async function lockBallot(tx: SqlTx, voterKeyHash: string) {
  const rows = await tx.query<{ id: string; ticketId: string | null; lastMutationId: string | null }>`
    SELECT id, "ticketId", "lastMutationId" FROM "AudienceBallot" WHERE "voterKeyHash" = ${voterKeyHash} FOR UPDATE`;
  return rows[0] ?? null;
}

/** Binds a ticket to this phone (first use) or finds the phone's ballot; a refusal (vote.* key) if not. */
async function ballotForTicket(tx: SqlTx, eventId: string, voterKeyHash: string, ticketCode: string | undefined, now: Date) {
  const code = ticketCode ? normaliseCode(ticketCode, TICKET_CODE_LENGTH) : null;
  if (!code) return ballotRefused("vote.ticket.missing");
  const rows = await tx.query<{ id: string; usedAt: Date | null }>`
    SELECT id, "usedAt" FROM "AudienceTicket" WHERE code = ${code} AND "eventId" = ${eventId} FOR UPDATE`;
  const ticket = rows[0];
  if (!ticket) return ballotRefused("vote.ticket.notFound");
  if (ticket.usedAt) return ballotRefused("vote.ticket.used");
  const ballot = { id: randomUUID(), ticketId: ticket.id, lastMutationId: null as string | null };
  await tx.query`
    WITH used AS (UPDATE "AudienceTicket" SET "usedAt" = ${now} WHERE id = ${ticket.id})
    INSERT INTO "AudienceBallot" (id, "eventId", "ticketId", "voterKeyHash", "updatedAt") VALUES (${ballot.id}, ${eventId}, ${ticket.id}, ${voterKeyHash}, ${now})`;
  return { ok: true as const, ballot };
}

async function votingEvent(tx: SqlTx, eventId: string) {
  // why: the event's gate, so closing scoring (which closes it) waits for votes in flight and
  // no vote lands after the close. Then the event, in a statement of its own: its snapshot is
  // taken after the gate, so it sees what the chair committed while we waited.
  await tx.query`SELECT 1 AS held FROM ${sharedGate(eventId)} AS gate(held)`;
  const rows = await tx.query<{ state: EventState; audienceMode: AudienceMode }>`
    SELECT e.state::text AS state, r."audienceMode"::text AS "audienceMode"
    FROM "Event" e JOIN "Round" r ON r.id = e."roundId" WHERE e.id = ${eventId}`;
  return rows[0] ?? null;
}

/** Ticket mode: the phone enters its ticket code before choosing (binds the ticket). */
export async function claimTicket(
  input: { eventId: string; ticketCode: string; voterKey: string },
  now: Date = new Date(),
): Promise<BallotResult<{ ballotId: string }>> {
  const voterKeyHash = voterHash(input.eventId, input.voterKey);
  const attempt = () =>
    sqlTransaction(async (tx) => {
      const event = await votingEvent(tx, input.eventId);
      if (!event) return ballotRefused("vote.refusal.noEvent");
      if (event.audienceMode !== "TICKETS") return ballotRefused("vote.ticket.notNeeded");
      if (event.state === "SCORING_CLOSED" || event.state === "DECIDED") return ballotRefused("vote.refusal.closed");
      const existing = await lockBallot(tx, voterKeyHash);
      if (existing) return { ok: true as const, ballotId: existing.id };
      const bound = await ballotForTicket(tx, input.eventId, voterKeyHash, input.ticketCode, now);
      return bound.ok ? { ok: true as const, ballotId: bound.ballot.id } : bound;
    });
  return retryOnceOnRace(attempt);
}

export interface BallotInput {
  eventId: string;
  voterKey: string;
  ticketCode?: string;
  bidIds: string[];
  clientMutationId: string;
}

// why: a hall votes at once when voting opens, so a ballot is a few statements: the event's gate
// and the phone's ballot locked; what the checks need (the event, its pitches, this ballot's
// votes and whether it took this submission already); one statement writing the ballot, its
// votes, the submission's id and the audit entry (chained as the transaction commits).
interface BallotContext {
  state: EventState;
  audienceMode: AudienceMode;
  votesPerPerson: number;
  bids: BallotBid[] | null;
  ballotId: string | null;
  ticketId: string | null;
  applied: boolean;
  bidIds: string[] | null;
}

async function ballotContext(tx: SqlTx, eventId: string, voterKeyHash: string, clientMutationId: string) {
  // The gate first, then the phone's ballot: a new snapshot below sees what the chair, and this
  // phone's previous submission, committed before we passed them.
  const [locked] = await tx.query<{ ballotId: string | null }>`
    SELECT (SELECT 1 FROM ${sharedGate(eventId)} AS gate(held)) AS gate,
      (SELECT id FROM "AudienceBallot" WHERE "voterKeyHash" = ${voterKeyHash} FOR UPDATE) AS "ballotId"`;
  const rows = await tx.query<BallotContext>`
    SELECT e.state::text AS state, r."audienceMode"::text AS "audienceMode", r."audienceVotesPerPerson" AS "votesPerPerson",
      (SELECT json_agg(json_build_object('bidId', b.id, 'label', COALESCE(NULLIF(b."projectTitle", ''), b.reference), 'slotState', s.state))
         FROM "Slot" s JOIN "Bid" b ON b.id = s."bidId" WHERE s."eventId" = e.id) AS bids,
      a.id AS "ballotId", a."ticketId",
      EXISTS (SELECT 1 FROM "AudienceSubmission" m WHERE m."ballotId" = a.id AND m."clientMutationId" = ${clientMutationId}) AS applied,
      (SELECT json_agg(v."bidId" ORDER BY v.id) FROM "AudienceVote" v WHERE v."ballotId" = a.id) AS "bidIds"
    FROM "Event" e
    JOIN "Round" r ON r.id = e."roundId"
    LEFT JOIN "AudienceBallot" a ON a.id = ${locked?.ballotId ?? null}
    WHERE e.id = ${eventId}`;
  return rows[0] ?? null;
}

export async function castBallot(input: BallotInput, now: Date = new Date()): Promise<BallotResult<{ ballotId: string; bidIds: string[]; duplicate: boolean }>> {
  const voterKeyHash = voterHash(input.eventId, input.voterKey);
  const attempt = () =>
    sqlTransaction(async (tx) => {
      const context = await ballotContext(tx, input.eventId, voterKeyHash, input.clientMutationId);
      if (!context) return ballotRefused("vote.refusal.noEvent");
      const previous = context.bidIds ?? [];
      // A copy of a submission already applied (the latest, or an older one arriving late).
      if (context.ballotId && context.applied) return { ok: true as const, ballotId: context.ballotId, bidIds: previous, duplicate: true };
      const check = checkBallot({
        mode: context.audienceMode,
        votesPerPerson: context.votesPerPerson,
        eventState: context.state,
        bids: context.bids ?? [],
        bidIds: input.bidIds,
      });
      if (!check.ok) return check;
      let ballot = context.ballotId ? { id: context.ballotId, ticketId: context.ticketId, created: false } : null;
      if (!ballot && context.audienceMode === "TICKETS") {
        const bound = await ballotForTicket(tx, input.eventId, voterKeyHash, input.ticketCode, now);
        if (!bound.ok) return bound;
        ballot = { ...bound.ballot, created: false };
      }
      ballot ??= { id: randomUUID(), ticketId: null, created: true };
      const bidIds = check.votes.map((v) => v.bidId);
      const audit = chainedAudit({
        actor: { type: "audience", id: ballot.id },
        action: "audience.ballot_cast",
        subject: { type: "ballot", id: ballot.id },
        at: now,
        payload: {
          eventId: input.eventId,
          ticketId: ballot.ticketId,
          bidIds,
          points: check.votes.reduce((sum, v) => sum + v.points, 0),
          previousBidIds: previous,
          mutationId: input.clientMutationId,
        },
      });
      const writeBallot = ballot.created
        ? Prisma.sql`INSERT INTO "AudienceBallot" (id, "eventId", "voterKeyHash", "lastMutationId", "updatedAt")
                     VALUES (${ballot.id}, ${input.eventId}, ${voterKeyHash}, ${input.clientMutationId}, ${now})`
        : Prisma.sql`UPDATE "AudienceBallot" SET "lastMutationId" = ${input.clientMutationId}, "updatedAt" = ${now} WHERE id = ${ballot.id}`;
      // why: a ballot's votes read back in the order they were chosen (ids sort by position).
      const votes = JSON.stringify(check.votes.map((v, i) => ({ ...v, id: `v${String(i).padStart(3, "0")}-${randomUUID()}` })));
      // One statement: the ballot, its votes as a whole (pitches no longer chosen removed, the
      // chosen ones written; the two sets never meet), the submission's id and the audit entry.
      await tx.query`
        WITH ballot AS (${writeBallot}),
        chosen AS (SELECT c.id, c."bidId", c.points FROM json_to_recordset(${votes}::json) AS c(id text, "bidId" text, points int)),
        removed AS (DELETE FROM "AudienceVote" WHERE "ballotId" = ${ballot.id} AND "bidId" NOT IN (SELECT "bidId" FROM chosen)),
        kept AS (
          INSERT INTO "AudienceVote" (id, "ballotId", "bidId", points) SELECT id, ${ballot.id}, "bidId", points FROM chosen
          ON CONFLICT ("ballotId", "bidId") DO UPDATE SET id = EXCLUDED.id, points = EXCLUDED.points
        ),
        submission AS (
          INSERT INTO "AudienceSubmission" ("ballotId", "clientMutationId", "submittedAt") VALUES (${ballot.id}, ${input.clientMutationId}, ${now})
        ),
        audit AS (${audit})
        SELECT (SELECT seq FROM audit) AS seq`;
      return { ok: true as const, ballotId: ballot.id, bidIds, duplicate: false };
    });
  return retryOnceOnRace(attempt);
}

/**
 * The first vote of a phone creates its ballot; two copies of that first request racing both
 * try to create it and one hits the unique voter key (or ticket). Running it again finds the
 * ballot the other made, and then behaves as a retry or a change.
 */
async function retryOnceOnRace<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}

export async function myBallot(eventId: string, voterKey: string) {
  const ballot = await db().audienceBallot.findUnique({
    where: { voterKeyHash: voterHash(eventId, voterKey) },
    select: { id: true, eventId: true, ticket: { select: { code: true } }, votes: { select: { bidId: true }, orderBy: { id: "asc" } } },
  });
  if (!ballot || ballot.eventId !== eventId) return null;
  return { ballotId: ballot.id, bidIds: ballot.votes.map((v) => v.bidId), ticket: ballot.ticket ? formatCode(ballot.ticket.code) : null };
}

// ---------- Paper tallies ----------

export interface PaperInput {
  eventId: string;
  bidId: string;
  count: number;
  userId: string;
}

async function paperContext(tx: Tx, eventId: string, bidId: string) {
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { state: true, slots: { where: { bidId }, select: { id: true } } } });
  if (!event) return refused("That event does not exist.");
  if (event.slots.length === 0) return refused("That pitch is not part of this event.");
  if (event.state === "DRAFT" || event.state === "READY") return refused("Paper votes are counted once the event has started.");
  if (event.state === "DECIDED") return refused("Decisions have been recorded, so paper votes can no longer change.");
  // why: the row lock makes the two counters' entries, and a resolution, happen one at a time.
  await tx.$executeRaw`INSERT INTO "PaperTally" (id, "eventId", "bidId") VALUES (${randomUUID()}, ${eventId}, ${bidId}) ON CONFLICT ("eventId", "bidId") DO NOTHING`;
  const rows = await tx.$queryRaw<
    { id: string; firstCount: number | null; firstById: string | null; secondCount: number | null; secondById: string | null; resolvedCount: number | null }[]
  >`SELECT id, "firstCount", "firstById", "secondCount", "secondById", "resolvedCount" FROM "PaperTally" WHERE "eventId" = ${eventId} AND "bidId" = ${bidId} FOR UPDATE`;
  return { ok: true as const, tally: rows[0] };
}

function countProblem(count: number) {
  return Number.isInteger(count) && count >= 0 && count <= PAPER_MAX ? null : "Enter the number of paper votes as a whole number, 0 or more.";
}

/**
 * One of the two counts for a pitch. The first and second entries must come from different
 * people; each of them may correct their own entry until the tally is resolved.
 */
export async function enterPaperTally(input: PaperInput): Promise<Result<{ status: PaperStatus }>> {
  const problem = countProblem(input.count);
  if (problem) return refused(problem);
  const outcome = await db().$transaction(async (tx) => {
    const context = await paperContext(tx, input.eventId, input.bidId);
    if (!context.ok) return context;
    const tally = context.tally;
    if (tally.resolvedCount !== null) return refused("This tally has been resolved, so its counts can no longer change.");
    let entry: "first" | "second";
    if (tally.firstCount === null || tally.firstById === input.userId) entry = "first";
    else if (tally.secondCount === null || tally.secondById === input.userId) entry = "second";
    else return refused("Two people have already counted this pitch's paper votes. If their counts differ, resolve them with a note.");
    const data = entry === "first" ? { firstCount: input.count, firstById: input.userId } : { secondCount: input.count, secondById: input.userId };
    const updated = await tx.paperTally.update({ where: { id: tally.id }, data });
    const status = paperStatus(updated);
    const audit = await appendAudit(tx, {
      actor: { type: "user", id: input.userId },
      action: "paper_tally.entered",
      subject: { type: "event", id: input.eventId },
      payload: { eventId: input.eventId, bidId: input.bidId, entry, count: input.count, status },
    });
    return { ok: true as const, status, seq: audit.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  await publish(input.eventId, outcome.seq);
  return { ok: true, status: outcome.status };
}

/** Settles two counts that differ, with the count agreed on and a note saying how. */
export async function resolvePaperTally(input: PaperInput & { note: string }): Promise<Result<{ status: PaperStatus }>> {
  const problem = countProblem(input.count);
  if (problem) return refused(problem);
  const note = input.note.trim();
  if (!note) return refused("Add a note saying how the difference was settled (for example, a recount by whom).");
  if (note.length > NOTE_MAX) return refused(`The note must be ${NOTE_MAX} characters or fewer.`);
  const outcome = await db().$transaction(async (tx) => {
    const context = await paperContext(tx, input.eventId, input.bidId);
    if (!context.ok) return context;
    const tally = context.tally;
    const status = paperStatus(tally);
    if (status !== "MISMATCH") {
      return refused(
        status === "RESOLVED" ? "This tally has already been resolved." : "Only two counts that differ need resolving; this pitch's counts do not.",
      );
    }
    await tx.paperTally.update({ where: { id: tally.id }, data: { resolvedCount: input.count, resolvedById: input.userId, resolvedNote: note } });
    const audit = await appendAudit(tx, {
      actor: { type: "user", id: input.userId },
      action: "paper_tally.resolved",
      subject: { type: "event", id: input.eventId },
      payload: { eventId: input.eventId, bidId: input.bidId, count: input.count, firstCount: tally.firstCount!, secondCount: tally.secondCount! },
    });
    return { ok: true as const, status: "RESOLVED" as const, seq: audit.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  await publish(input.eventId, outcome.seq);
  return { ok: true, status: outcome.status };
}

/** Every pitch of the event with its paper counts, for the staff tally page. */
export async function paperTallies(eventId: string) {
  const slots = await db().slot.findMany({
    where: { eventId },
    orderBy: { position: "asc" },
    select: { bid: { select: { id: true, reference: true, projectTitle: true, language: true } } },
  });
  const tallies = await db().paperTally.findMany({ where: { eventId } });
  return slots.map(({ bid }) => {
    const tally = tallies.find((t) => t.bidId === bid.id) ?? null;
    return {
      bidId: bid.id,
      reference: bid.reference,
      projectTitle: bid.projectTitle,
      language: bid.language,
      firstCount: tally?.firstCount ?? null,
      firstById: tally?.firstById ?? null,
      secondCount: tally?.secondCount ?? null,
      secondById: tally?.secondById ?? null,
      resolvedCount: tally?.resolvedCount ?? null,
      resolvedById: tally?.resolvedById ?? null,
      resolvedNote: tally?.resolvedNote ?? null,
      status: paperStatus(tally),
      counted: countedPaper(tally),
    };
  });
}

/** Audience support per pitch: phone votes and points plus paper votes that count. */
export async function audienceTallies(eventId: string): Promise<BidTally[]> {
  const [slots, votes, tallies] = await Promise.all([
    db().slot.findMany({ where: { eventId }, orderBy: { position: "asc" }, select: { bidId: true } }),
    db().audienceVote.groupBy({ by: ["bidId"], where: { ballot: { eventId } }, _count: { _all: true }, _sum: { points: true } }),
    db().paperTally.findMany({ where: { eventId } }),
  ]);
  return slots.map(({ bidId }) => {
    const digital = votes.find((v) => v.bidId === bidId);
    const tally = tallies.find((t) => t.bidId === bidId);
    const points = digital?._sum.points ?? 0;
    const paper = countedPaper(tally);
    return { bidId, votes: digital?._count._all ?? 0, points, paper, paperStatus: paperStatus(tally), total: points + paper };
  });
}
