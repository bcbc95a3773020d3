import {
  clockTime,
  formatTimer,
  revision,
  timerAt,
  transition,
  type ChairCommand,
  type EventClock,
  type EventState,
  type SlotClock,
  type SlotState,
} from "./event-machine";

const T0 = new Date("2027-05-14T18:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function slot(id: string, position: number, state: SlotState = "WAITING", extra: Partial<SlotClock> = {}): SlotClock {
  return { id, position, state, phaseEndsAt: null, pausedRemainingMs: null, lockedAt: null, ...extra };
}

function clock(overrides: Partial<EventClock> = {}): EventClock {
  return {
    state: "LIVE",
    pitchSeconds: 180,
    questionSeconds: 120,
    currentSlotId: null,
    slots: [slot("a", 0), slot("b", 1), slot("c", 2)],
    activePanellists: 4,
    timeZone: "Europe/London",
    ...overrides,
  };
}

function ok(c: EventClock, command: ChairCommand, now = T0) {
  const result = transition(c, command, now);
  if (!result.ok) throw new Error(`expected ${command.type} to be allowed, got: ${result.message}`);
  return result;
}

function refused(c: EventClock, command: ChairCommand, now = T0) {
  const result = transition(c, command, now);
  if (result.ok) throw new Error(`expected ${command.type} to be refused`);
  return result.message;
}

const slotOf = (c: EventClock, id: string) => c.slots.find((s) => s.id === id)!;

describe("setting up and starting", () => {
  it("marks a draft with a running order and a panel as ready", () => {
    const result = ok(clock({ state: "DRAFT" }), { type: "MARK_READY" });
    expect(result.clock.state).toBe("READY");
    expect(result.effects).toEqual([{ type: "EVENT_STATE", from: "DRAFT", to: "READY" }]);
  });

  it("refuses to mark ready without pitches or without panellists", () => {
    expect(refused(clock({ state: "DRAFT", slots: [] }), { type: "MARK_READY" })).toMatch(/at least one shortlisted bid/);
    expect(refused(clock({ state: "DRAFT", activePanellists: 0 }), { type: "MARK_READY" })).toMatch(/at least one panellist/);
  });

  it("refuses to mark ready twice or once live", () => {
    expect(refused(clock({ state: "READY" }), { type: "MARK_READY" })).toMatch(/has not started yet/);
    expect(refused(clock({ state: "LIVE" }), { type: "MARK_READY" })).toMatch(/event is live/);
  });

  it("goes back from ready to draft, but not from live", () => {
    expect(ok(clock({ state: "READY" }), { type: "BACK_TO_DRAFT" }).clock.state).toBe("DRAFT");
    expect(refused(clock({ state: "LIVE" }), { type: "BACK_TO_DRAFT" })).toMatch(/cannot go back to setting up/);
    expect(refused(clock({ state: "DRAFT" }), { type: "BACK_TO_DRAFT" })).toMatch(/still being set up/);
  });

  it("starts a ready event without starting a pitch", () => {
    const result = ok(clock({ state: "READY" }), { type: "START" });
    expect(result.clock.state).toBe("LIVE");
    expect(result.clock.currentSlotId).toBeNull();
    expect(result.clock.slots.every((s) => s.state === "WAITING")).toBe(true);
  });

  it("refuses to start a draft, a live or a closed event", () => {
    expect(refused(clock({ state: "DRAFT" }), { type: "START" })).toBe("Mark the event as ready before starting it.");
    expect(refused(clock({ state: "LIVE" }), { type: "START" })).toMatch(/cannot start the event because the event is live/);
    expect(refused(clock({ state: "SCORING_CLOSED" }), { type: "START" })).toMatch(/scoring for the event is closed/);
  });
});

describe("next: pitch, questions, scoring, next pitch", () => {
  it("starts the first waiting pitch in running order with the pitch timer", () => {
    const c = clock({ slots: [slot("b", 1), slot("a", 0)] });
    const result = ok(c, { type: "NEXT" });
    expect(result.clock.currentSlotId).toBe("a");
    expect(slotOf(result.clock, "a")).toMatchObject({ state: "PITCHING", phaseEndsAt: at(180), pausedRemainingMs: null });
    expect(result.effects).toEqual([
      { type: "CURRENT_SLOT", from: null, to: "a" },
      { type: "SLOT_STATE", slotId: "a", from: "WAITING", to: "PITCHING" },
      { type: "SLOT_CLOCK", slotId: "a", phaseEndsAt: at(180), pausedRemainingMs: null },
    ]);
  });

  it("moves a pitch on to questions with the question timer counted from now", () => {
    const c = clock({ currentSlotId: "a", slots: [slot("a", 0, "PITCHING", { phaseEndsAt: at(180) }), slot("b", 1)] });
    const result = ok(c, { type: "NEXT" }, at(200));
    expect(slotOf(result.clock, "a")).toMatchObject({ state: "QUESTIONS", phaseEndsAt: at(320) });
  });

  it("moves a paused pitch on to questions with the timer running again", () => {
    const c = clock({ currentSlotId: "a", slots: [slot("a", 0, "PITCHING", { pausedRemainingMs: 40_000 })] });
    const result = ok(c, { type: "NEXT" }, at(10));
    expect(slotOf(result.clock, "a")).toMatchObject({ state: "QUESTIONS", phaseEndsAt: at(130), pausedRemainingMs: null });
  });

  it("moves questions on to scoring, which has no timer", () => {
    const c = clock({ currentSlotId: "a", slots: [slot("a", 0, "QUESTIONS", { phaseEndsAt: at(120) })] });
    const result = ok(c, { type: "NEXT" }, at(100));
    expect(slotOf(result.clock, "a")).toMatchObject({ state: "SCORING", phaseEndsAt: null, pausedRemainingMs: null });
    expect(result.clock.currentSlotId).toBe("a");
  });

  it("starts the next pitch from scoring and leaves the previous pitch open for late scores", () => {
    const c = clock({ currentSlotId: "a", slots: [slot("a", 0, "SCORING"), slot("b", 1), slot("c", 2)] });
    const result = ok(c, { type: "NEXT" }, at(400));
    expect(result.clock.currentSlotId).toBe("b");
    expect(slotOf(result.clock, "a").state).toBe("SCORING");
    expect(slotOf(result.clock, "b")).toMatchObject({ state: "PITCHING", phaseEndsAt: at(580) });
  });

  it("starts the next pitch after the chair locked the current one", () => {
    const c = clock({ currentSlotId: "a", slots: [slot("a", 0, "LOCKED", { lockedAt: T0 }), slot("b", 1)] });
    expect(ok(c, { type: "NEXT" }).clock.currentSlotId).toBe("b");
  });

  it("skips pitches already heard when the running order was changed", () => {
    const c = clock({ currentSlotId: "b", slots: [slot("a", 0), slot("b", 1, "SCORING"), slot("c", 2, "LOCKED")] });
    expect(ok(c, { type: "NEXT" }).clock.currentSlotId).toBe("a");
  });

  it("refuses next when every pitch has been heard", () => {
    const c = clock({ currentSlotId: "b", slots: [slot("a", 0, "LOCKED"), slot("b", 1, "SCORING")] });
    expect(refused(c, { type: "NEXT" })).toBe(
      "Every pitch has been heard. Lock scoring for the last pitch, then close scoring for the event.",
    );
  });

  it("refuses next before the event is live and after scoring closed", () => {
    expect(refused(clock({ state: "READY" }), { type: "NEXT" })).toBe(
      "You cannot move to the next stage because the event has not started yet.",
    );
    expect(refused(clock({ state: "DRAFT" }), { type: "NEXT" })).toMatch(/still being set up/);
    expect(refused(clock({ state: "SCORING_CLOSED" }), { type: "NEXT" })).toMatch(/scoring for the event is closed/);
  });
});

describe("pause, resume and extra time", () => {
  const pitching = (extra: Partial<SlotClock>) =>
    clock({ currentSlotId: "a", slots: [slot("a", 0, "PITCHING", { phaseEndsAt: at(180), ...extra }), slot("b", 1)] });

  it("pausing stores what is left and clears the end time", () => {
    const result = ok(pitching({}), { type: "PAUSE" }, at(100.5));
    expect(slotOf(result.clock, "a")).toMatchObject({ phaseEndsAt: null, pausedRemainingMs: 79_500 });
    expect(result.effects).toEqual([{ type: "SLOT_CLOCK", slotId: "a", phaseEndsAt: null, pausedRemainingMs: 79_500 }]);
  });

  it("resuming sets a new end time from what was left", () => {
    const paused = pitching({ phaseEndsAt: null, pausedRemainingMs: 79_500 });
    const result = ok(paused, { type: "RESUME" }, at(1000));
    expect(slotOf(result.clock, "a")).toMatchObject({ phaseEndsAt: at(1079.5), pausedRemainingMs: null });
  });

  it("a pause and resume loses no time: the group gets exactly what was left", () => {
    const paused = ok(pitching({}), { type: "PAUSE" }, at(60)).clock;
    const resumed = ok(paused, { type: "RESUME" }, at(300)).clock;
    expect(timerAt(slotOf(resumed, "a"), at(300))!.remainingSeconds).toBe(120);
  });

  it("pausing over time keeps the overtime, which continues after resume", () => {
    const paused = ok(pitching({}), { type: "PAUSE" }, at(190)).clock;
    expect(slotOf(paused, "a").pausedRemainingMs).toBe(-10_000);
    const resumed = ok(paused, { type: "RESUME" }, at(500)).clock;
    expect(timerAt(slotOf(resumed, "a"), at(505))).toMatchObject({ overtime: true, overtimeSeconds: 15 });
  });

  it("adds 30 seconds to a running timer", () => {
    const result = ok(pitching({}), { type: "EXTEND" }, at(100));
    expect(slotOf(result.clock, "a").phaseEndsAt).toEqual(at(210));
  });

  it("adds 30 seconds from now when the pitch is already over time", () => {
    const result = ok(pitching({}), { type: "EXTEND" }, at(200));
    expect(slotOf(result.clock, "a").phaseEndsAt).toEqual(at(230));
  });

  it("adds time to a paused timer (over time counts as none left)", () => {
    expect(slotOf(ok(pitching({ phaseEndsAt: null, pausedRemainingMs: 5_000 }), { type: "EXTEND" }).clock, "a").pausedRemainingMs).toBe(35_000);
    expect(slotOf(ok(pitching({ phaseEndsAt: null, pausedRemainingMs: -8_000 }), { type: "EXTEND" }).clock, "a").pausedRemainingMs).toBe(30_000);
  });

  it("adds a chosen number of seconds, within reason", () => {
    expect(slotOf(ok(pitching({}), { type: "EXTEND", seconds: 60 }, at(0)).clock, "a").phaseEndsAt).toEqual(at(240));
    expect(refused(pitching({}), { type: "EXTEND", seconds: 0 })).toMatch(/whole number of seconds/);
    expect(refused(pitching({}), { type: "EXTEND", seconds: 601 })).toMatch(/up to 10 minutes/);
    expect(refused(pitching({}), { type: "EXTEND", seconds: 1.5 })).toMatch(/whole number/);
  });

  it("works during questions as well as pitching", () => {
    const questions = clock({ currentSlotId: "a", slots: [slot("a", 0, "QUESTIONS", { phaseEndsAt: at(120) })] });
    expect(slotOf(ok(questions, { type: "PAUSE" }, at(20)).clock, "a").pausedRemainingMs).toBe(100_000);
  });

  it("refuses to pause twice or resume a running timer", () => {
    expect(refused(pitching({ phaseEndsAt: null, pausedRemainingMs: 1000 }), { type: "PAUSE" })).toBe("The timer is already paused.");
    expect(refused(pitching({}), { type: "RESUME" })).toBe("The timer is already running.");
  });

  it("refuses timer commands when no timed phase is running", () => {
    const scoring = clock({ currentSlotId: "a", slots: [slot("a", 0, "SCORING")] });
    expect(refused(scoring, { type: "PAUSE" })).toBe(
      "There is no timer to pause: the timer runs only while a group is pitching or answering questions.",
    );
    expect(refused(scoring, { type: "RESUME" })).toMatch(/no timer to resume/);
    expect(refused(scoring, { type: "EXTEND" })).toMatch(/no timer to add time to/);
    expect(refused(clock(), { type: "PAUSE" })).toMatch(/no timer to pause/);
    expect(refused(clock({ state: "READY" }), { type: "PAUSE" })).toBe(
      "You cannot pause the timer because the event has not started yet.",
    );
  });
});

describe("locking and reopening a pitch", () => {
  const c = clock({
    currentSlotId: "b",
    slots: [slot("a", 0, "SCORING"), slot("b", 1, "PITCHING", { phaseEndsAt: at(100) }), slot("c", 2)],
  });

  it("locks a pitch in scoring, even when it is no longer the current one", () => {
    const result = ok(c, { type: "LOCK", slotId: "a" }, at(50));
    expect(slotOf(result.clock, "a")).toMatchObject({ state: "LOCKED", lockedAt: at(50) });
    expect(result.clock.currentSlotId).toBe("b");
    expect(result.effects).toEqual([{ type: "SLOT_STATE", slotId: "a", from: "SCORING", to: "LOCKED" }]);
  });

  it("refuses to lock a pitch that is not in scoring", () => {
    expect(refused(c, { type: "LOCK", slotId: "b" })).toBe("Move this pitch on to scoring before locking it.");
    expect(refused(c, { type: "LOCK", slotId: "c" })).toMatch(/has not started yet/);
    expect(refused(c, { type: "LOCK", slotId: "zzz" })).toMatch(/not in this event's running order/);
    const locked = ok(c, { type: "LOCK", slotId: "a" }, new Date("2027-05-14T18:42:00Z")).clock;
    // 18:42 UTC is 19:42 in London in May.
    expect(refused(locked, { type: "LOCK", slotId: "a" })).toBe("Scoring for this pitch is already locked (since 19:42).");
  });

  it("reopens a locked pitch for scoring when a reason is given", () => {
    const locked = ok(c, { type: "LOCK", slotId: "a" }).clock;
    const result = ok(locked, { type: "REOPEN", slotId: "a", reason: "Panellist's phone was offline" });
    expect(slotOf(result.clock, "a")).toMatchObject({ state: "SCORING", lockedAt: null });
  });

  it("refuses to reopen without a reason, or a pitch that is not locked", () => {
    const locked = ok(c, { type: "LOCK", slotId: "a" }).clock;
    expect(refused(locked, { type: "REOPEN", slotId: "a", reason: "   " })).toBe("Give a reason for reopening scoring for this pitch.");
    expect(refused(locked, { type: "REOPEN", slotId: "a", reason: "x".repeat(501) })).toMatch(/500 characters or fewer/);
    expect(refused(c, { type: "REOPEN", slotId: "a", reason: "why" })).toMatch(/not locked/);
    expect(refused(c, { type: "REOPEN", slotId: "nope", reason: "why" })).toMatch(/not in this event's running order/);
  });

  it("refuses to reopen a pitch once scoring for the event is closed", () => {
    const closed = clock({ state: "SCORING_CLOSED", slots: [slot("a", 0, "LOCKED")] });
    expect(refused(closed, { type: "REOPEN", slotId: "a", reason: "late" })).toMatch(/Reopen scoring for the event first/);
  });

  it("refuses to lock before the event is live", () => {
    expect(refused(clock({ state: "READY" }), { type: "LOCK", slotId: "a" })).toMatch(/cannot lock scoring for a pitch/);
  });
});

describe("closing scoring for the event", () => {
  it("locks every pitch still open and ends the live running", () => {
    const c = clock({ currentSlotId: "c", slots: [slot("a", 0, "LOCKED", { lockedAt: T0 }), slot("b", 1, "SCORING"), slot("c", 2, "SCORING")] });
    const result = ok(c, { type: "CLOSE_SCORING" }, at(900));
    expect(result.clock.state).toBe("SCORING_CLOSED");
    expect(result.clock.currentSlotId).toBeNull();
    expect(result.clock.slots.map((s) => [s.id, s.state, s.lockedAt])).toEqual([
      ["a", "LOCKED", T0],
      ["b", "LOCKED", at(900)],
      ["c", "LOCKED", at(900)],
    ]);
  });

  it("refuses while a group is still pitching or answering questions", () => {
    const c = clock({ currentSlotId: "a", slots: [slot("a", 0, "QUESTIONS", { phaseEndsAt: at(10) })] });
    expect(refused(c, { type: "CLOSE_SCORING" })).toMatch(/still pitching or answering questions/);
  });

  it("refuses while pitches are unheard, unless the chair leaves them unheard", () => {
    const c = clock({ currentSlotId: "a", slots: [slot("a", 0, "SCORING"), slot("b", 1), slot("c", 2)] });
    expect(refused(c, { type: "CLOSE_SCORING" })).toBe(
      "2 pitches have not been heard yet. Close scoring anyway only if those groups will not pitch: they will have no scores.",
    );
    const one = clock({ currentSlotId: "a", slots: [slot("a", 0, "SCORING"), slot("b", 1)] });
    expect(refused(one, { type: "CLOSE_SCORING" })).toMatch(/^1 pitch has not been heard yet.*that group.*it will/);
    const result = ok(c, { type: "CLOSE_SCORING", leaveUnheard: true });
    expect(result.clock.slots.map((s) => s.state)).toEqual(["LOCKED", "WAITING", "WAITING"]);
  });

  it("reopens scoring for the event with a reason, leaving pitches locked", () => {
    const closed = clock({ state: "SCORING_CLOSED", slots: [slot("a", 0, "LOCKED")] });
    const result = ok(closed, { type: "REOPEN_EVENT", reason: "A panellist's scores were queued offline" });
    expect(result.clock.state).toBe("LIVE");
    expect(slotOf(result.clock, "a").state).toBe("LOCKED");
    expect(refused(closed, { type: "REOPEN_EVENT", reason: "" })).toBe("Give a reason for reopening scoring for the event.");
    expect(refused(clock(), { type: "REOPEN_EVENT", reason: "x" })).toMatch(/cannot reopen scoring for the event because the event is live/);
  });

  it("refuses to close scoring twice or before the event is live", () => {
    expect(refused(clock({ state: "SCORING_CLOSED" }), { type: "CLOSE_SCORING" })).toMatch(/scoring for the event is closed/);
    expect(refused(clock({ state: "READY" }), { type: "CLOSE_SCORING" })).toMatch(/has not started yet/);
  });
});

describe("decided", () => {
  it("is reached only from scoring closed", () => {
    expect(ok(clock({ state: "SCORING_CLOSED" }), { type: "MARK_DECIDED" }).clock.state).toBe("DECIDED");
    expect(refused(clock({ state: "LIVE" }), { type: "MARK_DECIDED" })).toBe("Close scoring for the event before recording decisions.");
  });

  it("refuses every command once decided", () => {
    const decided = clock({ state: "DECIDED", slots: [slot("a", 0, "LOCKED")] });
    const commands: ChairCommand[] = [
      { type: "MARK_READY" },
      { type: "BACK_TO_DRAFT" },
      { type: "START" },
      { type: "NEXT" },
      { type: "PAUSE" },
      { type: "RESUME" },
      { type: "EXTEND" },
      { type: "LOCK", slotId: "a" },
      { type: "REOPEN", slotId: "a", reason: "x" },
      { type: "CLOSE_SCORING" },
      { type: "REOPEN_EVENT", reason: "x" },
      { type: "MARK_DECIDED" },
    ];
    for (const command of commands) expect(refused(decided, command)).toMatch(/decisions have been recorded/i);
  });
});

describe("stale commands (double taps and retries)", () => {
  it("accepts a command carrying the revision the chair saw and refuses it when repeated", () => {
    const c = clock({ currentSlotId: "a", slots: [slot("a", 0, "PITCHING", { phaseEndsAt: at(180) }), slot("b", 1)] });
    const seen = revision(c);
    const first = ok(c, { type: "EXTEND", revision: seen });
    expect(refused(first.clock, { type: "EXTEND", revision: seen })).toMatch(/changed on another screen/);
    expect(slotOf(first.clock, "a").phaseEndsAt).toEqual(at(210));
  });

  it("a repeated next does not skip questions", () => {
    const c = clock({ currentSlotId: "a", slots: [slot("a", 0, "PITCHING", { phaseEndsAt: at(180) })] });
    const seen = revision(c);
    const questions = ok(c, { type: "NEXT", revision: seen }).clock;
    expect(refused(questions, { type: "NEXT", revision: seen })).toMatch(/nothing was changed/);
  });

  it("the revision changes with every change the chair can cause", () => {
    const states: EventState[] = ["DRAFT", "READY", "LIVE"];
    const seen = new Set(states.map((state) => revision(clock({ state }))));
    const c = clock({ currentSlotId: "a", slots: [slot("a", 0, "PITCHING", { phaseEndsAt: at(180) })] });
    seen.add(revision(c));
    seen.add(revision(ok(c, { type: "PAUSE" }).clock));
    seen.add(revision(ok(c, { type: "EXTEND" }).clock));
    seen.add(revision(ok(c, { type: "NEXT" }).clock));
    expect(seen.size).toBe(7);
  });
});

describe("timer maths", () => {
  const running = { state: "PITCHING" as const, phaseEndsAt: at(180), pausedRemainingMs: null };

  it("counts down in whole seconds, rounding up until the very end", () => {
    expect(timerAt(running, T0)).toEqual({ phase: "PITCHING", paused: false, remainingMs: 180_000, remainingSeconds: 180, overtimeSeconds: 0, overtime: false });
    expect(timerAt(running, at(0.2))!.remainingSeconds).toBe(180);
    expect(timerAt(running, at(179.001))!.remainingSeconds).toBe(1);
    expect(timerAt(running, at(180))).toMatchObject({ remainingSeconds: 0, overtime: false });
  });

  it("counts overtime after the end", () => {
    expect(timerAt(running, at(180.5))).toMatchObject({ remainingSeconds: 0, overtime: true, overtimeSeconds: 0 });
    expect(timerAt(running, at(192.9))).toMatchObject({ overtime: true, overtimeSeconds: 12, remainingMs: -12_900 });
  });

  it("stands still while paused, whatever the time", () => {
    const paused = { state: "QUESTIONS" as const, phaseEndsAt: null, pausedRemainingMs: 61_000 };
    expect(timerAt(paused, at(0))).toMatchObject({ phase: "QUESTIONS", paused: true, remainingSeconds: 61 });
    expect(timerAt(paused, at(5000))).toMatchObject({ paused: true, remainingSeconds: 61 });
  });

  it("has no timer outside pitching and questions", () => {
    for (const state of ["WAITING", "SCORING", "LOCKED"] as const) {
      expect(timerAt({ state, phaseEndsAt: null, pausedRemainingMs: null }, T0)).toBeNull();
    }
  });

  it("formats the countdown and the overtime", () => {
    expect(formatTimer(timerAt(running, T0)!)).toBe("3:00");
    expect(formatTimer(timerAt(running, at(120.5))!)).toBe("1:00");
    expect(formatTimer(timerAt(running, at(171))!)).toBe("0:09");
    expect(formatTimer(timerAt(running, at(252))!)).toBe("+1:12");
  });

  it("writes clock times in the fund's time zone", () => {
    expect(clockTime(new Date("2027-01-14T18:05:00Z"), "Europe/London")).toBe("18:05");
    expect(clockTime(new Date("2027-07-14T18:05:00Z"), "Europe/London")).toBe("19:05");
  });
});
