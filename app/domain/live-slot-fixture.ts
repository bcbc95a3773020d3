import type { LiveSlot } from "~/domain/live-state";

// For tests of the pure live views: pitch n of an event, waiting, with anything overridden.

export function liveSlot(n: number, over: Partial<LiveSlot> = {}): LiveSlot {
  return {
    id: `slot-${n}`,
    position: n,
    bidId: `bid-${n}`,
    bidReference: `PD-2027-000${n}`,
    projectTitle: `Project ${n}`,
    groupName: `Group ${n}`,
    state: "WAITING",
    phaseEndsAt: null,
    pausedRemainingMs: null,
    lockedAt: null,
    scoredCount: 0,
    recusalCount: 0,
    quorum: { state: "WAITING", required: 3, eligible: 4, scored: 0, warning: null },
    audience: null,
    ...over,
  };
}
