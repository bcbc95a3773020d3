import { bacsDate, bacsFile, bacsFileName, bacsRecord, bacsReferenceProblem, bacsText, type BacsAccount, type BacsPayment } from "~/domain/bank/bacs-standard18";

const origin: BacsAccount = { sortCode: "309457", accountNumber: "12345678", name: "Thornbury Town Council" };
const payment: BacsPayment = { sortCode: "089999", accountNumber: "66374958", name: "Hill St Gardeners", amountPence: 245_000, reference: "PD-2027-0042" };

/** The record cut at Standard 18's field boundaries. */
function fields(record: string) {
  const at = (from: number, to: number) => record.slice(from - 1, to);
  return {
    destSort: at(1, 6),
    destAccount: at(7, 14),
    accountType: at(15, 15),
    code: at(16, 17),
    originSort: at(18, 23),
    originAccount: at(24, 31),
    free: at(32, 35),
    amount: at(36, 46),
    userName: at(47, 64),
    reference: at(65, 82),
    destName: at(83, 100),
    date: at(101, 106),
  };
}

describe("a Bacs Standard 18 payment record", () => {
  it("puts every field at its place and width: 106 characters", () => {
    const record = bacsRecord(payment, origin, "2027-05-14");
    expect(record).toHaveLength(106);
    expect(fields(record)).toEqual({
      destSort: "089999",
      destAccount: "66374958",
      accountType: "0",
      code: "99",
      originSort: "309457",
      originAccount: "12345678",
      free: "    ",
      amount: "00000245000",
      userName: "THORNBURY TOWN COU",
      reference: "PD-2027-0042      ",
      destName: "HILL ST GARDENERS ",
      date: " 27134",
    });
  });

  it("carries only Bacs's characters: capitals, digits, space and . & / -", () => {
    const record = bacsRecord({ ...payment, name: "O'Neill, Café & (Co)" }, { ...origin, name: "St. Mary’s PCC" }, "2027-01-01");
    const f = fields(record);
    expect(f.destName).toBe("ONEILL CAFE & CO  ");
    expect(f.userName).toBe("ST. MARYS PCC     ");
    expect(record).toMatch(/^[A-Z0-9 .&/-]{106}$/);
  });

  it("never lets a long name push the next field along", () => {
    const record = bacsRecord({ ...payment, name: "A".repeat(40) }, { ...origin, name: "B".repeat(40) }, "2027-01-01");
    expect(record).toHaveLength(106);
    expect(fields(record)).toMatchObject({ userName: "B".repeat(18), destName: "A".repeat(18), date: " 27001" });
    // A cut that ends in a space keeps the field's width.
    expect(bacsText("ABCDEFGHIJKLMNOPQ RST", 18)).toBe("ABCDEFGHIJKLMNOPQ ");
  });

  it("writes amounts as whole pence, zero-filled, and refuses nothing, fractions and more than Bacs allows", () => {
    expect(fields(bacsRecord({ ...payment, amountPence: 1 }, origin, "2027-01-01")).amount).toBe("00000000001");
    expect(fields(bacsRecord({ ...payment, amountPence: 2_000_000_000 }, origin, "2027-01-01")).amount).toBe("02000000000");
    for (const amountPence of [0, -5, 12.5, 2_000_000_001]) {
      expect(() => bacsRecord({ ...payment, amountPence }, origin, "2027-01-01")).toThrow(/whole pence/);
    }
  });

  it("refuses malformed accounts rather than writing a record the bank would misread", () => {
    expect(() => bacsRecord({ ...payment, sortCode: "08-99-99" }, origin, "2027-01-01")).toThrow(/sort code/);
    expect(() => bacsRecord({ ...payment, accountNumber: "6637495" }, origin, "2027-01-01")).toThrow(/account number/);
    expect(() => bacsRecord({ ...payment, name: "!!!" }, origin, "2027-01-01")).toThrow(/account name/);
  });
});

describe("references and dates", () => {
  it("accepts a bid reference and refuses ones Bacs would reject", () => {
    expect(bacsReferenceProblem("PD-2027-0042")).toBeNull();
    expect(bacsReferenceProblem("AB-12")).toMatch(/at least 6/);
    expect(bacsReferenceProblem("0000000")).toMatch(/repeated/);
    expect(() => bacsRecord({ ...payment, reference: "A-1" }, origin, "2027-01-01")).toThrow(/at least 6/);
  });

  it("writes the processing day as a space, the year and the day of the year", () => {
    expect(bacsDate("2027-01-01")).toBe(" 27001");
    expect(bacsDate("2027-12-31")).toBe(" 27365");
    expect(bacsDate("2028-12-31")).toBe(" 28366"); // a leap year
    expect(bacsDate("2030-03-01")).toBe(" 30060");
    expect(() => bacsDate("2027-02-30")).toThrow();
    expect(() => bacsDate("14/05/2027")).toThrow();
  });
});

describe("the file", () => {
  const second: BacsPayment = { sortCode: "107999", accountNumber: "88837491", name: "Bowls Club", amountPence: 50_001, reference: "PD-2027-0050" };

  it("has one record per payment, CRLF after each, and the total of the payments", () => {
    const file = bacsFile({ origin, processingDay: "2027-05-14", payments: [payment, second] });
    expect(file).toMatchObject({ count: 2, totalPence: 295_001 });
    const lines = file.text.split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(lines.slice(0, 2).map((l) => l.length)).toEqual([106, 106]);
    expect(fields(lines[1]).amount).toBe("00000050001");
    expect(file.text).not.toMatch(/\n(?<!\r\n)/);
  });

  it("is the same bytes every time it is built from the same batch", () => {
    const input = { origin, processingDay: "2027-05-14", payments: [payment, second] };
    expect(bacsFile(input).text).toBe(bacsFile(structuredClone(input)).text);
  });

  it("refuses an empty batch and a bad paying account", () => {
    expect(() => bacsFile({ origin, processingDay: "2027-05-14", payments: [] })).toThrow(/at least one payment/);
    expect(() => bacsFile({ origin: { ...origin, accountNumber: "1" }, processingDay: "2027-05-14", payments: [payment] })).toThrow(/paying account/);
  });

  it("is named after its day and batch", () => {
    expect(bacsFileName("2027-05-14", "cm9abcdefgh12345678")).toBe("pitchday-bacs-2027-05-14-12345678.txt");
  });
});
