import * as z from "zod";
import { CONFLICT_REASON_MAX } from "./panel-phone";

// A panellist declaring (or taking back) a conflict of interest on their phone. The panel model
// checks the same limits again (app/models/panel.server.ts) and refuses once a pitch is locked.
//
// Interface: conflictFormSchema -> { intent: "declare", bidId, reason } | { intent: "withdraw", bidId }
// Its errors are catalogue keys (panel.conflicts.error.*; the reason's limit is said with { max }).

export const conflictFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("declare"),
    bidId: z.string({ error: "panel.conflicts.error.which" }).min(1, "panel.conflicts.error.which"),
    reason: z
      .string({ error: "panel.conflicts.error.reason" })
      .trim()
      .min(1, "panel.conflicts.error.reason")
      .max(CONFLICT_REASON_MAX, "panel.conflicts.error.reasonTooLong"),
  }),
  z.object({
    intent: z.literal("withdraw"),
    bidId: z.string({ error: "panel.conflicts.error.withdrawWhich" }).min(1, "panel.conflicts.error.withdrawWhich"),
  }),
], { error: "panel.conflicts.error.button" });

export type ConflictForm = z.infer<typeof conflictFormSchema>;
