import {
  fixedCount,
  instalmentProgress,
  nextToPay,
  parseSchedule,
  plannedPeriod,
  scheduleOf,
  type Instalment,
  type InstalmentPayment,
} from "~/domain/instalments";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const today = "2027-03-01";
const award = 300_000;

function parsed(values: Record<string, string>, fixed: Instalment[] = []) {
  return parseSchedule(values, { awardPence: award, fixed, today });
}

describe("the schedule form", () => {
  it("takes instalments summing exactly to the award, the first on acceptance, in pence", () => {
    const result = parsed({ "plannedOn-1": "", "amount-1": "1,000.50", "plannedOn-2": "2027-06-01", "amount-2": "1999.50" });
    expect(result).toEqual({
      ok: true,
      rows: [
        { position: 1, plannedOn: null, amountPence: 100_050 },
        { position: 2, plannedOn: day("2027-06-01"), amountPence: 199_950 },
      ],
    });
  });

  it("says by how much the instalments miss the award", () => {
    const short = parsed({ "amount-1": "1000", "plannedOn-2": "2027-06-01", "amount-2": "1500" });
    expect(short).toMatchObject({ ok: false, errors: { schedule: "The instalments add up to £2,500, but the award is £3,000: add £500" } });
    const over = parsed({ "amount-1": "2000", "plannedOn-2": "2027-06-01", "amount-2": "1000.01" });
    expect(over).toMatchObject({ ok: false, errors: { schedule: expect.stringMatching(/take off £0\.01$/) } });
  });

  it("names the field for each bad row: a missing day after the first, a past day, days out of order, no amount", () => {
    const result = parsed({
      "amount-1": "500",
      "amount-2": "500",
      "plannedOn-3": "2027-02-28",
      "amount-3": "500",
      "plannedOn-4": "2027-08-01",
      "amount-4": "",
      "plannedOn-5": "2027-07-01",
      "amount-5": "0",
      "plannedOn-6": "31/02/2027",
      "amount-6": "ten pounds",
    });
    expect(result).toMatchObject({
      ok: false,
      errors: {
        "plannedOn-2": expect.stringMatching(/only the first can be paid on acceptance/),
        "plannedOn-3": "A planned day cannot be in the past",
        "amount-4": "Enter the amount of this instalment",
        "plannedOn-5": expect.stringMatching(/date order/),
        "amount-5": "An instalment must be more than £0",
        "plannedOn-6": "Enter a real date, for example 14/05/2027",
        "amount-6": "Enter an amount in pounds, like 500 or 250.50",
      },
    });
  });

  it("ignores empty rows and numbers the rest from the top, and needs at least one", () => {
    expect(parsed({ "plannedOn-2": "", "amount-2": "", "plannedOn-3": "01/04/2027", "amount-3": "3000" })).toEqual({
      ok: true,
      rows: [{ position: 1, plannedOn: day("2027-04-01"), amountPence: award }],
    });
    expect(parsed({})).toMatchObject({ ok: false, errors: { "amount-1": "Enter at least one instalment" } });
  });

  it("keeps paid instalments: the new rows start after them, count towards the total, and come after their days", () => {
    const fixed = [{ id: "i1", position: 1, plannedOn: day("2027-04-01"), amountPence: 100_000 }];
    expect(parsed({ "plannedOn-2": "2027-05-01", "amount-2": "2000" }, fixed)).toEqual({
      ok: true,
      rows: [{ position: 2, plannedOn: day("2027-05-01"), amountPence: 200_000 }],
    });
    // why: rows for the fixed positions are not read, so a crafted form cannot change a paid instalment.
    expect(parsed({ "amount-1": "3000", "plannedOn-2": "2027-05-01", "amount-2": "2000" }, fixed)).toMatchObject({ ok: true });
    expect(parsed({ "plannedOn-2": "2027-03-15", "amount-2": "2000" }, fixed)).toMatchObject({
      ok: false,
      errors: { "plannedOn-2": expect.stringMatching(/date order/) },
    });
    expect(parsed({ "amount-2": "2000" }, fixed)).toMatchObject({ ok: false, errors: { "plannedOn-2": expect.any(String) } });
  });
});

describe("an award's progress through its schedule", () => {
  const schedule: Instalment[] = [
    { id: "i1", position: 1, plannedOn: null, amountPence: 100_000 },
    { id: "i2", position: 2, plannedOn: day("2027-06-01"), amountPence: 200_000 },
  ];
  const payment = (id: string, instalmentId: string | null, status: string, paidOn: Date | null = null): InstalmentPayment => ({
    id,
    instalmentId,
    status,
    paidOn,
    updatedAt: day("2027-03-02"),
  });

  it("reads an award with no stored schedule as one instalment of the whole award, on acceptance", () => {
    expect(scheduleOf(award, [])).toEqual([{ id: null, position: 1, plannedOn: null, amountPence: award }]);
    const legacy = instalmentProgress(scheduleOf(award, []), [payment("p1", null, "PAID", day("2027-03-02"))]);
    expect(legacy[0]).toMatchObject({ state: "paid", paidDay: day("2027-03-02") });
  });

  it("pays in order, one at a time; a failed payment leaves its instalment to pay again", () => {
    const none = instalmentProgress(schedule, []);
    expect(nextToPay(none)?.id).toBe("i1");
    expect(fixedCount(none)).toBe(0);
    const failed = instalmentProgress(schedule, [payment("p1", "i1", "FAILED")]);
    expect(nextToPay(failed)?.id).toBe("i1");
    const asked = instalmentProgress(schedule, [payment("p1", "i1", "APPROVED")]);
    expect(asked.map((i) => i.state)).toEqual(["in_progress", "planned"]);
    expect(nextToPay(asked)).toBeNull();
    expect(fixedCount(asked)).toBe(1);
    const firstPaid = instalmentProgress(schedule, [payment("p1", "i1", "PAID", day("2027-03-05"))]);
    expect(nextToPay(firstPaid)?.id).toBe("i2");
    const allPaid = instalmentProgress(schedule, [payment("p1", "i1", "PAID"), payment("p2", "i2", "PAID")]);
    expect(nextToPay(allPaid)).toBeNull();
    expect(fixedCount(allPaid)).toBe(2);
  });

  it("plans the grant from the first instalment until the end-of-grant report is due", () => {
    const planned = instalmentProgress([{ ...schedule[0], plannedOn: day("2027-04-10") }, schedule[1]], []);
    expect(plannedPeriod(planned, { awardedOn: day("2027-02-01"), reportDueMonths: 12 })).toEqual({
      startDate: "2027-04-10",
      endDate: "2028-04-10",
      duration: 12,
    });
    const onAcceptance = instalmentProgress(schedule, []);
    expect(plannedPeriod(onAcceptance, { awardedOn: new Date("2027-02-01T19:30:00Z"), reportDueMonths: 6 })).toEqual({
      startDate: "2027-02-01",
      endDate: "2027-08-01",
      duration: 6,
    });
    const paid = instalmentProgress(schedule, [payment("p1", "i1", "PAID", day("2027-03-09"))]);
    expect(plannedPeriod(paid, { awardedOn: day("2027-02-01"), reportDueMonths: 12 }).startDate).toBe("2027-03-09");
  });
});
