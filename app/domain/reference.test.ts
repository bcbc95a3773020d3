import { formatReference, normaliseReference, referenceYear } from "~/domain/reference";

describe("bid references", () => {
  it("pad the sequence to four digits and keep counting past 9999", () => {
    expect(formatReference(2026, 42)).toBe("PD-2026-0042");
    expect(formatReference(2026, 12345)).toBe("PD-2026-12345");
  });

  it("take the year from the fund's calendar", () => {
    const newYearInLondon = new Date("2026-12-31T23:59:59Z");
    expect(referenceYear(newYearInLondon, "Europe/London")).toBe(2026);
    expect(referenceYear(newYearInLondon, "Pacific/Auckland")).toBe(2027);
  });

  it.each([
    ["PD-2026-0042", "PD-2026-0042"],
    [" pd-2026-42 ", "PD-2026-0042"],
    ["PD 2026 0042", "PD-2026-0042"],
    ["PD20260042", "PD-2026-0042"],
  ])("read %p as %p", (typed, reference) => {
    expect(normaliseReference(typed)).toBe(reference);
  });

  it.each(["", "2026-0042", "XX-2026-0042", "PD-26-42", "PD-2026-"])("refuse %p", (typed) => {
    expect(normaliseReference(typed)).toBeNull();
  });
});
