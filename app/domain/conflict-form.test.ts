import { parseForm } from "~/utils/forms";
import { errorsIn } from "~/i18n/errors.server";
import { conflictFormSchema } from "./conflict-form";
import { CONFLICT_REASON_MAX } from "./panel-phone";

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
        bidId: "panel.conflicts.error.which",
        reason: "panel.conflicts.error.reason",
      },
      values: { reason: "   " },
    });
  });

  it("says its errors in the panellist's language, the limit with its number", () => {
    const result = parseForm(conflictFormSchema, form({ intent: "declare", reason: "x".repeat(501) }));
    if (result.ok) throw new Error("expected the form to be refused");
    expect(errorsIn("cy", result.errors, { max: CONFLICT_REASON_MAX })).toEqual({
      bidId: "Dewiswch y cyflwyniad y mae gennych wrthdaro buddiannau ag ef.",
      reason: "Rhaid i’r rheswm fod yn 500 nod neu lai.",
    });
    expect(errorsIn("en", result.errors, { max: CONFLICT_REASON_MAX }).reason).toBe("The reason must be 500 characters or fewer.");
  });

  it("limits the reason to 500 characters", () => {
    const result = parseForm(conflictFormSchema, form({ intent: "declare", bidId: "b1", reason: "x".repeat(501) }));
    expect(result).toMatchObject({ ok: false, errors: { reason: "panel.conflicts.error.reasonTooLong" } });
  });

  it("withdraws with just the pitch, and refuses an unknown button", () => {
    expect(parseForm(conflictFormSchema, form({ intent: "withdraw", bidId: "b1" }))).toMatchObject({ ok: true, data: { intent: "withdraw", bidId: "b1" } });
    expect(parseForm(conflictFormSchema, form({ intent: "delete-everything", bidId: "b1" }))).toMatchObject({ ok: false });
    expect(parseForm(conflictFormSchema, form({ intent: "withdraw" }))).toMatchObject({ ok: false, errors: { bidId: "panel.conflicts.error.withdrawWhich" } });
  });
});
