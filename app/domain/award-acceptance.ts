import * as z from "zod";

// A group accepting its award's conditions through its private link. why a file of its own: the
// group's page must not carry the funders' form schemas (and zod with them) to a phone.
// Errors are catalogue keys (the page says them in its language; staff pages in English).

export const SIGNED_NAME_MAX = 200;

export const acceptSchema = z.object({
  signedName: z.string().trim().min(2, "bid.accept.error.nameMissing").max(SIGNED_NAME_MAX, "bid.accept.error.nameTooLong"),
  agree: z.literal("yes", { error: "bid.accept.error.agree" }),
});
