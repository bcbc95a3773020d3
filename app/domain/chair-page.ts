import type { LiveSlot, LiveState } from "~/domain/live-state";

// What the chair's controls work out from the live state and from a refused press, apart from
// the markup. Pure: the loader and the page pass what they read.
//
// Interface:
//   recusedNames(panel)          -> { bidId: ["Ann", "Tom (removed)"] }: who declared a conflict on which pitch
//   chairPageView(state)         -> { timed, paused, unheard, warnings }
//   failedPress(actionData)      -> the refused press's intent, slot and typed reason (for putting them back)
//   reasonFieldId(intent, slot)  -> the reason box's id, so an error summary can link to it

/** The parts of a panellist the chair's page reads (listPanel's rows fit it). */
export interface RecusingPanellist {
  name: string;
  status: string;
  conflicts: { bidId: string }[];
}

/** Staff only: names of who declared a conflict on each pitch (the public state has counts only). */
export function recusedNames(panel: RecusingPanellist[]): Record<string, string[]> {
  const recused: Record<string, string[]> = {};
  for (const p of panel) {
    for (const c of p.conflicts) (recused[c.bidId] ??= []).push(p.status === "REVOKED" ? `${p.name} (removed)` : p.name);
  }
  return recused;
}

export interface ChairPageView {
  /** The current pitch's clock is running (pitch or questions), so pause and +30 s apply. */
  timed: boolean;
  paused: boolean;
  /** Pitches not yet heard: closing the event leaves them without scores. */
  unheard: number;
  /** Quorum warnings the chair can still act on (a substitute before the pitch, a late score before the lock). */
  warnings: LiveSlot[];
}

export function chairPageView(state: Pick<LiveState, "current" | "slots" | "warnings">): ChairPageView {
  const { current } = state;
  const timed = current?.state === "PITCHING" || current?.state === "QUESTIONS";
  return {
    timed,
    paused: timed && current?.pausedRemainingMs !== null,
    unheard: state.slots.filter((s) => s.state === "WAITING").length,
    warnings: state.warnings.length ? state.slots.filter((s) => s.quorum.warning && s.state !== "LOCKED") : [],
  };
}

/** What the chair's action answers with when a press is refused. */
export interface ChairActionData {
  problem?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
}

export interface FailedPress {
  intent: string | null;
  slotId: string | null;
  /** The reason as typed, put back in its box. */
  reason: string;
  reasonError: string | undefined;
}

export function failedPress(result: ChairActionData | undefined): FailedPress {
  const text = (name: string) => {
    const value = result?.values?.[name];
    return typeof value === "string" ? value : null;
  };
  return { intent: text("intent"), slotId: text("slotId"), reason: text("reason") ?? "", reasonError: result?.errors?.reason };
}

/** Whether the refused press was this reopen button's (the event's, or one pitch's). */
export function failedHere(failed: FailedPress, intent: "reopen" | "reopen-event", slotId: string | null = null) {
  return failed.intent === intent && (intent === "reopen-event" || failed.slotId === slotId);
}

export function reasonFieldId(intent: string | null, slotId: string | null) {
  return intent === "reopen" && slotId ? `reason-${slotId}` : "reason-event";
}
