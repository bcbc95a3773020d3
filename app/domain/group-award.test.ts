import { groupAwardView, type AwardForGroup } from "./group-award";

const base: AwardForGroup = {
  amountPence: 245_000,
  status: "OFFERED",
  conditions: "Spend it on the polytunnel.",
  acceptedAt: null,
  acceptedBy: null,
  payments: [],
  recipient: null,
};
const context = { currency: "GBP", timeZone: "Europe/London", stripe: true };
const at = new Date("2027-05-20T10:00:00Z");

describe("the award on the group's page", () => {
  it("asks for acceptance first, and offers to set up payment through Stripe", () => {
    const view = groupAwardView(base, context);
    expect(view).toMatchObject({
      amount: "£2,450",
      statusLabel: "Offered: accept the conditions",
      canAccept: true,
      accepted: null,
      setup: "start",
      letter: true,
      payment: "The award is paid once someone who can sign for your group has accepted its conditions.",
    });
  });

  it("follows the Stripe account from started to ready", () => {
    const accepted = { ...base, status: "ACCEPTED" as const, acceptedAt: at, acceptedBy: "Margaret Hale" };
    expect(groupAwardView({ ...accepted, recipient: { payoutsEnabled: false, detailsSubmitted: false } }, context).setup).toBe("continue");
    expect(groupAwardView({ ...accepted, recipient: { payoutsEnabled: false, detailsSubmitted: true } }, context).setup).toBe("checking");
    const ready = groupAwardView({ ...accepted, recipient: { payoutsEnabled: true, detailsSubmitted: true } }, context);
    expect(ready.setup).toBe("ready");
    expect(ready.accepted).toBe("Margaret Hale accepted the conditions on 20 May 2027.");
    expect(ready.payment).toBe("The funder will now arrange the payment. We will email you when it has been made.");
  });

  it("does not offer Stripe when it is not set up, or while a cheque is on its way", () => {
    expect(groupAwardView(base, { ...context, stripe: false }).setup).toBeNull();
    const cheque = groupAwardView(
      { ...base, status: "ACCEPTED", payments: [{ method: "CHEQUE", status: "APPROVED", reference: null, paidOn: null, updatedAt: at }] },
      context,
    );
    expect(cheque.setup).toBeNull();
    expect(cheque.payment).toMatch(/^The funder is arranging the payment/);
  });

  it("says how and when it was paid, and never why an earlier attempt failed", () => {
    const paid = groupAwardView(
      {
        ...base,
        status: "PAID",
        payments: [
          { method: "STRIPE", status: "FAILED", reference: null, paidOn: null, updatedAt: at },
          { method: "BANK_TRANSFER", status: "PAID", reference: "TCC-0042", paidOn: new Date("2027-05-21T00:00:00Z"), updatedAt: at },
        ],
      },
      context,
    );
    expect(paid).toMatchObject({ paid: true, setup: null, statusLabel: "Paid" });
    expect(paid.payment).toBe("£2,450 was paid by bank transfer (reference TCC-0042) on 21 May 2027.");
    const stripe = groupAwardView({ ...base, status: "PAID", payments: [{ method: "STRIPE", status: "PAID", reference: null, paidOn: null, updatedAt: at }] }, context);
    expect(stripe.payment).toMatch(/^£2,450 was paid into your Stripe account on 20 May 2027/);
    expect(groupAwardView({ ...base, status: "ACCEPTED", payments: [{ method: "STRIPE", status: "PENDING", reference: null, paidOn: null, updatedAt: at }] }, context).payment).toBe(
      "The payment is on its way to your account.",
    );
  });

  it("shows a cancelled award without a letter or a way to accept it", () => {
    expect(groupAwardView({ ...base, status: "CANCELLED" }, context)).toMatchObject({
      canAccept: false,
      letter: false,
      setup: null,
      payment: "The award was cancelled, so it will not be paid.",
    });
  });
});

describe("an award paid in instalments, on the group's page", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const instalments = [
    { id: "i1", position: 1, plannedOn: null, amountPence: 100_000 },
    { id: "i2", position: 2, plannedOn: day("2027-09-01"), amountPence: 145_000 },
  ];
  const accepted = { ...base, status: "ACCEPTED" as const, acceptedAt: at, acceptedBy: "Margaret Hale", instalments };

  it("shows what is paid and what is coming, and when", () => {
    const first = { id: "p1", instalmentId: "i1", method: "BANK_TRANSFER" as const, status: "PAID" as const, reference: "TCC-1", paidOn: day("2027-05-21"), updatedAt: at };
    const view = groupAwardView({ ...accepted, payments: [first] }, context);
    expect(view.payment).toBe(
      "£2,450 is paid in 2 instalments. £1,000 has been paid so far. The next, instalment 2 of £1,450, is planned for 1 September 2027.",
    );
    expect(view.schedule?.rows.map((r) => [r.planned, r.amount, r.state.label, r.paid])).toEqual([
      ["On acceptance", "£1,000", "Paid", "21 May 2027"],
      ["1 September 2027", "£1,450", "Planned", null],
    ]);
    expect(view.schedule).toMatchObject({ paid: "£1,000", toCome: "£1,450" });
    // why: a second instalment may still come through Stripe, so the set-up prompt stays.
    expect(view.setup).toBe("start");
    expect(view.paid).toBe(true);
  });

  it("says when the second instalment is being arranged, and when all is paid", () => {
    const first = { id: "p1", instalmentId: "i1", method: "CHEQUE" as const, status: "PAID" as const, reference: "0001", paidOn: day("2027-05-21"), updatedAt: at };
    const second = { id: "p2", instalmentId: "i2", method: "CHEQUE" as const, status: "REQUESTED" as const, reference: null, paidOn: null, updatedAt: at };
    expect(groupAwardView({ ...accepted, payments: [first, second] }, context).payment).toMatch(/Instalment 2 \(£1,450\) is being arranged/);
    const done = groupAwardView({ ...accepted, status: "PAID", payments: [first, { ...second, status: "PAID", paidOn: day("2027-09-02") }] }, context);
    expect(done.payment).toBe("£2,450 has been paid in full, in 2 instalments.");
    expect(done.schedule?.toCome).toBe("£0");
  });

  it("keeps one instalment as it always was: no schedule table", () => {
    expect(groupAwardView(base, context).schedule).toBeNull();
  });
});
