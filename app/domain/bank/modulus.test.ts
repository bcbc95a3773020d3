import { modulusCheck } from "~/domain/bank/modulus";

// VocaLink's published test cases ("Validating account numbers", chapter 3), in its order.
const VOCALINK_CASES: [string, string, "valid" | "invalid", string][] = [
  ["089999", "66374958", "valid", "passes modulus 10, 11 and double alternate"],
  ["107999", "88837491", "valid", "passes modulus 10, 11 and double alternate"],
  ["202959", "63748472", "valid", "passes modulus 11 and double alternate"],
  ["871427", "46238510", "valid", "exceptions 10 and 11: first check passes, second fails"],
  ["872427", "46238510", "valid", "exceptions 10 and 11: first check fails, second passes"],
  ["871427", "09123496", "valid", "exception 10: ab = 09, g = 9"],
  ["871427", "99123496", "valid", "exception 10: ab = 99, g = 9"],
  ["820000", "73688637", "valid", "exception 3: c = 6, double alternate not needed"],
  ["827999", "73988638", "valid", "exception 3: c = 9, double alternate not needed"],
  ["827101", "28748352", "valid", "exception 3: both checks pass"],
  ["134020", "63849203", "valid", "exception 4: remainder equals gh"],
  ["118765", "64371389", "valid", "exception 1"],
  ["200915", "41011166", "valid", "exception 6: foreign currency account"],
  ["938611", "07806039", "valid", "exception 5"],
  ["938600", "42368003", "valid", "exception 5: g = 0 with remainder 0"],
  ["938063", "55065200", "valid", "exception 5 with sort code substitution"],
  ["772798", "99345694", "valid", "exception 7: g = 9 zeroises u to b"],
  ["086090", "06774744", "valid", "exception 8: sort code 090126"],
  ["309070", "02355688", "valid", "exceptions 2 and 9: first check passes"],
  ["309070", "12345668", "valid", "exceptions 2 and 9: first fails, second passes with 309634"],
  ["309070", "12345677", "valid", "exception 2: a != 0, g != 9"],
  ["309070", "99345694", "valid", "exception 2: a != 0, g = 9"],
  ["938063", "15764273", "invalid", "exception 5: first check digit right, second wrong"],
  ["938063", "15764264", "invalid", "exception 5: first check digit wrong, second right"],
  ["938063", "15763217", "invalid", "exception 5: remainder 1 in the first check"],
  ["118765", "64371388", "invalid", "exception 1 fails"],
  ["203099", "66831036", "invalid", "passes modulus 11, fails double alternate"],
  ["203099", "58716970", "invalid", "fails modulus 11, passes double alternate"],
  ["089999", "66374959", "invalid", "fails modulus 10"],
  ["107999", "88837493", "invalid", "fails modulus 11"],
  ["074456", "12345112", "valid", "exceptions 12 and 13: modulus 11 passes, modulus 10 fails"],
  ["070116", "34012583", "valid", "exceptions 12 and 13: modulus 11 passes"],
  ["074456", "11104102", "valid", "exceptions 12 and 13: modulus 11 fails, modulus 10 passes"],
  ["180002", "00000190", "valid", "exception 14: first check fails, passes with the last digit moved"],
];

describe("modulusCheck (VocaLink test cases)", () => {
  it.each(VOCALINK_CASES)("%s %s is %s: %s", (sortCode, account, expected) => {
    expect(modulusCheck(sortCode, account)).toBe(expected);
  });
});

describe("modulusCheck", () => {
  it("presumes a sort code VocaLink has no row for is valid, and says it could not check", () => {
    expect(modulusCheck("000000", "12345678")).toBe("not_checkable");
  });

  it("refuses anything but 6 and 8 digits", () => {
    expect(modulusCheck("08999", "66374958")).toBe("invalid");
    expect(modulusCheck("089999", "6637495")).toBe("invalid");
    expect(modulusCheck("08-99-99", "66374958")).toBe("invalid");
  });

  it("exception 14 refuses an account whose last digit is not 0, 1 or 9 once the first check fails", () => {
    expect(modulusCheck("180002", "12345678")).toBe("invalid");
  });
});
