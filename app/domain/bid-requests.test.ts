import { declarationSchema, linkRequestSchema } from "~/domain/bid-requests";
import { fieldErrors } from "~/utils/forms";

describe("declaration", () => {
  it("must be ticked", () => {
    expect(declarationSchema.safeParse({ declaration: "confirmed" }).success).toBe(true);
    const refused = declarationSchema.safeParse({});
    expect(refused.success ? null : fieldErrors(refused.error)).toEqual({
      declaration: "Confirm that the information in your bid is correct",
    });
  });
});

describe("asking for the link again", () => {
  it("needs an email address and a reference in our format", () => {
    expect(linkRequestSchema.safeParse({ email: " jo@example.org ", reference: "pd-2026-42" }).success).toBe(true);
    const refused = linkRequestSchema.safeParse({ email: "jo", reference: "12345" });
    expect(refused.success ? null : fieldErrors(refused.error)).toEqual({
      email: "Enter an email address in the correct format, like name@example.com",
      reference: "Enter a reference in the format PD-2026-0042",
    });
    const empty = linkRequestSchema.safeParse({});
    expect(empty.success ? null : fieldErrors(empty.error)).toEqual({
      email: "Enter the email address you gave in your bid",
      reference: "Enter your bid reference, like PD-2026-0042",
    });
  });
});
