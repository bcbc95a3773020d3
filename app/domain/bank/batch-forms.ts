import * as z from "zod";
import { BACS_NAME_WIDTH, bacsText } from "~/domain/bank/bacs-standard18";
import { modulusCheck } from "~/domain/bank/modulus";
import { REASON_MAX, REASON_MIN } from "~/domain/payment";

// The bulk-payment file's forms, read on the server: making a batch (which payments, the
// funder's own account they come from, the day the bank should pay), confirming that the bank
// took it, and calling it off.

const digits = (text: string) => text.replace(/[\s-]/g, "");

/** "2027-05-14" or "14/05/2027" -> "2027-05-14"; null when not a real day. */
export function parseDay(input: string): string | null {
  const text = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]].map(Number) : uk ? [uk[3], uk[2], uk[1]].map(Number) : [NaN, NaN, NaN];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => [...new Set([value ?? []].flat().filter(Boolean))])
  .pipe(z.array(z.string()).min(1, "Choose at least one payment to put in the file"));

/** `today` is the fund's calendar day, YYYY-MM-DD; a processing day is today or up to 31 days on. */
export function batchCreateSchema(today: string) {
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + 31 * 86_400_000).toISOString().slice(0, 10);
  return z
    .object({
      paymentIds: ids,
      originName: z.string().trim().default(""),
      originSortCode: z.string().default("").transform(digits),
      originAccountNumber: z.string().default("").transform(digits),
      processingDay: z.string().default(""),
    })
    .superRefine((v, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
      if (!v.originName) issue("originName", "Enter the name on the account the payments come from");
      else if (!bacsText(v.originName, BACS_NAME_WIDTH).trim()) issue("originName", "Use letters or digits in the account name");
      const sortOk = /^\d{6}$/.test(v.originSortCode);
      if (!v.originSortCode) issue("originSortCode", "Enter the sort code of the account the payments come from");
      else if (!sortOk) issue("originSortCode", "Enter a sort code of 6 digits, like 30-94-57");
      if (!v.originAccountNumber) issue("originAccountNumber", "Enter the account number the payments come from");
      else if (!/^\d{8}$/.test(v.originAccountNumber)) issue("originAccountNumber", "Enter an account number of 8 digits");
      else if (sortOk && modulusCheck(v.originSortCode, v.originAccountNumber) === "invalid") {
        issue("originAccountNumber", "This account number does not go with that sort code. Check both against a bank statement");
      }
      const day = parseDay(v.processingDay);
      if (!v.processingDay.trim()) issue("processingDay", "Enter the day the bank should pay");
      else if (!day) issue("processingDay", "Enter a real date, for example 14/05/2027");
      else if (day < today) issue("processingDay", "The day to pay cannot be in the past");
      else if (day > latest) issue("processingDay", "Choose a day within the next 31 days");
    })
    .transform((v) => ({
      paymentIds: v.paymentIds,
      origin: { name: v.originName, sortCode: v.originSortCode, accountNumber: v.originAccountNumber },
      processingDay: parseDay(v.processingDay) as string,
    }));
}

export type BatchCreateInput = z.infer<ReturnType<typeof batchCreateSchema>>;

export function batchConfirmSchema(today: string) {
  return z.object({
    taken: z.literal("yes", { error: "Tick to confirm that the bank has taken the file" }),
    paidOn: z
      .string()
      .trim()
      .min(1, "Enter the day the bank took the file")
      .transform((value, ctx) => {
        const day = parseDay(value);
        if (!day) ctx.addIssue({ code: "custom", message: "Enter a real date, for example 14/05/2027" });
        else if (day > today) ctx.addIssue({ code: "custom", message: "The day cannot be in the future" });
        return day ?? "";
      }),
  });
}

export const batchCancelSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(REASON_MIN, `Explain why, in at least ${REASON_MIN} characters`)
    .max(REASON_MAX, `Keep the reason to ${REASON_MAX} characters or fewer`),
});
