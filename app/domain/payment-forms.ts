import * as z from "zod";
import { CONDITIONS_MAX, CONDITIONS_MIN, FEEDBACK_MAX, PAYMENT_METHODS, REASON_MAX, REASON_MIN, REFERENCE_MAX } from "~/domain/payment";

// The small forms after the decision (conditions, acceptance, payment, cancelling, feedback),
// read on the server. why a file of its own: zod stays out of the pages that only need the
// limits and labels in payment.ts.

export const conditionsSchema = z.object({
  conditions: z
    .string()
    .trim()
    .min(CONDITIONS_MIN, `Enter the conditions of the award, in at least ${CONDITIONS_MIN} characters`)
    .max(CONDITIONS_MAX, `Keep the conditions to ${CONDITIONS_MAX.toLocaleString("en-GB")} characters or fewer`),
});

export const paymentRequestSchema = z.object({
  method: z.enum(PAYMENT_METHODS, { error: "Choose how the award will be paid" }),
});

/** A calendar day typed as YYYY-MM-DD (a date input) or DD/MM/YYYY, as UTC midnight; null when not a real day. */
export function parseDay(input: string): Date | null {
  const text = input.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** `today` is the calendar day in the fund's time zone as YYYY-MM-DD. */
export function manualPaymentSchema(today: string) {
  return z.object({
    reference: z
      .string()
      .trim()
      .min(1, "Enter the cheque number or the bank transfer's reference")
      .max(REFERENCE_MAX, `Keep the reference to ${REFERENCE_MAX} characters or fewer`),
    paidOn: z
      .string()
      .trim()
      .min(1, "Enter the date the payment was made")
      .transform((value, ctx) => {
        const day = parseDay(value);
        if (!day) {
          ctx.addIssue({ code: "custom", message: "Enter a real date, for example 14/05/2027" });
          return z.NEVER;
        }
        if (day.toISOString().slice(0, 10) > today) {
          ctx.addIssue({ code: "custom", message: "The payment date cannot be in the future" });
          return z.NEVER;
        }
        return day;
      }),
  });
}

export const cancelSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(REASON_MIN, `Explain why, in at least ${REASON_MIN} characters`)
    .max(REASON_MAX, `Keep the reason to ${REASON_MAX} characters or fewer`),
});

export const feedbackSchema = z
  .string()
  .trim()
  .max(FEEDBACK_MAX, `Keep the feedback to ${FEEDBACK_MAX.toLocaleString("en-GB")} characters or fewer`);
