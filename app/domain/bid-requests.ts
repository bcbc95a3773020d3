import * as z from "zod";
import { EMAIL, LIMITS } from "~/domain/bid";
import { normaliseReference } from "~/domain/reference";

// The two small forms around a bid, checked on the server only: the declaration given when a
// bid is submitted, and "Send me my link again" on a round page.

function firstString(value: unknown) {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? first : "";
}

export const declarationSchema = z.object({
  declaration: z.preprocess(
    firstString,
    z.literal("confirmed", { error: "Confirm that the information in your bid is correct" }),
  ),
});

export const linkRequestSchema = z.object({
  email: z.preprocess(
    firstString,
    z
      .string()
      .trim()
      .min(1, "Enter the email address you gave in your bid")
      .max(LIMITS.contactEmail, `Email address must be ${LIMITS.contactEmail} characters or fewer`)
      .regex(EMAIL, "Enter an email address in the correct format, like name@example.com"),
  ),
  reference: z.preprocess(
    firstString,
    z
      .string()
      .trim()
      .min(1, "Enter your bid reference, like PD-2026-0042")
      .max(30, "Enter a reference in the format PD-2026-0042")
      .refine((value) => normaliseReference(value) !== null, "Enter a reference in the format PD-2026-0042"),
  ),
});
