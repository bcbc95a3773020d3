import * as z from "zod";
import type { RevealMode } from "./award-reveal";
import { EXTEND_SECONDS, REASON_MAX, type ChairCommand } from "./event-machine";

// The small forms of the event pages, shared by the no-JavaScript POSTs and the pages:
// the chair's buttons (each a form carrying the `revision` its screen showed) and the
// running-order and panel buttons of the setup page.
//
// Interface:
//   chairFormSchema      -> { kind: "command", command: ChairCommand } | { kind: "reveal" }
//                           | { kind: "awards", mode: "next" | "all", fromStep? }
//   setupIntentSchema    -> which setup button was pressed
//   panelInviteSchema, panellistSchema, slotMoveSchema
//   PANELLIST_NAME_MAX, PANELLIST_EMAIL_MAX

export const PANELLIST_NAME_MAX = 100;

const id = (missing: string) => z.string({ error: missing }).trim().min(1, missing).max(100, missing);

// why: an empty or missing revision means "do not check" (a form built before the state was known).
const revision = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value ? value : undefined));

const reason = (doing: string) =>
  z
    .string({ error: `Give a reason for ${doing}.` })
    .trim()
    .min(1, `Give a reason for ${doing}.`)
    .max(REASON_MAX, `The reason must be ${REASON_MAX} characters or fewer.`);

const pitch = id("Choose a pitch from the running order.");

const chairForms = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("start"), revision }),
    z.object({ intent: z.literal("next"), revision }),
    z.object({ intent: z.literal("pause"), revision }),
    z.object({ intent: z.literal("resume"), revision }),
    z.object({ intent: z.literal("extend"), revision }),
    z.object({ intent: z.literal("lock"), revision, slotId: pitch }),
    z.object({ intent: z.literal("reopen"), revision, slotId: pitch, reason: reason("reopening scoring for this pitch") }),
    z.object({ intent: z.literal("close"), revision, leaveUnheard: z.literal("yes").optional() }),
    z.object({ intent: z.literal("reopen-event"), revision, reason: reason("reopening scoring for the event") }),
    z.object({ intent: z.literal("reveal") }),
    // why: fromStep is the reveal step the chair's page showed, so a double tap reveals one group, not two.
    z.object({ intent: z.literal("reveal-next"), fromStep: z.coerce.number().int().min(0).optional() }),
    z.object({ intent: z.literal("reveal-all") }),
  ],
  { error: "Choose one of the chair's buttons." }
);

export type ChairForm =
  | { kind: "command"; command: ChairCommand }
  | { kind: "reveal" }
  | { kind: "awards"; mode: RevealMode; fromStep?: number };

export const chairFormSchema = chairForms.transform((form): ChairForm => {
  switch (form.intent) {
    case "start":
      return { kind: "command", command: { type: "START", revision: form.revision } };
    case "next":
      return { kind: "command", command: { type: "NEXT", revision: form.revision } };
    case "pause":
      return { kind: "command", command: { type: "PAUSE", revision: form.revision } };
    case "resume":
      return { kind: "command", command: { type: "RESUME", revision: form.revision } };
    case "extend":
      return { kind: "command", command: { type: "EXTEND", seconds: EXTEND_SECONDS, revision: form.revision } };
    case "lock":
      return { kind: "command", command: { type: "LOCK", slotId: form.slotId, revision: form.revision } };
    case "reopen":
      return { kind: "command", command: { type: "REOPEN", slotId: form.slotId, reason: form.reason, revision: form.revision } };
    case "close":
      return { kind: "command", command: { type: "CLOSE_SCORING", leaveUnheard: form.leaveUnheard === "yes", revision: form.revision } };
    case "reopen-event":
      return { kind: "command", command: { type: "REOPEN_EVENT", reason: form.reason, revision: form.revision } };
    case "reveal":
      return { kind: "reveal" };
    case "reveal-next":
      return { kind: "awards", mode: "next", fromStep: form.fromStep };
    case "reveal-all":
      return { kind: "awards", mode: "all" };
  }
});

export const SETUP_INTENTS = ["details", "move", "refresh", "invite", "reissue", "revoke", "ready", "draft"] as const;
export type SetupIntent = (typeof SETUP_INTENTS)[number];

export const setupIntentSchema = z.object({
  intent: z.enum(SETUP_INTENTS, { error: "Choose one of the page's buttons." }),
});

export const PANELLIST_EMAIL_MAX = 254;

// why optional: some panellists get their link on paper or by text; an address given must be a real one.
const inviteEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(PANELLIST_EMAIL_MAX, `The email address must be ${PANELLIST_EMAIL_MAX} characters or fewer.`)
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(z.email("Enter an email address in the correct format, like name@example.org, or leave it empty.").nullable());

export const panelInviteSchema = z.object({
  name: z
    .string({ error: "Enter the panellist's name." })
    .trim()
    .min(1, "Enter the panellist's name.")
    .max(PANELLIST_NAME_MAX, `The name must be ${PANELLIST_NAME_MAX} characters or fewer.`),
  email: inviteEmail,
});

export const panellistSchema = z.object({ panellistId: id("Choose a panellist.") });

export const slotMoveSchema = z.object({
  slotId: pitch,
  direction: z.enum(["up", "down"], { error: "Choose whether the pitch moves up or down." }),
});
