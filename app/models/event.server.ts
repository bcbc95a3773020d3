import { ownWordsLang } from "~/domain/own-words";
import { randomInt } from "node:crypto";
import { db } from "~/db.server";
import type { AuditActor, AuditAction } from "~/domain/audit-events";
import { publicJoinCode } from "~/domain/audience-phone";
import type { BidTally, LiveSlot, LiveState } from "~/domain/live-state";
import {
  orderedSlots,
  revision,
  transition,
  type ChairCommand,
  type ChairCommandType,
  type EventClock,
  type EventState,
  type SlotClock,
} from "~/domain/event-machine";
import type { EventSetup } from "~/domain/event-setup";
import { generateCode, JOIN_CODE_LENGTH, normaliseCode } from "~/domain/join-code";
import { quorumStatus } from "~/domain/quorum";
import { audienceTallies } from "~/models/audience.server";
import { awardReveal } from "~/models/award-reveal.server";
import { appendAudit, type Tx } from "~/models/audit.server";
import { isUniqueViolation, LIVE_TX, lockEvent } from "~/models/live.server";
import { refused, type Result } from "~/domain/result";
import { publish } from "~/db/live/bus.server";

// The live event: setup (details, running order), the chair's commands, and the small public
// state every screen shows.
//
// Interface (every write is audited in its own transaction and published on the live bus
// after it commits; refusals are { ok: false, message } with a sentence for a person):
//   createEvent(input: EventSetup & { roundId }, actor)      -> Result<{ event }>
//   updateEvent(eventId, input: EventSetup, actor)           -> Result<{ event }>      DRAFT/READY only
//   refreshRunningOrder(eventId, actor)                       -> Result<{ added, removed }>
//   moveSlot(eventId, slotId, "up" | "down", actor)          -> Result<{ order: slotIds }>
//   runChairCommand(eventId, command, actor, now?)            -> Result<{ state, currentSlotId, revision, version }>
//   revealResults(eventId, actor, now?)                       -> Result<{ revealedAt }>
//   getEvent(eventId) / listEventsForRound(roundId) / listComingEvents(since) / findEventByJoinCode(code)
//   liveState(eventId, now?) -> LiveState | null   (no personal data; vote counts after reveal;
//       the awards revealed so far, see app/models/award-reveal.server.ts)
//
// A round's shortlisted bids are each in at most one event, so a long shortlist can be split
// over two evenings: a new event (and a refresh) takes the shortlisted bids not yet in one.

export interface EventInput extends EventSetup {
  roundId: string;
}

const COMMAND_AUDIT: Record<ChairCommandType, AuditAction> = {
  MARK_READY: "event.marked_ready",
  BACK_TO_DRAFT: "event.back_to_draft",
  START: "event.started",
  NEXT: "event.advanced",
  PAUSE: "event.timer_paused",
  RESUME: "event.timer_resumed",
  EXTEND: "event.timer_extended",
  LOCK: "event.slot_locked",
  REOPEN: "event.slot_reopened",
  CLOSE_SCORING: "event.scoring_closed",
  REOPEN_EVENT: "event.scoring_reopened",
  MARK_DECIDED: "event.decided",
};

const SETUP_STATES: EventState[] = ["DRAFT", "READY"];

function afterCommit(eventId: string, seq: number) {
  return publish(eventId, seq);
}

// ---------- Setup ----------

export async function createEvent(input: EventInput, actor: AuditActor): Promise<Result<{ event: { id: string; joinCode: string } }>> {
  const round = await db().round.findUnique({ where: { id: input.roundId }, select: { id: true } });
  if (!round) return refused("That round does not exist.");
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const { event, seq } = await db().$transaction(async (tx) => {
        let joinCode = generateCode(JOIN_CODE_LENGTH, randomInt);
        while (await tx.event.findUnique({ where: { joinCode }, select: { id: true } })) {
          joinCode = generateCode(JOIN_CODE_LENGTH, randomInt);
        }
        const bids = await unscheduledShortlist(tx, input.roundId);
        const event = await tx.event.create({
          data: {
            roundId: input.roundId,
            title: input.title,
            startsAt: input.startsAt,
            venue: input.venue,
            pitchSeconds: input.pitchSeconds,
            questionSeconds: input.questionSeconds,
            joinCode,
            slots: { create: bids.map((bid, position) => ({ bidId: bid.id, position })) },
          },
          select: { id: true, joinCode: true },
        });
        const entry = await appendAudit(tx, {
          actor,
          action: "event.created",
          subject: { type: "event", id: event.id },
          payload: {
            roundId: input.roundId,
            startsAt: input.startsAt.toISOString(),
            pitchSeconds: input.pitchSeconds,
            questionSeconds: input.questionSeconds,
            slotCount: bids.length,
          },
        });
        return { event, seq: entry.seq };
      }, LIVE_TX);
      await afterCommit(event.id, seq);
      return { ok: true, event };
    } catch (error) {
      // why: two events made at the same moment drew the same join code; draw again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("Could not find a free join code after 5 attempts.");
}

/** Shortlisted bids of the round that are not in any event yet, in reference order. */
function unscheduledShortlist(tx: Tx, roundId: string) {
  return tx.bid.findMany({
    where: { roundId, status: "SHORTLISTED", slots: { none: {} } },
    orderBy: { reference: "asc" },
    select: { id: true },
  });
}

export async function updateEvent(eventId: string, input: EventSetup, actor: AuditActor): Promise<Result<{ event: { id: string } }>> {
  const outcome = await db().$transaction(async (tx) => {
    if (!(await lockEvent(tx, eventId))) return refused("That event does not exist.");
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
    if (!SETUP_STATES.includes(event.state)) {
      return refused("The event has started, so its details can no longer be changed.");
    }
    const changes: Record<string, string | number> = {};
    if (event.title !== input.title) changes.title = input.title;
    if (event.venue !== input.venue) changes.venue = input.venue;
    if (event.startsAt.getTime() !== input.startsAt.getTime()) changes.startsAt = input.startsAt.toISOString();
    if (event.pitchSeconds !== input.pitchSeconds) changes.pitchSeconds = input.pitchSeconds;
    if (event.questionSeconds !== input.questionSeconds) changes.questionSeconds = input.questionSeconds;
    if (Object.keys(changes).length === 0) return { ok: true as const, event: { id: eventId }, seq: null };
    await tx.event.update({ where: { id: eventId }, data: input });
    const entry = await appendAudit(tx, { actor, action: "event.updated", subject: { type: "event", id: eventId }, payload: { changes } });
    return { ok: true as const, event: { id: eventId }, seq: entry.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  if (outcome.seq !== null) await afterCommit(eventId, outcome.seq);
  return { ok: true, event: outcome.event };
}

/**
 * Brings the running order in line with the shortlist: newly shortlisted bids are added at the
 * end; bids no longer shortlisted are taken out. Only before the event starts.
 */
export async function refreshRunningOrder(eventId: string, actor: AuditActor): Promise<Result<{ added: number; removed: number }>> {
  const outcome = await db().$transaction(async (tx) => {
    if (!(await lockEvent(tx, eventId))) return refused("That event does not exist.");
    const event = await tx.event.findUniqueOrThrow({
      where: { id: eventId },
      select: { state: true, roundId: true, slots: { select: { id: true, position: true, bidId: true, bid: { select: { status: true } } } } },
    });
    if (!SETUP_STATES.includes(event.state)) {
      return refused("The event has started, so pitches can no longer be added or taken out. Use the running order to move waiting pitches.");
    }
    const gone = event.slots.filter((slot) => slot.bid.status !== "SHORTLISTED");
    const fresh = await unscheduledShortlist(tx, event.roundId);
    if (gone.length === 0 && fresh.length === 0) return { ok: true as const, added: 0, removed: 0, seq: null };
    if (gone.length) await tx.slot.deleteMany({ where: { id: { in: gone.map((slot) => slot.id) } } });
    let next = Math.max(-1, ...event.slots.map((slot) => slot.position)) + 1;
    for (const bid of fresh) await tx.slot.create({ data: { eventId, bidId: bid.id, position: next++ } });
    const order = await tx.slot.findMany({ where: { eventId }, orderBy: { position: "asc" }, select: { id: true } });
    const entry = await appendAudit(tx, {
      actor,
      action: "event.running_order_changed",
      subject: { type: "event", id: eventId },
      payload: { order: order.map((slot) => slot.id), addedBidIds: fresh.map((bid) => bid.id), removedBidIds: gone.map((slot) => slot.bidId) },
    });
    return { ok: true as const, added: fresh.length, removed: gone.length, seq: entry.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  if (outcome.seq !== null) await afterCommit(eventId, outcome.seq);
  return { ok: true, added: outcome.added, removed: outcome.removed };
}

/**
 * Swaps a pitch with its neighbour. Only pitches that have not started move, so a group stuck
 * in traffic can go later even during the event, and no heard pitch changes place.
 */
export async function moveSlot(
  eventId: string,
  slotId: string,
  direction: "up" | "down",
  actor: AuditActor,
): Promise<Result<{ order: string[] }>> {
  const outcome = await db().$transaction(async (tx) => {
    if (!(await lockEvent(tx, eventId))) return refused("That event does not exist.");
    const event = await tx.event.findUniqueOrThrow({
      where: { id: eventId },
      select: { state: true, slots: { orderBy: { position: "asc" }, select: { id: true, position: true, state: true } } },
    });
    if (event.state === "SCORING_CLOSED" || event.state === "DECIDED") {
      return refused("Scoring for the event is closed, so the running order can no longer change.");
    }
    const index = event.slots.findIndex((slot) => slot.id === slotId);
    if (index === -1) return refused("That pitch is not in this event's running order.");
    const other = event.slots[direction === "up" ? index - 1 : index + 1];
    if (!other) return refused(direction === "up" ? "This pitch is already first." : "This pitch is already last.");
    const slot = event.slots[index];
    if (slot.state !== "WAITING" || other.state !== "WAITING") {
      return refused("Only pitches that have not started can change places.");
    }
    await tx.slot.update({ where: { id: slot.id }, data: { position: other.position } });
    await tx.slot.update({ where: { id: other.id }, data: { position: slot.position } });
    const order = event.slots.map((s) => s.id);
    [order[index], order[direction === "up" ? index - 1 : index + 1]] = [other.id, slot.id];
    const entry = await appendAudit(tx, {
      actor,
      action: "event.running_order_changed",
      subject: { type: "event", id: eventId },
      payload: { order, addedBidIds: [], removedBidIds: [] },
    });
    return { ok: true as const, order, seq: entry.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  await afterCommit(eventId, outcome.seq);
  return { ok: true, order: outcome.order };
}

// ---------- The chair ----------

async function loadClock(tx: Tx, eventId: string): Promise<EventClock> {
  const event = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    select: {
      state: true,
      pitchSeconds: true,
      questionSeconds: true,
      currentSlotId: true,
      round: { select: { fund: { select: { timeZone: true } } } },
      slots: { select: { id: true, position: true, state: true, phaseEndsAt: true, pausedRemainingMs: true, lockedAt: true } },
      _count: { select: { panellists: { where: { revokedAt: null } } } },
    },
  });
  return {
    state: event.state,
    pitchSeconds: event.pitchSeconds,
    questionSeconds: event.questionSeconds,
    currentSlotId: event.currentSlotId,
    slots: event.slots,
    activePanellists: event._count.panellists,
    timeZone: event.round.fund.timeZone,
  };
}

function slotChanged(a: SlotClock, b: SlotClock) {
  return (
    a.state !== b.state ||
    a.phaseEndsAt?.getTime() !== b.phaseEndsAt?.getTime() ||
    a.pausedRemainingMs !== b.pausedRemainingMs ||
    a.lockedAt?.getTime() !== b.lockedAt?.getTime()
  );
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Runs one chair command (see app/domain/event-machine.ts for what each does and refuses). */
export async function runChairCommand(
  eventId: string,
  command: ChairCommand,
  actor: AuditActor,
  now: Date = new Date(),
): Promise<Result<{ state: EventState; currentSlotId: string | null; revision: string; version: number }>> {
  const outcome = await db().$transaction(async (tx) => {
    if (!(await lockEvent(tx, eventId))) return refused("That event does not exist.");
    const before = await loadClock(tx, eventId);
    const result = transition(before, command, now);
    if (!result.ok) return result;
    const after = result.clock;
    if (after.state !== before.state || after.currentSlotId !== before.currentSlotId) {
      await tx.event.update({ where: { id: eventId }, data: { state: after.state, currentSlotId: after.currentSlotId } });
    }
    const changed = after.slots.filter((slot) => slotChanged(before.slots.find((s) => s.id === slot.id)!, slot));
    for (const slot of changed) {
      await tx.slot.update({
        where: { id: slot.id },
        data: { state: slot.state, phaseEndsAt: slot.phaseEndsAt, pausedRemainingMs: slot.pausedRemainingMs, lockedAt: slot.lockedAt },
      });
    }
    const entry = await appendAudit(tx, {
      actor,
      action: COMMAND_AUDIT[command.type],
      subject: { type: "event", id: eventId },
      at: now,
      payload: {
        from: before.state,
        to: after.state,
        currentSlotId: after.currentSlotId,
        slots: changed.map((slot) => ({
          slotId: slot.id,
          from: before.slots.find((s) => s.id === slot.id)!.state,
          to: slot.state,
          phaseEndsAt: iso(slot.phaseEndsAt),
          pausedRemainingMs: slot.pausedRemainingMs,
          lockedAt: iso(slot.lockedAt),
        })),
        ...("reason" in command ? { reason: command.reason.trim() } : {}),
        ...(command.type === "EXTEND" ? { seconds: command.seconds ?? 30 } : {}),
        ...(command.type === "CLOSE_SCORING" ? { leaveUnheard: command.leaveUnheard === true } : {}),
      },
    });
    return { ok: true as const, state: after.state, currentSlotId: after.currentSlotId, revision: revision(after), version: entry.seq };
  }, LIVE_TX);
  if (outcome.ok) await afterCommit(eventId, outcome.version);
  return outcome;
}

/** Shows the audience votes on the screen; only once scoring for the event has closed. */
export async function revealResults(eventId: string, actor: AuditActor, now: Date = new Date()): Promise<Result<{ revealedAt: Date }>> {
  const outcome = await db().$transaction(async (tx) => {
    if (!(await lockEvent(tx, eventId))) return refused("That event does not exist.");
    const event = await tx.event.findUniqueOrThrow({ where: { id: eventId }, select: { state: true, resultsRevealedAt: true } });
    if (event.state !== "SCORING_CLOSED" && event.state !== "DECIDED") {
      return refused("Close scoring for the event before showing the results.");
    }
    if (event.resultsRevealedAt) return { ok: true as const, revealedAt: event.resultsRevealedAt, seq: null };
    await tx.event.update({ where: { id: eventId }, data: { resultsRevealedAt: now } });
    const entry = await appendAudit(tx, {
      actor,
      action: "event.results_revealed",
      subject: { type: "event", id: eventId },
      at: now,
      payload: { state: event.state },
    });
    return { ok: true as const, revealedAt: now, seq: entry.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  if (outcome.seq !== null) await afterCommit(eventId, outcome.seq);
  return { ok: true, revealedAt: outcome.revealedAt };
}

// ---------- Reading ----------

/** The event with what its setup and chair pages show (no contact details). */
export function getEvent(eventId: string) {
  return db().event.findUnique({
    where: { id: eventId },
    include: {
      round: {
        select: {
          id: true,
          title: true,
          slug: true,
          quorum: true,
          audienceMode: true,
          audienceVotesPerPerson: true,
          fund: { select: { id: true, name: true, timeZone: true } },
          criteria: { orderBy: { position: "asc" } },
        },
      },
      slots: {
        orderBy: { position: "asc" },
        include: { bid: { select: { id: true, reference: true, projectTitle: true, groupName: true, language: true, status: true } } },
      },
      _count: { select: { panellists: { where: { revokedAt: null } } } },
    },
  });
}

export function listEventsForRound(roundId: string) {
  return db().event.findMany({
    where: { roundId },
    orderBy: { startsAt: "asc" },
    select: { id: true, title: true, startsAt: true, venue: true, state: true, joinCode: true, _count: { select: { slots: true } } },
  });
}

/** The join code for staff pages (the projector shows it before the start); null when the audience does not vote. */
export async function staffJoinCode(eventId: string) {
  const event = await db().event.findUnique({ where: { id: eventId }, select: { joinCode: true, round: { select: { audienceMode: true } } } });
  return event && event.round.audienceMode !== "NONE" ? event.joinCode : null;
}

/** Events live now or starting since `since`, for staff home (comingEvents picks the days). */
export async function listComingEvents(since: Date) {
  const events = await db().event.findMany({
    where: { OR: [{ state: "LIVE" }, { startsAt: { gte: since }, state: { not: "DECIDED" } }] },
    orderBy: { startsAt: "asc" },
    take: 20,
    select: { id: true, title: true, startsAt: true, venue: true, state: true, round: { select: { fund: { select: { timeZone: true } } } } },
  });
  return events.map(({ round, ...event }) => ({ ...event, timeZone: round.fund.timeZone }));
}

/** The event a typed join code belongs to (any case, spaces and hyphens), or null. */
export async function findEventByJoinCode(input: string) {
  const joinCode = normaliseCode(input, JOIN_CODE_LENGTH);
  if (!joinCode) return null;
  return db().event.findUnique({
    where: { joinCode },
    select: { id: true, title: true, state: true, round: { select: { audienceMode: true, audienceVotesPerPerson: true } } },
  });
}

/** The small public state of an event for every screen: ids, states, counts; no personal data. */
export async function liveState(eventId: string, now: Date = new Date()): Promise<LiveState | null> {
  // why: read the version first, so the state below is at least as new as the version says.
  const latest = await db().auditEntry.aggregate({ _max: { seq: true } });
  const event = await db().event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      title: true,
      state: true,
      startsAt: true,
      venue: true,
      pitchSeconds: true,
      questionSeconds: true,
      joinCode: true,
      currentSlotId: true,
      resultsRevealedAt: true,
      awardsRevealed: true,
      round: { select: { quorum: true, audienceMode: true, audienceVotesPerPerson: true, fund: { select: { timeZone: true } } } },
      slots: {
        select: {
          id: true,
          position: true,
          state: true,
          phaseEndsAt: true,
          pausedRemainingMs: true,
          lockedAt: true,
          bid: { select: { id: true, reference: true, projectTitle: true, groupName: true, language: true } },
        },
      },
      panellists: {
        select: {
          id: true,
          joinedAt: true,
          revokedAt: true,
          conflicts: { select: { bidId: true } },
          scoreSheets: { where: { current: true }, select: { bidId: true } },
        },
      },
    },
  });
  if (!event) return null;

  const revealed = event.resultsRevealedAt !== null;
  const tallies = revealed ? new Map((await audienceTallies(eventId)).map((t) => [t.bidId, t])) : null;
  const activePanellists = event.panellists.filter((p) => !p.revokedAt);
  // why: read only once the chair has started the reveal, so a live pitch costs nothing more.
  const awards = event.state === "DECIDED" && event.awardsRevealed > 0 ? ((await awardReveal(eventId))?.view ?? null) : null;

  const slots: LiveSlot[] = orderedSlots(event.slots).map((slot) => {
    const bidId = slot.bid.id;
    let scored = 0;
    let eligible = 0;
    let recused = 0;
    for (const panellist of event.panellists) {
      const conflicted = panellist.conflicts.some((c) => c.bidId === bidId);
      const hasSheet = panellist.scoreSheets.some((s) => s.bidId === bidId);
      const onPanel = !panellist.revokedAt || hasSheet;
      if (!onPanel) continue;
      if (conflicted) {
        recused += 1;
        continue;
      }
      eligible += 1;
      if (hasSheet) scored += 1;
    }
    return {
      id: slot.id,
      position: slot.position,
      bidId,
      bidReference: slot.bid.reference,
      projectTitle: slot.bid.projectTitle,
      groupName: slot.bid.groupName,
      lang: ownWordsLang(slot.bid.language),
      state: slot.state,
      phaseEndsAt: iso(slot.phaseEndsAt),
      pausedRemainingMs: slot.pausedRemainingMs,
      lockedAt: iso(slot.lockedAt),
      scoredCount: scored,
      recusalCount: recused,
      quorum: quorumStatus({ quorum: event.round.quorum, eligible, recused, scored, locked: slot.state === "LOCKED" }),
      audience: tallies ? (tallies.get(bidId) ?? emptyTally(bidId)) : null,
    };
  });

  const clock: EventClock = {
    state: event.state,
    pitchSeconds: event.pitchSeconds,
    questionSeconds: event.questionSeconds,
    currentSlotId: event.currentSlotId,
    slots: event.slots.map(({ bid: _bid, ...slot }) => slot),
    activePanellists: activePanellists.length,
    timeZone: event.round.fund.timeZone,
  };

  return {
    version: latest._max.seq ?? 0,
    serverNow: now.toISOString(),
    revision: revision(clock),
    event: {
      id: event.id,
      title: event.title,
      state: event.state,
      startsAt: event.startsAt.toISOString(),
      venue: event.venue,
      pitchSeconds: event.pitchSeconds,
      questionSeconds: event.questionSeconds,
      audienceMode: event.round.audienceMode,
      votesPerPerson: event.round.audienceVotesPerPerson,
      joinCode: publicJoinCode(event.round.audienceMode, event.state, event.joinCode),
      resultsRevealed: revealed,
    },
    currentSlotId: event.currentSlotId,
    current: slots.find((slot) => slot.id === event.currentSlotId) ?? null,
    slots,
    panel: { active: activePanellists.length, joined: activePanellists.filter((p) => p.joinedAt).length },
    awards,
    warnings: slots
      .filter((slot) => slot.quorum.warning && event.state !== "DRAFT")
      .map((slot) => `${slot.bidReference}: ${slot.quorum.warning}`),
  };
}

function emptyTally(bidId: string): BidTally {
  return { bidId, votes: 0, points: 0, paper: 0, paperStatus: "NONE", total: 0 };
}
