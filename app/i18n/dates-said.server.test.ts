import { sayDates } from "./dates-said.server";

describe("a page's dates said on the server", () => {
  const data = {
    reference: "TCC-0042",
    amount: { pence: 245_000, currency: "GBP" },
    closes: { at: "2027-02-12T17:00:00.000Z", timeZone: "Europe/London" },
    schedule: [{ planned: { day: "2027-09-01" }, paid: null }],
    accepted: { key: "bid.award.acceptedBy", values: { name: "Margaret Hale", day: { day: "2027-05-20" } } },
    disbursement: { day: "2027-05-21", pence: 100 },
  };

  it("says days and instants in Welsh, with the weekday and the time in the fund's zone", () => {
    const said = sayDates("cy", data);
    expect(said.closes).toBe("dydd Gwener 12 Chwefror 2027 am 5yh");
    expect(said.schedule[0].planned).toBe("1 Medi 2027");
    expect(said.accepted.values?.day).toBe("20 Mai 2027");
  });

  it("says them in English, and leaves money, words and other objects as they are", () => {
    const said = sayDates("en", data);
    expect(said.closes).toBe("Friday 12 February 2027 at 5pm");
    expect(said.schedule[0]).toEqual({ planned: "1 September 2027", paid: null });
    expect(said.amount).toEqual({ pence: 245_000, currency: "GBP" });
    expect(said.reference).toBe("TCC-0042");
    expect(said.disbursement).toEqual({ day: "2027-05-21", pence: 100 });
  });
});
