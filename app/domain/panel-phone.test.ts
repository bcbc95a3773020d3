import { COMMENT_MAX, itemFieldName, scoreSheetSchema, sheetErrors } from "./score-sheet";
import { conflictFormSchema } from "./conflict-form";
import {
  CONFLICT_REASON_MAX,
  conflictsOpen,
  padPitch,
  missingScore,
  SCORE_COMMENT_MAX,
  scoreFieldName,
  scoringNoteCase,
  scoringOpen,
} from "./panel-phone";
import { EVENT_STATES, SLOT_STATES } from "./event-machine";

describe("what the panellist's phone offers for a pitch", () => {
  it("shows the score pad from the questions until the lock, only while the event is live", () => {
    const open = SLOT_STATES.filter((slot) => scoringOpen("LIVE", slot));
    expect(open).toEqual(["QUESTIONS", "SCORING"]);
    for (const event of EVENT_STATES.filter((e) => e !== "LIVE")) {
      expect(SLOT_STATES.some((slot) => scoringOpen(event, slot))).toBe(false);
    }
  });

  it("explains every state without a score pad, and says nothing when the pad is there", () => {
    for (const event of EVENT_STATES) {
      for (const slot of SLOT_STATES) {
        const note = scoringNoteCase(event, slot);
        expect(note === null).toBe(scoringOpen(event, slot));
      }
    }
    expect(scoringNoteCase("LIVE", "PITCHING")).toBe("pitching");
    expect(scoringNoteCase("LIVE", "LOCKED")).toBe("locked");
    expect(scoringNoteCase("SCORING_CLOSED", "SCORING")).toBe("eventClosed");
  });

  it("lets conflicts change before the event and until the pitch is locked", () => {
    expect(conflictsOpen("DRAFT", "WAITING")).toBe(true);
    expect(conflictsOpen("LIVE", "SCORING")).toBe(true);
    expect(conflictsOpen("LIVE", "LOCKED")).toBe(false);
    expect(conflictsOpen("SCORING_CLOSED", "SCORING")).toBe(false);
    expect(conflictsOpen("DECIDED", "WAITING")).toBe(false);
  });

  it("words a blank criterion exactly as the server does", () => {
    const criterion = { id: "c1", name: "Need", scaleMin: 1, scaleMax: 5 };
    const result = scoreSheetSchema([criterion]).safeParse({ clientMutationId: "6f1c1c1e-1f0a-4c1a-9a0e-0c1b2d3e4f50" });
    expect(result.success).toBe(false);
    expect(sheetErrors(result.error!)).toEqual({ "items.c1": missingScore(criterion) });
  });

  it("names fields and limits exactly as the server's schemas", () => {
    expect(scoreFieldName("ck123")).toBe(itemFieldName("ck123"));
    expect(SCORE_COMMENT_MAX).toBe(COMMENT_MAX);
    const reason = (length: number) => conflictFormSchema.safeParse({ intent: "declare", bidId: "b", reason: "x".repeat(length) }).success;
    expect(reason(CONFLICT_REASON_MAX)).toBe(true);
    expect(reason(CONFLICT_REASON_MAX + 1)).toBe(false);
  });
});

describe("which pitch the score pad shows", () => {
  const pitch = (bidId: string, recused = false) => ({ bidId, recused });
  const [a, b, c] = [pitch("a"), pitch("b"), pitch("c")];
  const none = () => false;

  it("shows a score still waiting to be sent before anything else, never a recused pitch's", () => {
    const unsettled = (p: { bidId: string }) => p.bidId === "a";
    expect(padPitch([a, b, c], c, { isOpen: () => true, isUnsettled: unsettled, isSaved: none })).toBe(a);
    const recusedA = pitch("a", true);
    expect(padPitch([recusedA, b], null, { isOpen: none, isUnsettled: unsettled, isSaved: none })).toBeNull();
  });

  it("shows the pitch on stage once it can be scored", () => {
    expect(padPitch([a, b, c], b, { isOpen: (p) => p === b, isUnsettled: none, isSaved: none })).toBe(b);
  });

  it("while the next group pitches, shows the last open pitch not yet scored, and nothing once all are", () => {
    const open = (p: { bidId: string }) => p.bidId !== "c";
    expect(padPitch([a, b, c], c, { isOpen: open, isUnsettled: none, isSaved: (p) => p === b })).toBe(a);
    expect(padPitch([a, b, c], c, { isOpen: open, isUnsettled: none, isSaved: () => true })).toBeNull();
  });
});
