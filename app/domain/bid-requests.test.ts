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
      email: "round.lostLink.error.emailWrong",
      reference: "round.lostLink.error.referenceWrong",
    });
    const empty = linkRequestSchema.safeParse({});
    expect(empty.success ? null : fieldErrors(empty.error)).toEqual({
      email: "round.lostLink.error.emailMissing",
      reference: "round.lostLink.error.referenceMissing",
    });
  });
});
