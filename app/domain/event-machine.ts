// The live event as a state machine: what the chair may do next, and the clock.
//
// Interface (pure: no Prisma, no Date.now; every time comes in as `now`):
//   transition(clock, command, now) -> { ok: true, clock, effects } | { ok: false, message }
//   revision(clock)                 -> a short token for "what the chair's screen saw"
//   timerAt(slot, now)              -> remaining/overtime for the running (or paused) phase
//   formatTimer(view)               -> "2:59", "+0:12"
//   clockTime(at, timeZone)         -> "19:42" for messages ("Scoring ... closed at 19:42")
//
// Event: DRAFT -> READY -> LIVE -> SCORING_CLOSED -> DECIDED (READY -> DRAFT and
// SCORING_CLOSED -> LIVE are the ways back). Slot (one pitch): WAITING -> PITCHING ->
// QUESTIONS -> SCORING -> LOCKED (LOCKED -> SCORING with a reason).
//
// Decisions worth knowing:
// - START only opens the event; the first NEXT starts the first pitch, so the screen can show
//   a welcome and the running order first.
// - NEXT from SCORING (or LOCKED) starts the next waiting pitch and leaves the previous one in
//   SCORING: a panellist whose phone lost Wi-Fi can still land their score until the chair
//   locks that pitch (or closes scoring for the event, which locks every open pitch).
// - The clock is stored as an end time; pausing stores what was left (negative when the pitch
//   was already over time, so overtime keeps counting after RESUME); +30 s adds to whatever
//   is left, counting from now when the phase is already over time.
// - Every command may carry the `revision` the chair's screen showed; a stale one (a double
//   tap, a retry after the Wi-Fi dropped) is refused and changes nothing.

import { clockTime } from "./clock-time";

export const EVENT_STATES = ["DRAFT", "READY", "LIVE", "SCORING_CLOSED", "DECIDED"] as const;
export type EventState = (typeof EVENT_STATES)[number];

export const SLOT_STATES = ["WAITING", "PITCHING", "QUESTIONS", "SCORING", "LOCKED"] as const;
export type SlotState = (typeof SLOT_STATES)[number];

export const EVENT_STATE_LABELS: Record<EventState, string> = {
  DRAFT: "Being set up",
  READY: "Ready to start",
  LIVE: "Live",
  SCORING_CLOSED: "Scoring closed",
  DECIDED: "Decided",
};

export const SLOT_STATE_LABELS: Record<SlotState, string> = {
  WAITING: "Waiting",
  PITCHING: "Pitching",
  QUESTIONS: "Questions",
  SCORING: "Scoring",
  LOCKED: "Scores locked",
};

export const EXTEND_SECONDS = 30;
export const REASON_MAX = 500;

export interface SlotClock {
  id: string;
  position: number;
  state: SlotState;
  phaseEndsAt: Date | null;
  pausedRemainingMs: number | null;
  lockedAt: Date | null;
}

export interface EventClock {
  state: EventState;
  pitchSeconds: number;
  questionSeconds: number;
  currentSlotId: string | null;
  slots: SlotClock[];
  /** Panellists invited and not revoked: an event cannot be ready without a panel. */
  activePanellists: number;
  /** For times in messages (the fund's zone). */
  timeZone: string;
}

export type ChairCommand =
  | { type: "MARK_READY"; revision?: string }
  | { type: "BACK_TO_DRAFT"; revision?: string }
  | { type: "START"; revision?: string }
  | { type: "NEXT"; revision?: string }
  | { type: "PAUSE"; revision?: string }
  | { type: "RESUME"; revision?: string }
  | { type: "EXTEND"; seconds?: number; revision?: string }
  | { type: "LOCK"; slotId: string; revision?: string }
  | { type: "REOPEN"; slotId: string; reason: string; revision?: string }
  | { type: "CLOSE_SCORING"; leaveUnheard?: boolean; revision?: string }
  | { type: "REOPEN_EVENT"; reason: string; revision?: string }
  | { type: "MARK_DECIDED"; revision?: string };

export type ChairCommandType = ChairCommand["type"];

export type Effect =
  | { type: "EVENT_STATE"; from: EventState; to: EventState }
  | { type: "CURRENT_SLOT"; from: string | null; to: string | null }
  | { type: "SLOT_STATE"; slotId: string; from: SlotState; to: SlotState }
  | { type: "SLOT_CLOCK"; slotId: string; phaseEndsAt: Date | null; pausedRemainingMs: number | null };

export type TransitionResult =
  | { ok: true; clock: EventClock; effects: Effect[] }
  | { ok: false; message: string };

type Refusal = { ok: false; message: string };

function refuse(message: string): Refusal {
  return { ok: false, message };
}

/** What the chair's screen saw; commands carrying an older one are refused. */
export function revision(clock: EventClock): string {
  const current = currentSlot(clock);
  return [
    clock.state,
    clock.currentSlotId ?? "-",
    current?.state ?? "-",
    current?.phaseEndsAt?.getTime() ?? "-",
    current?.pausedRemainingMs ?? "-",
  ].join(".");
}

export function currentSlot(clock: EventClock): SlotClock | null {
  return clock.slots.find((slot) => slot.id === clock.currentSlotId) ?? null;
}

export function orderedSlots<T extends { position: number }>(slots: readonly T[]): T[] {
  return [...slots].sort((a, b) => a.position - b.position);
}

export function transition(clock: EventClock, command: ChairCommand, now: Date): TransitionResult {
  if (command.revision !== undefined && command.revision !== revision(clock)) {
    return refuse(
      "The event changed on another screen after yours last updated, so nothing was changed. Check what is showing now and try again.",
    );
  }
  if (clock.state === "DECIDED") {
    return refuse("Decisions have been recorded for this event, so the live session cannot change any more.");
  }
  switch (command.type) {
    case "MARK_READY":
      return markReady(clock);
    case "BACK_TO_DRAFT":
      if (clock.state !== "READY") return refuse(notWhile(clock, "go back to setting up"));
      return apply(clock, { state: "DRAFT" });
    case "START":
      if (clock.state === "DRAFT") return refuse("Mark the event as ready before starting it.");
      if (clock.state !== "READY") return refuse(notWhile(clock, "start the event"));
      return apply(clock, { state: "LIVE" });
    case "NEXT":
      return next(clock, now);
    case "PAUSE":
      return pause(clock, now);
    case "RESUME":
      return resume(clock, now);
    case "EXTEND":
      return extend(clock, command.seconds ?? EXTEND_SECONDS, now);
    case "LOCK":
      return lock(clock, command.slotId, now);
    case "REOPEN":
      return reopen(clock, command.slotId, command.reason);
    case "CLOSE_SCORING":
      return closeScoring(clock, command.leaveUnheard === true, now);
    case "REOPEN_EVENT": {
      if (clock.state !== "SCORING_CLOSED") return refuse(notWhile(clock, "reopen scoring for the event"));
      const problem = reasonProblem(command.reason, "reopening scoring for the event");
      if (problem) return refuse(problem);
      return apply(clock, { state: "LIVE" });
    }
    case "MARK_DECIDED":
      if (clock.state !== "SCORING_CLOSED") return refuse("Close scoring for the event before recording decisions.");
      return apply(clock, { state: "DECIDED" });
  }
}

function markReady(clock: EventClock): TransitionResult {
  if (clock.state !== "DRAFT") return refuse(notWhile(clock, "mark the event as ready"));
  if (clock.slots.length === 0) {
    return refuse("Add at least one shortlisted bid to the running order before marking the event as ready.");
  }
  if (clock.activePanellists === 0) {
    return refuse("Invite at least one panellist before marking the event as ready.");
  }
  return apply(clock, { state: "READY" });
}

function next(clock: EventClock, now: Date): TransitionResult {
  const live = requireLive(clock, "move to the next stage");
  if (live) return live;
  const current = currentSlot(clock);
  if (current?.state === "PITCHING") {
    return apply(clock, {}, [
      { ...current, state: "QUESTIONS", phaseEndsAt: after(now, clock.questionSeconds), pausedRemainingMs: null },
    ]);
  }
  if (current?.state === "QUESTIONS") {
    return apply(clock, {}, [{ ...current, state: "SCORING", phaseEndsAt: null, pausedRemainingMs: null }]);
  }
  const waiting = current?.state === "WAITING" ? current : orderedSlots(clock.slots).find((s) => s.state === "WAITING");
  if (!waiting) {
    return refuse("Every pitch has been heard. Lock scoring for the last pitch, then close scoring for the event.");
  }
  return apply(clock, { currentSlotId: waiting.id }, [
    { ...waiting, state: "PITCHING", phaseEndsAt: after(now, clock.pitchSeconds), pausedRemainingMs: null },
  ]);
}

function runningPhase(clock: EventClock, verb: "pause" | "resume" | "add time to"): SlotClock | Refusal {
  const live = requireLive(clock, `${verb} the timer`);
  if (live) return live;
  const current = currentSlot(clock);
  if (!current || (current.state !== "PITCHING" && current.state !== "QUESTIONS")) {
    return refuse(`There is no timer to ${verb}: the timer runs only while a group is pitching or answering questions.`);
  }
  return current;
}

function pause(clock: EventClock, now: Date): TransitionResult {
  const slot = runningPhase(clock, "pause");
  if ("ok" in slot) return slot;
  if (slot.pausedRemainingMs !== null) return refuse("The timer is already paused.");
  const remaining = (slot.phaseEndsAt?.getTime() ?? now.getTime()) - now.getTime();
  return apply(clock, {}, [{ ...slot, phaseEndsAt: null, pausedRemainingMs: remaining }]);
}

function resume(clock: EventClock, now: Date): TransitionResult {
  const slot = runningPhase(clock, "resume");
  if ("ok" in slot) return slot;
  if (slot.pausedRemainingMs === null) return refuse("The timer is already running.");
  return apply(clock, {}, [
    { ...slot, phaseEndsAt: new Date(now.getTime() + slot.pausedRemainingMs), pausedRemainingMs: null },
  ]);
}

function extend(clock: EventClock, seconds: number, now: Date): TransitionResult {
  if (!Number.isInteger(seconds) || seconds <= 0 || seconds > 600) {
    return refuse("Extra time must be a whole number of seconds, up to 10 minutes.");
  }
  const slot = runningPhase(clock, "add time to");
  if ("ok" in slot) return slot;
  const extra = seconds * 1000;
  if (slot.pausedRemainingMs !== null) {
    return apply(clock, {}, [{ ...slot, pausedRemainingMs: Math.max(slot.pausedRemainingMs, 0) + extra }]);
  }
  const from = Math.max(slot.phaseEndsAt?.getTime() ?? now.getTime(), now.getTime());
  return apply(clock, {}, [{ ...slot, phaseEndsAt: new Date(from + extra) }]);
}

function lock(clock: EventClock, slotId: string, now: Date): TransitionResult {
  const live = requireLive(clock, "lock scoring for a pitch");
  if (live) return live;
  const slot = clock.slots.find((s) => s.id === slotId);
  if (!slot) return refuse("That pitch is not in this event's running order.");
  switch (slot.state) {
    case "WAITING":
      return refuse("This pitch has not started yet, so there is no scoring to lock.");
    case "PITCHING":
    case "QUESTIONS":
      return refuse("Move this pitch on to scoring before locking it.");
    case "LOCKED":
      return refuse(`Scoring for this pitch is already locked (since ${slot.lockedAt ? clockTime(slot.lockedAt, clock.timeZone) : "earlier"}).`);
    case "SCORING":
      return apply(clock, {}, [{ ...slot, state: "LOCKED", lockedAt: now }]);
  }
}

function reopen(clock: EventClock, slotId: string, reason: string): TransitionResult {
  if (clock.state === "SCORING_CLOSED") {
    return refuse("Scoring for the whole event is closed. Reopen scoring for the event first, then this pitch.");
  }
  const live = requireLive(clock, "reopen scoring for a pitch");
  if (live) return live;
  const slot = clock.slots.find((s) => s.id === slotId);
  if (!slot) return refuse("That pitch is not in this event's running order.");
  if (slot.state !== "LOCKED") return refuse("Scoring for this pitch is not locked, so there is nothing to reopen.");
  const problem = reasonProblem(reason, "reopening scoring for this pitch");
  if (problem) return refuse(problem);
  return apply(clock, {}, [{ ...slot, state: "SCORING", lockedAt: null }]);
}

function closeScoring(clock: EventClock, leaveUnheard: boolean, now: Date): TransitionResult {
  const live = requireLive(clock, "close scoring");
  if (live) return live;
  const inProgress = clock.slots.find((s) => s.state === "PITCHING" || s.state === "QUESTIONS");
  if (inProgress) return refuse("A group is still pitching or answering questions. Move that pitch on to scoring first.");
  const unheard = clock.slots.filter((s) => s.state === "WAITING").length;
  if (unheard > 0 && !leaveUnheard) {
    return refuse(
      `${unheard === 1 ? "1 pitch has" : `${unheard} pitches have`} not been heard yet. Close scoring anyway only if ${unheard === 1 ? "that group" : "those groups"} will not pitch: ${unheard === 1 ? "it" : "they"} will have no scores.`,
    );
  }
  const locked = clock.slots.filter((s) => s.state === "SCORING").map((s) => ({ ...s, state: "LOCKED" as const, lockedAt: now }));
  return apply(clock, { state: "SCORING_CLOSED", currentSlotId: null }, locked);
}

function requireLive(clock: EventClock, doing: string): Refusal | null {
  return clock.state === "LIVE" ? null : refuse(notWhile(clock, doing));
}

function notWhile(clock: EventClock, doing: string) {
  const why: Record<EventState, string> = {
    DRAFT: "the event is still being set up",
    READY: "the event has not started yet",
    LIVE: "the event is live",
    SCORING_CLOSED: "scoring for the event is closed",
    DECIDED: "decisions have been recorded",
  };
  return `You cannot ${doing} because ${why[clock.state]}.`;
}

function reasonProblem(reason: string, doing: string): string | null {
  const trimmed = reason.trim();
  if (trimmed.length === 0) return `Give a reason for ${doing}.`;
  if (trimmed.length > REASON_MAX) return `The reason must be ${REASON_MAX} characters or fewer.`;
  return null;
}

function after(now: Date, seconds: number) {
  return new Date(now.getTime() + seconds * 1000);
}

function apply(
  clock: EventClock,
  event: Partial<Pick<EventClock, "state" | "currentSlotId">>,
  changed: SlotClock[] = [],
): TransitionResult {
  const effects: Effect[] = [];
  const nextClock: EventClock = {
    ...clock,
    ...event,
    slots: clock.slots.map((slot) => changed.find((c) => c.id === slot.id) ?? slot),
  };
  if (nextClock.state !== clock.state) effects.push({ type: "EVENT_STATE", from: clock.state, to: nextClock.state });
  if (nextClock.currentSlotId !== clock.currentSlotId) {
    effects.push({ type: "CURRENT_SLOT", from: clock.currentSlotId, to: nextClock.currentSlotId });
  }
  for (const slot of changed) {
    const before = clock.slots.find((s) => s.id === slot.id)!;
    if (before.state !== slot.state) effects.push({ type: "SLOT_STATE", slotId: slot.id, from: before.state, to: slot.state });
    if (
      before.phaseEndsAt?.getTime() !== slot.phaseEndsAt?.getTime() ||
      before.pausedRemainingMs !== slot.pausedRemainingMs
    ) {
      effects.push({ type: "SLOT_CLOCK", slotId: slot.id, phaseEndsAt: slot.phaseEndsAt, pausedRemainingMs: slot.pausedRemainingMs });
    }
  }
  return { ok: true, clock: nextClock, effects };
}

// ---------- Timer maths ----------

export interface TimerView {
  phase: "PITCHING" | "QUESTIONS";
  paused: boolean;
  /** Milliseconds left; negative once the phase has run over. */
  remainingMs: number;
  /** Whole seconds left, rounded up so the display reaches 0:00 exactly at the end. */
  remainingSeconds: number;
  /** Whole seconds over time (0 while time is left). */
  overtimeSeconds: number;
  overtime: boolean;
}

/** The countdown for a slot's timed phase at `now`, or null when no timer applies. */
export function timerAt(
  slot: Pick<SlotClock, "state" | "phaseEndsAt" | "pausedRemainingMs">,
  now: Date,
): TimerView | null {
  if (slot.state !== "PITCHING" && slot.state !== "QUESTIONS") return null;
  const paused = slot.pausedRemainingMs !== null;
  const remainingMs = paused
    ? slot.pausedRemainingMs!
    : slot.phaseEndsAt
      ? slot.phaseEndsAt.getTime() - now.getTime()
      : 0;
  return {
    phase: slot.state,
    paused,
    remainingMs,
    remainingSeconds: remainingMs > 0 ? Math.ceil(remainingMs / 1000) : 0,
    overtimeSeconds: remainingMs < 0 ? Math.floor(-remainingMs / 1000) : 0,
    overtime: remainingMs < 0,
  };
}

/** "2:59" while time is left, "+0:12" over time. */
export function formatTimer(view: Pick<TimerView, "remainingSeconds" | "overtimeSeconds" | "overtime">) {
  const seconds = view.overtime ? view.overtimeSeconds : view.remainingSeconds;
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return view.overtime ? `+${text}` : text;
}

export { clockTime };
