import * as z from "zod";
import { CONFLICT_REASON_MAX } from "./panel-phone";

// A panellist declaring (or taking back) a conflict of interest on their phone. The panel model
// checks the same limits again (app/models/panel.server.ts) and refuses once a pitch is locked.
//
// Interface: conflictFormSchema -> { intent: "declare", bidId, reason } | { intent: "withdraw", bidId }

export const conflictFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("declare"),
    bidId: z.string({ error: "Choose the pitch you have a conflict with." }).min(1, "Choose the pitch you have a conflict with."),
    reason: z
      .string({ error: "Say briefly why you have a conflict, for example “I am a trustee of this group”." })
      .trim()
      .min(1, "Say briefly why you have a conflict, for example “I am a trustee of this group”.")
      .max(CONFLICT_REASON_MAX, `The reason must be ${CONFLICT_REASON_MAX} characters or fewer.`),
  }),
  z.object({
    intent: z.literal("withdraw"),
    bidId: z.string().min(1, "Choose the conflict to take back."),
  }),
], { error: "Use one of the buttons on the page." });

export type ConflictForm = z.infer<typeof conflictFormSchema>;
