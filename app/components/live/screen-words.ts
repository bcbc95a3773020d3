import { orderedSlots } from "~/domain/event-machine";
import type { LiveSlot, LiveState } from "~/domain/live-state";

// What the big screen says, as catalogue keys and their values (the screen says each in Welsh
// and English). The same choices as live-view.ts's phaseName, pitchNumber and scoredText,
// which the chair's page still uses in English.

export interface Said {
  key: string;
  values?: Record<string, string | number>;
}

export function phaseSaid(state: Pick<LiveState, "event" | "current"> & Partial<Pick<LiveState, "awards">>): Said {
  switch (state.event.state) {
    case "DRAFT":
    case "READY":
      return { key: "screen.phase.startingSoon" };
    case "SCORING_CLOSED":
      return { key: "screen.phase.scoringClosed" };
    case "DECIDED":
      return { key: state.awards ? "live.awards.heading" : "screen.phase.decided" };
    case "LIVE": {
      const current = state.current;
      if (!current) return { key: "screen.phase.welcome" };
      const paused = current.pausedRemainingMs !== null && (current.state === "PITCHING" || current.state === "QUESTIONS");
      return { key: paused ? "screen.phase.slotPaused" : "screen.phase.slot", values: { state: current.state } };
    }
  }
}

export function pitchNumberSaid(state: Pick<LiveState, "slots">, slot: Pick<LiveSlot, "id">): Said {
  const order = orderedSlots(state.slots);
  return { key: "screen.pitchNumber", values: { n: order.findIndex((s) => s.id === slot.id) + 1, total: order.length } };
}

export function scoredSaid(slot: Pick<LiveSlot, "scoredCount" | "recusalCount" | "quorum">): Said {
  const values = { scored: slot.scoredCount, eligible: slot.quorum.eligible, recused: slot.recusalCount };
  return { key: slot.recusalCount === 0 ? "screen.scored" : "screen.scoredRecused", values };
}
