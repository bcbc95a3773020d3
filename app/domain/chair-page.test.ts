import { liveSlot } from "~/domain/live-slot-fixture";
import { chairPageView, failedHere, failedPress, reasonFieldId, recusedNames } from "./chair-page";

const slot = liveSlot;

const shortWarning = { state: "SHORT" as const, required: 3, eligible: 2, scored: 0, warning: "Only 2 panellists can score this pitch." };

describe("the chair's page", () => {
  it("names who declared a conflict on each pitch, marking removed panellists", () => {
    const names = recusedNames([
      { name: "Ann", status: "JOINED", conflicts: [{ bidId: "bid-1" }, { bidId: "bid-2" }] },
      { name: "Tom", status: "REVOKED", conflicts: [{ bidId: "bid-1" }] },
      { name: "Sam", status: "INVITED", conflicts: [] },
    ]);
    expect(names).toEqual({ "bid-1": ["Ann", "Tom (removed)"], "bid-2": ["Ann"] });
  });

  it("offers the timer while a pitch or its questions run, and says when it is paused", () => {
    const pitching = slot(0, { state: "PITCHING", phaseEndsAt: "2027-05-14T18:03:00Z" });
    expect(chairPageView({ current: pitching, slots: [pitching], warnings: [] })).toMatchObject({ timed: true, paused: false });
    const paused = slot(0, { state: "QUESTIONS", pausedRemainingMs: 40_000 });
    expect(chairPageView({ current: paused, slots: [paused], warnings: [] })).toMatchObject({ timed: true, paused: true });
    const scoring = slot(0, { state: "SCORING", pausedRemainingMs: 40_000 });
    expect(chairPageView({ current: scoring, slots: [scoring], warnings: [] })).toMatchObject({ timed: false, paused: false });
    expect(chairPageView({ current: null, slots: [], warnings: [] })).toMatchObject({ timed: false, paused: false });
  });

  it("counts the pitches not yet heard", () => {
    const slots = [slot(0, { state: "LOCKED" }), slot(1, { state: "SCORING" }), slot(2), slot(3)];
    expect(chairPageView({ current: slots[1], slots, warnings: [] }).unheard).toBe(2);
  });

  it("lists quorum warnings only for pitches the chair can still help, and only when the event warns", () => {
    const slots = [slot(0, { state: "LOCKED", quorum: shortWarning }), slot(1, { quorum: shortWarning }), slot(2)];
    expect(chairPageView({ current: null, slots, warnings: ["Quorum"] }).warnings.map((s) => s.id)).toEqual(["slot-1"]);
    expect(chairPageView({ current: null, slots, warnings: [] }).warnings).toEqual([]);
  });

  it("puts a refused reopen's reason back in the box it was typed in, with its error", () => {
    const failed = failedPress({ errors: { reason: "Say why." }, values: { intent: "reopen", slotId: "slot-2", reason: "Tom lost Wi-Fi" } });
    expect(failed).toEqual({ intent: "reopen", slotId: "slot-2", reason: "Tom lost Wi-Fi", reasonError: "Say why." });
    expect(failedHere(failed, "reopen", "slot-2")).toBe(true);
    expect(failedHere(failed, "reopen", "slot-1")).toBe(false);
    expect(failedHere(failed, "reopen-event")).toBe(false);
    expect(reasonFieldId(failed.intent, failed.slotId)).toBe("reason-slot-2");
  });

  it("links the event's reopen error to the event's reason box, and reads nothing from no answer", () => {
    const failed = failedPress({ errors: { reason: "Say why." }, values: { intent: "reopen-event", reason: ["odd"] } });
    expect(failedHere(failed, "reopen-event")).toBe(true);
    expect(failed.reason).toBe("");
    expect(reasonFieldId(failed.intent, failed.slotId)).toBe("reason-event");
    expect(failedPress(undefined)).toEqual({ intent: null, slotId: null, reason: "", reasonError: undefined });
  });
});
