import { liveSlot } from "~/domain/live-slot-fixture";
import type { LiveSlot, LiveState } from "~/domain/live-state";
import { announcement, clockOffset, countdownView, newer, nextCommandLabel, nextUp, phaseName, pitchNumber, scoredText, screenOrder } from "./live-view";

const T0 = Date.parse("2027-05-14T18:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

const slot = liveSlot;

function state(
  over: { event?: Partial<LiveState["event"]>; slots?: LiveSlot[]; currentSlotId?: string | null; awards?: LiveState["awards"] } = {},
): LiveState {
  const slots = over.slots ?? [slot(0), slot(1), slot(2)];
  const currentSlotId = over.currentSlotId ?? null;
  return {
    version: 7,
    serverNow: iso(T0),
    revision: "r",
    event: {
      id: "event-1",
      title: "Spring pitch night",
      state: "LIVE",
      startsAt: iso(T0),
      venue: "Town Hall",
      pitchSeconds: 180,
      questionSeconds: 120,
      audienceMode: "NONE",
      votesPerPerson: 3,
      joinCode: null,
      resultsRevealed: false,
      ...over.event,
    },
    currentSlotId,
    current: slots.find((s) => s.id === currentSlotId) ?? null,
    slots,
    panel: { active: 4, joined: 4 },
    awards: over.awards ?? null,
    warnings: [],
  };
}

describe("the device clock against the server's", () => {
  it("takes the difference once, so a tablet 7 seconds fast still shows the server's time", () => {
    const offset = clockOffset(iso(T0), T0 + 7_000);
    expect(offset).toBe(-7_000);
    const pitching = slot(0, { state: "PITCHING", phaseEndsAt: iso(T0 + 180_000) });
    // One second later on the tablet's own (fast) clock:
    expect(countdownView(pitching, T0 + 8_000 + offset)?.text).toBe("2:59");
  });

  it("treats an unreadable server time as no difference", () => {
    expect(clockOffset("not a time", T0)).toBe(0);
  });

  it("keeps the newest state and takes the same version again for its fresher clock", () => {
    expect(newer(null, { version: 1 })).toBe(true);
    expect(newer({ version: 5 }, { version: 4 })).toBe(false);
    expect(newer({ version: 5 }, { version: 5 })).toBe(true);
    expect(newer({ version: 5 }, { version: 6 })).toBe(true);
  });
});

describe("the countdown", () => {
  const endsAt = iso(T0 + 180_000);

  it("counts down in minutes and seconds, reaching 0:00 exactly at the end", () => {
    const s = slot(0, { state: "PITCHING", phaseEndsAt: endsAt });
    expect(countdownView(s, T0)).toEqual({ text: "3:00", clock: "3:00", paused: false, overtime: false, remainingSeconds: 180 });
    expect(countdownView(s, T0 + 500)?.text).toBe("3:00");
    expect(countdownView(s, T0 + 1_000)?.text).toBe("2:59");
    expect(countdownView(s, T0 + 179_001)?.text).toBe("0:01");
    expect(countdownView(s, T0 + 180_000)?.text).toBe("0:00");
  });

  it("shows overtime as time over, not as a negative number", () => {
    const s = slot(0, { state: "QUESTIONS", phaseEndsAt: endsAt });
    expect(countdownView(s, T0 + 192_400)).toEqual({ text: "+0:12 over", clock: "+0:12", paused: false, overtime: true, remainingSeconds: 0 });
    expect(countdownView(s, T0 + 180_000 + 61_000)?.text).toBe("+1:01 over");
  });

  it("stands still while paused, whatever the time", () => {
    const s = slot(0, { state: "PITCHING", phaseEndsAt: null, pausedRemainingMs: 95_000 });
    expect(countdownView(s, T0)).toEqual({ text: "1:35", clock: "1:35", paused: true, overtime: false, remainingSeconds: 95 });
    expect(countdownView(s, T0 + 60_000)?.text).toBe("1:35");
    expect(countdownView(slot(0, { state: "PITCHING", pausedRemainingMs: -4_000 }), T0)).toMatchObject({ text: "+0:04 over", paused: true });
  });

  it("has nothing to show when no timed phase is running", () => {
    expect(countdownView(null, T0)).toBeNull();
    expect(countdownView(slot(0, { state: "SCORING" }), T0)).toBeNull();
    expect(countdownView(slot(0, { state: "WAITING" }), T0)).toBeNull();
  });
});

describe("what the screen says", () => {
  it("names the phase", () => {
    expect(phaseName(state({ event: { state: "READY" } }))).toBe("Starting soon");
    expect(phaseName(state())).toBe("Welcome");
    const slots = [slot(0, { state: "QUESTIONS", phaseEndsAt: iso(T0) }), slot(1)];
    expect(phaseName(state({ slots, currentSlotId: "slot-0" }))).toBe("Questions");
    expect(phaseName(state({ event: { state: "SCORING_CLOSED" } }))).toBe("Scoring closed");
    const paused = [slot(0, { state: "PITCHING", pausedRemainingMs: 1_000 })];
    expect(phaseName(state({ slots: paused, currentSlotId: "slot-0" }))).toBe("Pitching, paused");
  });

  it("announces phase changes in a sentence that does not change with the seconds", () => {
    const pitching = (ms: number) => state({ slots: [slot(0, { state: "PITCHING", phaseEndsAt: iso(T0 + ms) }), slot(1)], currentSlotId: "slot-0" });
    expect(announcement(pitching(180_000))).toBe("Pitch 1 of 2: Group 0 is pitching.");
    // +30 seconds moves the end time but is not a phase change:
    expect(announcement(pitching(210_000))).toBe(announcement(pitching(180_000)));
    const paused = state({ slots: [slot(0, { state: "PITCHING", pausedRemainingMs: 5_000 })], currentSlotId: "slot-0" });
    expect(announcement(paused)).toBe("Pitch 1 of 1: Group 0 is pitching. The timer is paused.");
    const scoring = state({ slots: [slot(0, { state: "SCORING" })], currentSlotId: "slot-0" });
    expect(announcement(scoring)).toBe("The panel is scoring Group 0.");
    expect(announcement(state({ event: { state: "SCORING_CLOSED", resultsRevealed: true } }))).toBe("Scoring has closed. The results are showing.");
  });

  it("names each award as it is revealed, then the totals", () => {
    const row = { bidId: "b1", reference: "PD-2026-0001", groupName: "Group 1", projectTitle: "Shed tools", amountPence: 200_000, partFunded: true, requestedPence: 240_000 };
    const decided = (awards: LiveState["awards"]) => state({ event: { state: "DECIDED" }, awards });
    expect(phaseName(decided(null))).toBe("Decisions made");
    expect(announcement(decided(null))).toBe("Decisions have been recorded for the event.");
    const one = decided({ step: 1, rows: [row], complete: false, totals: null, currency: "GBP" });
    expect(phaseName(one)).toBe("Tonight’s awards");
    expect(announcement(one)).toBe("Awarded: Group 1, £2,000 (part-funded).");
    const done = decided({ step: 2, rows: [row], complete: true, totals: { awardedPence: 200_000, potRemainingPence: 50_050 }, currency: "GBP" });
    expect(announcement(done)).toBe("£2,000 awarded tonight; £500.50 left in the fund.");
  });

  it("says who is next and numbers pitches by the running order, gaps and all", () => {
    const slots = [slot(4, { state: "LOCKED" }), slot(9), slot(2, { state: "SCORING" })];
    const s = state({ slots, currentSlotId: "slot-2" });
    expect(nextUp(s)?.groupName).toBe("Group 9");
    expect(pitchNumber(s, { id: "slot-9" })).toBe("Pitch 3 of 3");
    expect(nextUp(state({ slots: [slot(0, { state: "LOCKED" })] }))).toBeNull();
  });

  it("labels the chair's Next button with what it will do", () => {
    expect(nextCommandLabel(state())).toBe("Start next pitch: Group 0");
    const pitching = state({ slots: [slot(0, { state: "PITCHING" }), slot(1)], currentSlotId: "slot-0" });
    expect(nextCommandLabel(pitching)).toBe("Next phase: questions");
    const questions = state({ slots: [slot(0, { state: "QUESTIONS" }), slot(1)], currentSlotId: "slot-0" });
    expect(nextCommandLabel(questions)).toBe("Next phase: panel scoring");
    const scoring = state({ slots: [slot(0, { state: "SCORING" }), slot(1)], currentSlotId: "slot-0" });
    expect(nextCommandLabel(scoring)).toBe("Start next pitch: Group 1");
    expect(nextCommandLabel(state({ slots: [slot(0, { state: "SCORING" })], currentSlotId: "slot-0" }))).toBeNull();
    expect(nextCommandLabel(state({ event: { state: "READY" } }))).toBeNull();
  });

  it("counts who has scored, never what they gave", () => {
    expect(scoredText(slot(0, { scoredCount: 2 }))).toBe("2 of 4 panellists have scored");
    expect(scoredText(slot(0, { scoredCount: 1 }))).toBe("1 of 4 panellists has scored");
    const recused = slot(0, { scoredCount: 0, recusalCount: 1, quorum: { state: "SHORT", required: 3, eligible: 1, scored: 0, warning: "x" } });
    expect(scoredText(recused)).toBe("0 of 1 panellist has scored (1 declared a conflict of interest)");
    expect(scoredText(recused, " this pitch")).toBe("0 of 1 panellist has scored this pitch (1 declared a conflict of interest)");
  });
});

describe("the running order on the projector", () => {
  const many = Array.from({ length: 13 }, (_, n) => slot(12 - n));

  it("lists every pitch in running order when they all fit", () => {
    const { shown, more } = screenOrder(many, 13);
    expect(shown.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(more).toBe(0);
  });

  it("keeps the last row for how many more there are when they do not", () => {
    const { shown, more } = screenOrder(many, 10);
    expect(shown.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(more).toBe(4);
    expect(shown.length + 1).toBe(10);
  });
});
