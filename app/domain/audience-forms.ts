import * as z from "zod";

// The organiser's audience forms: a batch of printed tickets, and the paper-ballot counts
// entered twice by two different people (the model, app/models/audience.server.ts, checks the
// limits again and enforces "two different people").
//
// Interface:
//   ticketBatchSchema  -> { count }                       1 to MAX_TICKETS_PER_BATCH
//   paperFormSchema    -> { intent: "enter", bidId, count } | { intent: "resolve", bidId, count, note }
//   MAX_TICKETS_PER_BATCH, PAPER_NOTE_MAX

export const MAX_TICKETS_PER_BATCH = 500;
export const PAPER_NOTE_MAX = 500;
const PAPER_MAX = 100_000;

const wholeNumber = (message: string, min: number, max: number) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{1,7}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

export const ticketBatchSchema = z.object({
  count: wholeNumber(`Enter how many tickets to print, a whole number from 1 to ${MAX_TICKETS_PER_BATCH}.`, 1, MAX_TICKETS_PER_BATCH),
});

const bidId = z.string({ error: "Choose a pitch." }).trim().min(1, "Choose a pitch.");
const count = wholeNumber("Enter the number of paper votes as a whole number, 0 or more.", 0, PAPER_MAX);

export const paperFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("enter"), bidId, count }),
    z.object({
      intent: z.literal("resolve"),
      bidId,
      count,
      note: z
        .string({ error: "Add a note saying how the difference was settled (for example, a recount by whom)." })
        .trim()
        .min(1, "Add a note saying how the difference was settled (for example, a recount by whom).")
        .max(PAPER_NOTE_MAX, `The note must be ${PAPER_NOTE_MAX} characters or fewer.`),
    }),
  ],
  { error: "Use one of the buttons on the page." },
);
