import { formatTimer, orderedSlots, SLOT_STATE_LABELS, timerAt } from "~/domain/event-machine";
import { formatMoney } from "~/domain/money";
import type { LiveSlot, LiveState } from "~/domain/live-state";

// What the chair's page and the big screen say about the live state: pure, so it renders the
// same on the server and in the browser, and is tested without a browser.
//
// Interface:
//   clockOffset(serverNow, clientNowMs)     ms to add to this device's clock to get the server's
//   newer(current, incoming)                whether an arriving state should replace the shown one
//   countdownView(slot, serverNowMs)        { text: "2:59" | "+0:12 over", paused, overtime } | null
//   phaseName(state), announcement(state)   the phase in words; one sentence per phase change
//   nextUp(state), pitchNumber(state, slot), nextCommandLabel(state)
//   scoredText(slot, what?)                 "2 of 4 panellists have scored[ this pitch]" (counts, never scores)

export { clockOffset, newer } from "./live-freshness";

export interface CountdownView {
  /** "2:59" while time is left, "+0:12 over" once the phase has run over. */
  text: string;
  /** The figures alone ("2:59", "+0:12"), drawn large; "over" is drawn beside them. */
  clock: string;
  paused: boolean;
  overtime: boolean;
  /** Whole seconds left (0 once over time): for styling the last seconds. */
  remainingSeconds: number;
}

type TimedSlot = Pick<LiveSlot, "state" | "phaseEndsAt" | "pausedRemainingMs">;

export function countdownView(slot: TimedSlot | null, serverNowMs: number): CountdownView | null {
  if (!slot) return null;
  const view = timerAt(
    { state: slot.state, phaseEndsAt: slot.phaseEndsAt ? new Date(slot.phaseEndsAt) : null, pausedRemainingMs: slot.pausedRemainingMs },
    new Date(serverNowMs)
  );
  if (!view) return null;
  const clock = formatTimer(view);
  return {
    text: view.overtime ? `${clock} over` : clock,
    clock,
    paused: view.paused,
    overtime: view.overtime,
    remainingSeconds: view.remainingSeconds,
  };
}

/** The phase in a word or two, for the screen's heading and the chair's status line. */
export function phaseName(state: Pick<LiveState, "event" | "current"> & Partial<Pick<LiveState, "awards">>): string {
  switch (state.event.state) {
    case "DRAFT":
    case "READY":
      return "Starting soon";
    case "SCORING_CLOSED":
      return "Scoring closed";
    case "DECIDED":
      return state.awards ? "Tonight’s awards" : "Decisions made";
    case "LIVE":
      if (!state.current) return "Welcome";
      if (state.current.pausedRemainingMs !== null && (state.current.state === "PITCHING" || state.current.state === "QUESTIONS")) {
        return `${SLOT_STATE_LABELS[state.current.state]}, paused`;
      }
      return SLOT_STATE_LABELS[state.current.state];
  }
}

/**
 * One sentence that changes only when the phase does (never with the seconds), for an
 * aria-live region: screen reader users hear "Questions for Orchard Friends", not a ticking clock.
 */
export function announcement(state: Pick<LiveState, "event" | "current" | "slots"> & Partial<Pick<LiveState, "awards">>): string {
  switch (state.event.state) {
    case "DRAFT":
    case "READY":
      return "The event has not started yet.";
    case "SCORING_CLOSED":
      return state.event.resultsRevealed ? "Scoring has closed. The results are showing." : "Scoring has closed for the event.";
    case "DECIDED":
      return state.awards ? awardAnnouncement(state.awards) : "Decisions have been recorded for the event.";
    case "LIVE":
      break;
  }
  const current = state.current;
  if (!current) return "The event has started. The first pitch is coming up.";
  const who = current.groupName;
  switch (current.state) {
    case "PITCHING":
      return `${pitchNumber(state, current)}: ${who} is pitching.${current.pausedRemainingMs !== null ? " The timer is paused." : ""}`;
    case "QUESTIONS":
      return `Questions for ${who}.${current.pausedRemainingMs !== null ? " The timer is paused." : ""}`;
    case "SCORING":
      return `The panel is scoring ${who}.`;
    case "LOCKED":
      return `Scores for ${who} are locked.`;
    case "WAITING":
      return `${who} is up next.`;
  }
}

/** "Pitch 2 of 6", counting the running order as it stands. */
export function pitchNumber(state: Pick<LiveState, "slots">, slot: Pick<LiveSlot, "id">): string {
  const order = orderedSlots(state.slots);
  return `Pitch ${order.findIndex((s) => s.id === slot.id) + 1} of ${order.length}`;
}

/** The next group to pitch: the first waiting pitch in the running order. */
export function nextUp(state: Pick<LiveState, "slots">): LiveSlot | null {
  return orderedSlots(state.slots).find((slot) => slot.state === "WAITING") ?? null;
}

/** What the chair's Next button will do now, or null when it has nothing left to do. */
export function nextCommandLabel(state: Pick<LiveState, "event" | "current" | "slots">): string | null {
  if (state.event.state !== "LIVE") return null;
  const current = state.current;
  if (current?.state === "PITCHING") return "Next phase: questions";
  if (current?.state === "QUESTIONS") return "Next phase: panel scoring";
  const waiting = nextUp(state);
  return waiting ? `Start next pitch: ${waiting.groupName}` : null;
}

/** How many panellists have scored a pitch: counts only, never what they gave. */
export function scoredText(slot: Pick<LiveSlot, "scoredCount" | "recusalCount" | "quorum">, what = ""): string {
  const eligible = slot.quorum.eligible;
  const scored = slot.scoredCount;
  const text = `${scored} of ${eligible} ${eligible === 1 ? "panellist" : "panellists"} ${scored === 1 || eligible === 1 ? "has" : "have"} scored${what}`;
  if (slot.recusalCount === 0) return text;
  return `${text} (${slot.recusalCount} declared a conflict of interest)`;
}

/** The newest step of the awards reveal in a sentence: the group just revealed, or the totals. */
function awardAnnouncement(awards: NonNullable<LiveState["awards"]>): string {
  const money = (pence: number) => formatMoney(pence, awards.currency);
  if (awards.totals) {
    return `${money(awards.totals.awardedPence)} awarded tonight; ${money(awards.totals.potRemainingPence)} left in the fund.`;
  }
  const last = awards.rows.at(-1);
  if (!last) return "The awards are about to be revealed.";
  return `Awarded: ${last.groupName}, ${money(last.amountPence)}${last.partFunded ? " (part-funded)" : ""}.`;
}

/**
 * The running order as the projector lists it: at most `room` rows, so every row shown fits the
 * screen; when there are more pitches, the last row is kept for "and N more".
 */
export function screenOrder<T extends Pick<LiveSlot, "position">>(slots: readonly T[], room: number): { shown: T[]; more: number } {
  const order = orderedSlots(slots);
  if (order.length <= room) return { shown: order, more: 0 };
  const shown = order.slice(0, Math.max(room - 1, 0));
  return { shown, more: order.length - shown.length };
}
