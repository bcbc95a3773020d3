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

/** Its messages are catalogue keys (namespace "round"), said in the page's language; the longest email is LIMITS.contactEmail. */
export const linkRequestSchema = z.object({
  email: z.preprocess(
    firstString,
    z
      .string()
      .trim()
      .min(1, "round.lostLink.error.emailMissing")
      .max(LIMITS.contactEmail, "round.lostLink.error.emailTooLong")
      .regex(EMAIL, "round.lostLink.error.emailWrong"),
  ),
  reference: z.preprocess(
    firstString,
    z
      .string()
      .trim()
      .min(1, "round.lostLink.error.referenceMissing")
      .max(30, "round.lostLink.error.referenceWrong")
      .refine((value) => normaliseReference(value) !== null, "round.lostLink.error.referenceWrong"),
  ),
});
