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
