import { eraseFormSchema, parseRetentionMonths, retentionCutoff, retentionView } from "~/domain/personal-data";
import { parseForm } from "~/utils/forms";

const form = (values: Record<string, string>) => parseForm(eraseFormSchema, values);

describe("the erasure form", () => {
  it("accepts a reason, an optional note and the confirmation", () => {
    expect(form({ reason: "request", note: "  Asked by letter on 1 March 2027, ref 2027-03-01 10:30  ", confirm: "yes" })).toMatchObject({
      ok: true,
      data: { reason: "request", note: "Asked by letter on 1 March 2027, ref 2027-03-01 10:30" },
    });
    expect(form({ reason: "no_longer_needed", confirm: "yes" })).toMatchObject({ ok: true, data: { note: "" } });
  });

  it("needs a reason and the box ticked, each with its own message", () => {
    const result = form({});
    expect(result.ok ? {} : result.errors).toEqual({
      reason: "Choose why you are erasing the contact details.",
      confirm: "Tick the box to confirm that the contact details should be erased.",
    });
  });

  it("does not let staff pick the retention reason, which only the scheduled clean-up uses", () => {
    expect(form({ reason: "retention", confirm: "yes" })).toMatchObject({ ok: false, errors: { reason: expect.any(String) } });
  });

  it.each([
    ["an email address", "She wrote from priya@example.org", "Take the email address out of the note"],
    ["a UK phone number", "Rang from 01454 000000", "Take the phone number out of the note"],
    ["a mobile number", "Text from 07700 900123", "Take the phone number out of the note"],
    ["an international number", "Call +44 7700 900123", "Take the phone number out of the note"],
  ])("refuses a note with %s, because the audit log is kept for good", (_what, note, message) => {
    const result = form({ reason: "request", note, confirm: "yes" });
    expect(result.ok ? "" : result.errors.note).toContain(message);
  });

  it("refuses a note that is too long", () => {
    expect(form({ reason: "request", note: "x".repeat(501), confirm: "yes" })).toMatchObject({
      ok: false,
      errors: { note: "The note must be 500 characters or fewer." },
    });
  });
});

describe("retention", () => {
  it("counts whole calendar months back from now", () => {
    expect(retentionCutoff(new Date("2027-12-01T09:00:00Z"), 12)).toEqual(new Date("2026-12-01T09:00:00Z"));
    expect(retentionCutoff(new Date("2027-03-31T09:00:00Z"), 1)).toEqual(new Date("2027-02-28T09:00:00Z"));
  });

  it("reads --months as 1 to 120 whole months, 12 when not given", () => {
    expect(parseRetentionMonths(undefined)).toBe(12);
    expect(parseRetentionMonths("24")).toBe(24);
    for (const bad of ["0", "121", "1.5", "-3", "twelve", ""]) expect(parseRetentionMonths(bad)).toBeNull();
  });
});

describe("what the personal-data page says about keeping contact details", () => {
  it("names the day they go, twelve months after the round closed, in the fund's zone", () => {
    // 23:30 UTC on 31 March is already 1 April in London (summer time).
    const view = retentionView(new Date("2026-03-31T23:30:00Z"), null, "Europe/London");
    expect(view.months).toBe(12);
    expect(view.erasedFrom).toMatch(/1 April 2027/);
    expect(view.awardOpen).toBe(false);
  });

  it("warns while the award is still being paid, not once it is paid or cancelled", () => {
    expect(retentionView(new Date("2026-03-01T12:00:00Z"), "OFFERED", "Europe/London").awardOpen).toBe(true);
    expect(retentionView(new Date("2026-03-01T12:00:00Z"), "ACCEPTED", "Europe/London").awardOpen).toBe(true);
    expect(retentionView(new Date("2026-03-01T12:00:00Z"), "PAID", "Europe/London").awardOpen).toBe(false);
  });
});
