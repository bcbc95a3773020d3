import * as z from "zod";

// A group accepting its award's conditions through its private link. why a file of its own: the
// group's page must not carry the funders' form schemas (and zod with them) to a phone.

export const acceptSchema = z.object({
  signedName: z
    .string()
    .trim()
    .min(2, "Enter the full name of the person accepting for the group")
    .max(200, "Keep the name to 200 characters or fewer"),
  agree: z.literal("yes", { error: "Tick the box to confirm the group accepts the conditions" }),
});
