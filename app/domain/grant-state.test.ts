import { addMonthsToDay, disbursedPence, firstPaidDay, grantState, reportDueDay, type GrantFacts, type GrantPayment } from "~/domain/grant-state";
import { spendAgainstBudget } from "~/domain/grant-spend";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const paid = (iso: string, amountPence = 100_000): GrantPayment => ({ status: "PAID", amountPence, paidOn: day(iso), updatedAt: day(iso) });

function facts(overrides: Partial<GrantFacts> = {}): GrantFacts {
  return { awardStatus: "PAID", awardPence: 100_000, payments: [paid("2027-01-15")], report: null, reportDueMonths: 12, ...overrides };
}

describe("report due date", () => {
  it("is N months after the first payment, whatever order payments come in", () => {
    const payments = [paid("2027-03-01"), paid("2027-01-15"), { ...paid("2026-12-01"), status: "FAILED" }];
    expect(firstPaidDay(payments)).toEqual(day("2027-01-15"));
    expect(reportDueDay({ payments, reportDueMonths: 6 })).toEqual(day("2027-07-15"));
  });

  it("uses the day a Stripe payment was marked paid when it has no paidOn", () => {
    const stripe = { status: "PAID", amountPence: 5_000, paidOn: null, updatedAt: new Date("2027-02-03T18:30:00Z") };
    expect(reportDueDay({ payments: [stripe], reportDueMonths: 12 })).toEqual(day("2028-02-03"));
  });

  it("is not set while nothing has been paid", () => {
    expect(reportDueDay({ payments: [{ ...paid("2027-01-01"), status: "APPROVED" }], reportDueMonths: 12 })).toBeNull();
  });

  it("keeps month ends inside the month", () => {
    expect(addMonthsToDay(day("2027-01-31"), 1)).toEqual(day("2027-02-28"));
    expect(addMonthsToDay(day("2027-08-31"), 6)).toEqual(day("2028-02-29"));
    expect(addMonthsToDay(day("2027-05-15"), 12)).toEqual(day("2028-05-15"));
  });
});

describe("grant state", () => {
  const due = "2028-01-15";
  it("is awaiting payment before any money went out", () => {
    expect(grantState(facts({ awardStatus: "ACCEPTED", payments: [] }), day("2027-01-01"))).toBe("awaiting_payment");
  });
  it("is part paid while instalments are still to come, and paid once they add up to the award", () => {
    const first = paid("2027-01-15", 40_000);
    expect(grantState(facts({ awardStatus: "ACCEPTED", payments: [first] }), day("2027-02-01"))).toBe("part_paid");
    expect(grantState(facts({ payments: [first, paid("2027-03-01", 60_000)] }), day("2027-04-01"))).toBe("paid");
    // why: the report's due date is still counted from the first instalment.
    expect(grantState(facts({ awardStatus: "ACCEPTED", payments: [first] }), day("2028-01-16"))).toBe("overdue");
  });
  it("is paid until 30 days before the due date, then report due, then overdue the day after", () => {
    expect(grantState(facts(), day("2027-12-15"))).toBe("paid");
    expect(grantState(facts(), day("2027-12-16"))).toBe("report_due");
    expect(grantState(facts(), new Date(`${due}T23:59:59Z`))).toBe("report_due");
    expect(grantState(facts(), day("2028-01-16"))).toBe("overdue");
  });
  it("a draft report changes nothing; a sent one is in, an accepted one closes the grant even when late", () => {
    const late = day("2028-03-01");
    expect(grantState(facts({ report: { status: "DRAFT", returnedPence: 0 } }), late)).toBe("overdue");
    expect(grantState(facts({ report: { status: "SUBMITTED", returnedPence: 0 } }), late)).toBe("report_in");
    expect(grantState(facts({ report: { status: "ACCEPTED", returnedPence: 0 } }), late)).toBe("closed");
  });
  it("when the funder asks for more the report is due again at once, and overdue after the due date", () => {
    const more = facts({ report: { status: "MORE_REQUESTED", returnedPence: 0 } });
    expect(grantState(more, day("2027-06-01"))).toBe("report_due");
    expect(grantState(more, day("2028-02-01"))).toBe("overdue");
  });
  it("a cancelled award is cancelled whatever else is true", () => {
    expect(grantState(facts({ awardStatus: "CANCELLED" }), day("2028-03-01"))).toBe("cancelled");
  });
});

describe("disbursed", () => {
  it("is paid payments less returned money, never below zero", () => {
    const payments = [paid("2027-01-01", 60_000), paid("2027-02-01", 40_000), { ...paid("2027-03-01", 99_999), status: "FAILED" }];
    expect(disbursedPence({ payments, report: null })).toBe(100_000);
    expect(disbursedPence({ payments, report: { status: "ACCEPTED", returnedPence: 12_345 } })).toBe(87_655);
    expect(disbursedPence({ payments: [], report: { status: "ACCEPTED", returnedPence: 10 } })).toBe(0);
  });
});

describe("spend against budget", () => {
  const lines = [
    { id: "a", item: "Hall hire", amountPence: 30_000 },
    { id: "b", item: "Paint", amountPence: 20_000 },
  ];
  it("shows each line's difference and the underspend of the award", () => {
    const summary = spendAgainstBudget(lines, new Map([["a", 25_000], ["b", 21_000]]), { awardedPence: 50_000 });
    expect(summary.rows.map((r) => r.differencePence)).toEqual([5_000, -1_000]);
    expect(summary).toMatchObject({ budgetPence: 50_000, spentPence: 46_000, underspendPence: 4_000, overspendPence: 0, unreturnedPence: 4_000 });
  });
  it("counts a line with nothing reported as nothing spent, and returned money against the underspend", () => {
    const summary = spendAgainstBudget(lines, new Map([["a", 30_000]]), { awardedPence: 40_000, returnedPence: 7_500 });
    expect(summary.rows[1].spentPence).toBe(0);
    expect(summary).toMatchObject({ underspendPence: 10_000, unreturnedPence: 2_500 });
  });
  it("an overspend is met by the group: no underspend", () => {
    const summary = spendAgainstBudget(lines, new Map([["a", 30_000], ["b", 25_000]]), { awardedPence: 50_000 });
    expect(summary).toMatchObject({ underspendPence: 0, overspendPence: 5_000, unreturnedPence: 0 });
  });
});
