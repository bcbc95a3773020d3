import * as z from "zod";
import { EMAIL_MAX, MESSAGE_MAX, MESSAGE_MIN, NAME_MAX, NOTE_MAX, PARTICIPANTS_MAX, PHONE_MAX, spentField, WHAT_WAS_DONE_MAX, WHAT_WAS_DONE_MIN } from "~/domain/grant-report-limits";
import { parsePounds, type Pence } from "~/domain/money";

// The end-of-grant report form and the funder's forms about it, read on the server. A draft
// takes whatever is well formed so far; sending it needs every answer. Its errors are catalogue
// keys (grant-report-limits.ts); the funder's forms below stay English, as staff pages do.

/** A field the form may leave out (an unchecked browser, a crafted post) reads as empty. */
function field<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === undefined ? "" : value), schema);
}

function amount(required: boolean) {
  return field(
    z
      .string()
      .trim()
      .transform((value, ctx): Pence | null => {
        if (value === "") {
          if (required)
            ctx.addIssue({
              code: "custom",
              message: "bid.report.error.spentMissing",
            });
          return null;
        }
        const pence = parsePounds(value);
        if (pence === null)
          ctx.addIssue({
            code: "custom",
            message: "bid.report.error.spentFormat",
          });
        return pence;
      })
  );
}

function optionalText(max: number, key: string) {
  return z.string().trim().max(max, key).default("");
}

export function reportSchema(
  lines: readonly { id: string; item: string }[],
  { submit }: { submit: boolean }
) {
  const spend = Object.fromEntries(
    lines.map((line) => [spentField(line.id), amount(submit)])
  );
  return z.object({
    whatWasDone: submit
      ? field(
          z
            .string()
            .trim()
            .min(WHAT_WAS_DONE_MIN, "bid.report.error.whatTooShort")
            .max(WHAT_WAS_DONE_MAX, "bid.report.error.whatTooLong")
        )
      : optionalText(WHAT_WAS_DONE_MAX, "bid.report.error.whatTooLong"),
    participants: field(
      z
        .string()
        .trim()
        .transform((value, ctx): number | null => {
          if (value === "") {
            if (submit)
              ctx.addIssue({
                code: "custom",
                message: "bid.report.error.participantsMissing",
              });
            return null;
          }
          const n = /^\d{1,7}$/.test(value.replace(/,/g, ""))
            ? Number(value.replace(/,/g, ""))
            : NaN;
          if (!Number.isInteger(n) || n > PARTICIPANTS_MAX)
            ctx.addIssue({
              code: "custom",
              message: "bid.report.error.participantsFormat",
            });
          return n;
        })
    ),
    ...spend,
    underspendNote: optionalText(NOTE_MAX, "bid.report.error.noteTooLong"),
    contactName: submit
      ? field(
          z
            .string()
            .trim()
            .min(1, "bid.report.error.nameMissing")
            .max(NAME_MAX, "bid.report.error.nameTooLong")
        )
      : optionalText(NAME_MAX, "bid.report.error.nameTooLong"),
    contactEmail: field(
      z
        .string()
        .trim()
        .max(EMAIL_MAX, "bid.report.error.emailTooLong")
        .refine(
          (value) =>
            value === "" ? !submit : z.email().safeParse(value).success,
          {
            message: "bid.report.error.email",
          }
        )
    ),
    contactPhone: optionalText(PHONE_MAX, "bid.report.error.phoneTooLong"),
  });
}

export type ReportInput = z.infer<ReturnType<typeof reportSchema>>;

/** What was spent per budget line, from a parsed report form. */
export function spentByLine(
  lines: readonly { id: string }[],
  input: Record<string, unknown>
): Map<string, Pence> {
  const out = new Map<string, Pence>();
  for (const line of lines) {
    const value = input[spentField(line.id)];
    if (typeof value === "number") out.set(line.id, value);
  }
  return out;
}

export const reviewSchema = z
  .object({
    decision: z.enum(["accept", "more"], {
      error: "Choose whether to accept the report or ask for more",
    }),
    message: z
      .string()
      .trim()
      .max(
        MESSAGE_MAX,
        `Keep the message to ${MESSAGE_MAX.toLocaleString(
          "en-GB"
        )} characters or fewer`
      )
      .default(""),
  })
  .superRefine((value, ctx) => {
    if (value.decision === "more" && value.message.length < MESSAGE_MIN) {
      ctx.addIssue({
        code: "custom",
        path: ["message"],
        message: `Tell the group what more you need, in at least ${MESSAGE_MIN} characters`,
      });
    }
  });

export function returnedSchema(today: string) {
  return z.object({
    amount: z
      .string()
      .trim()
      .transform((value, ctx) => {
        const pence = parsePounds(value);
        if (pence === null || pence <= 0) {
          ctx.addIssue({
            code: "custom",
            message: "Enter the amount returned in pounds, like 150 or 150.25",
          });
          return z.NEVER;
        }
        return pence;
      }),
    returnedOn: z
      .string()
      .trim()
      .transform((value, ctx) => {
        const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
        const day = match
          ? new Date(
              Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
            )
          : null;
        if (
          !day ||
          Number.isNaN(day.getTime()) ||
          day.toISOString().slice(0, 10) !== value
        ) {
          ctx.addIssue({
            code: "custom",
            message:
              "Enter the date the money came back, for example 2027-05-14",
          });
          return z.NEVER;
        }
        if (value > today) {
          ctx.addIssue({
            code: "custom",
            message: "The date cannot be in the future",
          });
          return z.NEVER;
        }
        return day;
      }),
  });
}
