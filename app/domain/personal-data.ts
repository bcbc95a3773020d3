import { addMonths, subMonths } from "date-fns";
import * as z from "zod";
import { formatDate } from "~/domain/zoned-time";

// A group's personal data is its contact's name, email address and phone number, kept apart
// from the bid (BidContact) so it can be erased while the bid, its decision, award and
// payments stay on record under the bid's pseudonymous id.

export const ERASED = "[erased]";

export const EXPORT_FORMAT = "pitchday-group-data/1";

export const NOTE_MAX = 500;

export const DEFAULT_RETENTION_MONTHS = 12;

/** Why contact details were erased. "retention" is used only by the scheduled clean-up. */
export const ERASURE_REASONS = {
  request: "The person asked us to erase their details",
  objection: "The person objected to us keeping their details",
  no_longer_needed: "We no longer need the details",
  retention: "The retention period ended",
} as const;

export type ErasureReason = keyof typeof ERASURE_REASONS;

export const STAFF_ERASURE_REASONS = ["request", "objection", "no_longer_needed"] as const satisfies readonly ErasureReason[];

// why: the note goes into the audit log, which can never be edited; an address or a phone
// number typed there could never be erased again.
const LOOKS_LIKE_EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const LOOKS_LIKE_PHONE = /(?:\+\d{1,3}[\s-]?|\b0)(?:\d[\s-]?){8,11}\d\b/;

export const eraseFormSchema = z.object({
  reason: z.enum(STAFF_ERASURE_REASONS, { error: "Choose why you are erasing the contact details." }),
  note: z
    .string()
    .trim()
    .max(NOTE_MAX, { error: `The note must be ${NOTE_MAX} characters or fewer.` })
    .refine((v) => !LOOKS_LIKE_EMAIL.test(v), { error: "Take the email address out of the note: the note is kept in the audit log for good." })
    .refine((v) => !LOOKS_LIKE_PHONE.test(v), { error: "Take the phone number out of the note: the note is kept in the audit log for good." })
    .default(""),
  confirm: z.literal("yes", { error: "Tick the box to confirm that the contact details should be erased." }),
});

export type EraseForm = z.infer<typeof eraseFormSchema>;

/** Contacts of bids in rounds that closed before this moment are past the retention period. */
export function retentionCutoff(now: Date, months: number): Date {
  return subMonths(now, months);
}

/** `--months` for the clean-up command: a whole number of months from 1 to 120. */
export function parseRetentionMonths(text: string | undefined): number | null {
  if (text === undefined) return DEFAULT_RETENTION_MONTHS;
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const months = Number(text.trim());
  return months >= 1 && months <= 120 ? months : null;
}

/**
 * What the personal-data page says about keeping a bid's contact details: erased automatically
 * this many months after its round closed (from this day, in the fund's zone), unless its award
 * is still being paid.
 */
export function retentionView(roundClosesAt: Date, awardStatus: string | null, timeZone: string) {
  return {
    months: DEFAULT_RETENTION_MONTHS,
    erasedFrom: formatDate(addMonths(roundClosesAt, DEFAULT_RETENTION_MONTHS), timeZone),
    awardOpen: awardStatus === "OFFERED" || awardStatus === "ACCEPTED",
  };
}
