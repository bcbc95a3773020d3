import { formatMoney, parsePounds, penceToInput, percentOf, sumPence } from "~/domain/money";

describe("parsePounds", () => {
  it.each([
    ["1200", 120_000],
    ["1,200", 120_000],
    ["£1,200", 120_000],
    ["£ 1,200.50", 120_050],
    ["1200.5", 120_050],
    ["0.99", 99],
    [" 250 ", 25_000],
    ["12,345,678", 1_234_567_800],
  ])("reads %p as %p pence", (input, pence) => {
    expect(parsePounds(input)).toBe(pence);
  });

  it.each(["", "abc", "-5", "12.345", "1,20", "£", "1.2.3", "1e3", "12,34,567"])("refuses %p", (input) => {
    expect(parsePounds(input)).toBeNull();
  });

  it("never goes through floating point (0.29 pounds is exactly 29 pence)", () => {
    expect(parsePounds("0.29")).toBe(29);
    expect(parsePounds("1.15")).toBe(115);
  });
});

describe("formatMoney", () => {
  it("shows whole pounds without pence and other amounts with two decimals", () => {
    expect(formatMoney(120_000)).toBe("£1,200");
    expect(formatMoney(120_050)).toBe("£1,200.50");
    expect(formatMoney(5)).toBe("£0.05");
  });
  it("uses the fund's currency", () => {
    expect(formatMoney(1000, "EUR")).toBe("€10");
  });
});

describe("penceToInput", () => {
  it("round-trips with parsePounds", () => {
    for (const pence of [0, 5, 99, 100, 120_050, 500_000]) {
      expect(parsePounds(penceToInput(pence))).toBe(pence);
    }
    expect(penceToInput(null)).toBe("");
  });
});

describe("sums and shares", () => {
  it("adds pence exactly", () => expect(sumPence([10, 20, 70])).toBe(100));
  it("rounds shares down so they never exceed the whole", () => {
    expect(percentOf(999, 50)).toBe(499);
    expect(percentOf(100_000, 75)).toBe(75_000);
  });
});
