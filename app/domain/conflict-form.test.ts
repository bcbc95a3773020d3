import { parseForm } from "~/utils/forms";
import { conflictFormSchema } from "./conflict-form";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

describe("the conflict of interest form", () => {
  it("takes a pitch and a trimmed reason", () => {
    expect(parseForm(conflictFormSchema, form({ intent: "declare", bidId: "b1", reason: "  I am a trustee  " }))).toMatchObject({
      ok: true,
      data: { intent: "declare", bidId: "b1", reason: "I am a trustee" },
    });
  });

  it("names the pitch and the reason when either is missing, keeping what was typed", () => {
    const result = parseForm(conflictFormSchema, form({ intent: "declare", reason: "   " }));
    expect(result).toMatchObject({
      ok: false,
      errors: {
        bidId: "Choose the pitch you have a conflict with.",
        reason: "Say briefly why you have a conflict, for example “I am a trustee of this group”.",
      },
      values: { reason: "   " },
    });
  });

  it("limits the reason to 500 characters", () => {
    const result = parseForm(conflictFormSchema, form({ intent: "declare", bidId: "b1", reason: "x".repeat(501) }));
    expect(result).toMatchObject({ ok: false, errors: { reason: "The reason must be 500 characters or fewer." } });
  });

  it("withdraws with just the pitch, and refuses an unknown button", () => {
    expect(parseForm(conflictFormSchema, form({ intent: "withdraw", bidId: "b1" }))).toMatchObject({ ok: true, data: { intent: "withdraw", bidId: "b1" } });
    expect(parseForm(conflictFormSchema, form({ intent: "delete-everything", bidId: "b1" }))).toMatchObject({ ok: false });
  });
});
