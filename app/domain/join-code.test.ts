import { CODE_ALPHABET, codeProblem, formatCode, generateCode, normaliseCode } from "./join-code";
import { randomInt } from "node:crypto";

describe("human codes", () => {
  it("has no characters people confuse when reading or hearing them", () => {
    for (const ch of "01ILOU") expect(CODE_ALPHABET).not.toContain(ch);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
    expect(CODE_ALPHABET).toHaveLength(30);
  });

  it("makes codes of the asked length from the alphabet only", () => {
    for (let i = 0; i < 200; i++) {
      const code = generateCode(8, randomInt);
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$/);
    }
  });

  it("uses every character of the alphabet (no bias toward part of it)", () => {
    let step = 0;
    const code = generateCode(30, (max) => step++ % max);
    expect(code).toBe(CODE_ALPHABET);
  });

  it("refuses a broken random source rather than making a weak code", () => {
    expect(() => generateCode(6, () => 30)).toThrow(RangeError);
    expect(() => generateCode(6, () => 0.5)).toThrow(RangeError);
    expect(() => generateCode(3, randomInt)).toThrow(/at least 4/);
  });

  it("accepts what people type: any case, spaces and hyphens", () => {
    expect(normaliseCode(" k7qm-3xpa ")).toBe("K7QM3XPA");
    expect(normaliseCode("k7q m3x", 6)).toBe("K7QM3X");
  });

  it("rejects codes that cannot exist", () => {
    expect(normaliseCode("K7QM0XPA")).toBeNull();
    expect(normaliseCode("")).toBeNull();
    expect(normaliseCode("K7QM3X", 8)).toBeNull();
    expect(normaliseCode("ÄBCDEF")).toBeNull();
  });

  it("formats codes in groups of four", () => {
    expect(formatCode("K7QM3XPA")).toBe("K7QM-3XPA");
    expect(formatCode("K7QM3X")).toBe("K7QM-3X");
  });

  it("explains what is wrong with a typed code", () => {
    expect(codeProblem("", 6, "event code")).toBe("Enter the event code.");
    expect(codeProblem("AB1DEF", 6, "event code")).toBe(
      "The event code uses only the letters A to Z (without I, L, O and U) and the numbers 2 to 9.",
    );
    expect(codeProblem("ABCDE", 6, "event code")).toBe("The event code has 6 characters.");
    expect(codeProblem("ab-cdef", 6, "event code")).toBeNull();
  });
});
