import { fieldErrors } from "~/utils/forms";
import { chairFormSchema, panelInviteSchema, setupIntentSchema, slotMoveSchema } from "./event-forms";

describe("the chair's buttons", () => {
  it("turn each button into the command it names, carrying the screen's revision", () => {
    expect(chairFormSchema.parse({ intent: "next", revision: "LIVE.s1.PITCHING.1.-" })).toEqual({
      kind: "command",
      command: { type: "NEXT", revision: "LIVE.s1.PITCHING.1.-" },
    });
    expect(chairFormSchema.parse({ intent: "extend", revision: "r" })).toEqual({
      kind: "command",
      command: { type: "EXTEND", seconds: 30, revision: "r" },
    });
    expect(chairFormSchema.parse({ intent: "lock", slotId: "slot-2", revision: "r" })).toEqual({
      kind: "command",
      command: { type: "LOCK", slotId: "slot-2", revision: "r" },
    });
    expect(chairFormSchema.parse({ intent: "reveal" })).toEqual({ kind: "reveal" });
    expect(chairFormSchema.parse({ intent: "reveal-next", fromStep: "2" })).toEqual({ kind: "awards", mode: "next", fromStep: 2 });
    expect(chairFormSchema.parse({ intent: "reveal-all" })).toEqual({ kind: "awards", mode: "all" });
    expect(chairFormSchema.safeParse({ intent: "reveal-next", fromStep: "-1" }).success).toBe(false);
  });

  it("sends no revision check when the form had none", () => {
    expect(chairFormSchema.parse({ intent: "start", revision: "" })).toEqual({ kind: "command", command: { type: "START", revision: undefined } });
    expect(chairFormSchema.parse({ intent: "pause" })).toEqual({ kind: "command", command: { type: "PAUSE", revision: undefined } });
  });

  it("closes scoring over unheard pitches only when the box was ticked", () => {
    expect(chairFormSchema.parse({ intent: "close", revision: "r" })).toMatchObject({ command: { type: "CLOSE_SCORING", leaveUnheard: false } });
    expect(chairFormSchema.parse({ intent: "close", revision: "r", leaveUnheard: "yes" })).toMatchObject({
      command: { type: "CLOSE_SCORING", leaveUnheard: true },
    });
  });

  it("asks for a reason before reopening, next to the reason box", () => {
    const result = chairFormSchema.safeParse({ intent: "reopen", slotId: "slot-1", reason: "   " });
    expect(fieldErrors(result.error!)).toEqual({ reason: "Give a reason for reopening scoring for this pitch." });
    const event = chairFormSchema.safeParse({ intent: "reopen-event", reason: "x".repeat(501) });
    expect(fieldErrors(event.error!)).toEqual({ reason: "The reason must be 500 characters or fewer." });
    expect(chairFormSchema.parse({ intent: "reopen", slotId: "slot-1", reason: " Tom's phone died " })).toMatchObject({
      command: { type: "REOPEN", slotId: "slot-1", reason: "Tom's phone died" },
    });
  });

  it("refuses a lock that names no pitch and a button it does not know", () => {
    expect(fieldErrors(chairFormSchema.safeParse({ intent: "lock", slotId: "" }).error!)).toEqual({
      slotId: "Choose a pitch from the running order.",
    });
    expect(chairFormSchema.safeParse({ intent: "MARK_DECIDED" }).success).toBe(false);
  });
});

describe("the setup page's buttons", () => {
  it("knows its buttons", () => {
    expect(setupIntentSchema.parse({ intent: "invite" })).toEqual({ intent: "invite" });
    expect(setupIntentSchema.safeParse({ intent: "delete" }).success).toBe(false);
  });

  it("needs a panellist's name, trimmed, of a sensible length", () => {
    expect(panelInviteSchema.parse({ name: "  Priya Shah " })).toEqual({ name: "Priya Shah", email: null });
    expect(panelInviteSchema.parse({ name: "Priya Shah", email: " Priya@Example.org " })).toEqual({ name: "Priya Shah", email: "priya@example.org" });
    expect(fieldErrors(panelInviteSchema.safeParse({ name: "Priya Shah", email: "priya at example" }).error!)).toEqual({
      email: "Enter an email address in the correct format, like name@example.org, or leave it empty.",
    });
    expect(fieldErrors(panelInviteSchema.safeParse({ name: "Priya Shah", email: `${"a".repeat(250)}@example.org` }).error!)).toEqual({
      email: "The email address must be 254 characters or fewer.",
    });
    expect(fieldErrors(panelInviteSchema.safeParse({ name: " " }).error!)).toEqual({ name: "Enter the panellist's name." });
    expect(fieldErrors(panelInviteSchema.safeParse({ name: "a".repeat(101) }).error!)).toEqual({
      name: "The name must be 100 characters or fewer.",
    });
  });

  it("moves a pitch only up or down", () => {
    expect(slotMoveSchema.parse({ slotId: "s1", direction: "down" })).toEqual({ slotId: "s1", direction: "down" });
    expect(slotMoveSchema.safeParse({ slotId: "s1", direction: "sideways" }).success).toBe(false);
  });
});
