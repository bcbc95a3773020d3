import { groupAwardView, type AwardForGroup } from "./group-award";
import { translate } from "~/i18n/catalogue.server";
import { sayDates } from "~/i18n/dates-said.server";
import { formatArgs } from "~/i18n/message-args";
import type { Message } from "~/domain/message";

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
const gbp = (pence: number) => ({ pence, currency: "GBP" });

describe("the award on the group's page", () => {
  it("asks for acceptance first, and offers to set up payment through Stripe", () => {
    const view = groupAwardView(base, context);
    expect(view).toMatchObject({
      amount: { pence: 245_000, currency: "GBP" },
      status: "OFFERED",
      canAccept: true,
      accepted: null,
      setup: "start",
      letter: true,
      payment: { key: "bid.payment.afterAcceptance" },
    });
  });

  it("follows the Stripe account from started to ready", () => {
    const accepted = { ...base, status: "ACCEPTED" as const, acceptedAt: at, acceptedBy: "Margaret Hale" };
    expect(groupAwardView({ ...accepted, recipient: { payoutsEnabled: false, detailsSubmitted: false } }, context).setup).toBe("continue");
    expect(groupAwardView({ ...accepted, recipient: { payoutsEnabled: false, detailsSubmitted: true } }, context).setup).toBe("checking");
    const ready = groupAwardView({ ...accepted, recipient: { payoutsEnabled: true, detailsSubmitted: true } }, context);
    expect(ready.setup).toBe("ready");
    expect(ready.accepted).toEqual({ key: "bid.award.acceptedBy", values: { name: "Margaret Hale", day: { day: "2027-05-20" } } });
    expect(ready.payment).toEqual({ key: "bid.payment.willArrange" });
    const unsigned = groupAwardView({ ...accepted, acceptedBy: null }, context);
    expect(unsigned.accepted?.key).toBe("bid.award.acceptedBySomeone");
  });

  it("does not offer Stripe when it is not set up, or while a cheque is on its way", () => {
    expect(groupAwardView(base, { ...context, stripe: false }).setup).toBeNull();
    const cheque = groupAwardView(
      { ...base, status: "ACCEPTED", payments: [{ method: "CHEQUE", status: "APPROVED", reference: null, paidOn: null, updatedAt: at }] },
      context,
    );
    expect(cheque.setup).toBeNull();
    expect(cheque.payment).toEqual({ key: "bid.payment.arranging" });
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
    expect(paid).toMatchObject({ paid: true, setup: null, status: "PAID" });
    expect(paid.payment).toEqual({
      key: "bid.payment.paid.BANK_TRANSFER",
      values: { amount: { pence: 245_000, currency: "GBP" }, reference: "TCC-0042", hasReference: "yes", day: { day: "2027-05-21" } },
    });
    expect(JSON.stringify(paid)).not.toMatch(/FAILED|refus/i);
    const stripe = groupAwardView({ ...base, status: "PAID", payments: [{ method: "STRIPE", status: "PAID", reference: null, paidOn: null, updatedAt: at }] }, context);
    expect(stripe.payment).toMatchObject({ key: "bid.payment.paid.STRIPE", values: { hasReference: "no", day: { day: "2027-05-20" } } });
    expect(groupAwardView({ ...base, status: "ACCEPTED", payments: [{ method: "STRIPE", status: "PENDING", reference: null, paidOn: null, updatedAt: at }] }, context).payment).toEqual({
      key: "bid.payment.onItsWay",
    });
  });

  it("shows a cancelled award without a letter or a way to accept it", () => {
    expect(groupAwardView({ ...base, status: "CANCELLED" }, context)).toMatchObject({
      canAccept: false,
      letter: false,
      setup: null,
      payment: { key: "bid.payment.cancelled" },
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
    expect(view.payment).toEqual({
      key: "bid.payment.split.nextPlanned",
      values: { total: gbp(245_000), count: 2, paid: gbp(100_000), position: 2, amount: gbp(145_000), day: { day: "2027-09-01" } },
    });
    expect(view.schedule?.rows.map((r) => [r.planned, r.amount, r.state, r.paid])).toEqual([
      [null, gbp(100_000), "paid", { day: "2027-05-21" }],
      [{ day: "2027-09-01" }, gbp(145_000), "planned", null],
    ]);
    expect(view.schedule).toMatchObject({ paid: gbp(100_000), toCome: gbp(145_000) });
    // why: a second instalment may still come through Stripe, so the set-up prompt stays.
    expect(view.setup).toBe("start");
    expect(view.paid).toBe(true);
  });

  it("says when the second instalment is being arranged, and when all is paid", () => {
    const first = { id: "p1", instalmentId: "i1", method: "CHEQUE" as const, status: "PAID" as const, reference: "0001", paidOn: day("2027-05-21"), updatedAt: at };
    const second = { id: "p2", instalmentId: "i2", method: "CHEQUE" as const, status: "REQUESTED" as const, reference: null, paidOn: null, updatedAt: at };
    expect(groupAwardView({ ...accepted, payments: [first, second] }, context).payment).toMatchObject({
      key: "bid.payment.split.underway",
      values: { position: 2, amount: gbp(145_000) },
    });
    const done = groupAwardView({ ...accepted, status: "PAID", payments: [first, { ...second, status: "PAID", paidOn: day("2027-09-02") }] }, context);
    expect(done.payment).toEqual({ key: "bid.payment.split.done", values: { total: gbp(245_000), count: 2 } });
    expect(done.schedule?.toCome).toEqual(gbp(0));
  });

  it("keeps one instalment as it always was: no schedule table", () => {
    expect(groupAwardView(base, context).schedule).toBeNull();
  });
});

describe("the award's sentences, in Welsh and English", () => {
  // as the page says them: dates in words on the server, the rest in the browser.
  const say = (lang: "cy" | "en", m: Message) => translate(lang, m.key, formatArgs(lang, sayDates(lang, m).values));
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it("say every payment state in both languages, with money and dates in each", () => {
    const paidBy = (method: "STRIPE" | "CHEQUE" | "BANK_TRANSFER", reference: string | null) =>
      groupAwardView({ ...base, status: "PAID", payments: [{ method, status: "PAID", reference, paidOn: day("2027-05-21"), updatedAt: at }] }, context).payment;
    const states = [
      groupAwardView(base, context).payment,
      groupAwardView({ ...base, status: "ACCEPTED" }, context).payment,
      groupAwardView({ ...base, status: "CANCELLED" }, context).payment,
      groupAwardView({ ...base, status: "ACCEPTED", payments: [{ method: "STRIPE", status: "PENDING", reference: null, paidOn: null, updatedAt: at }] }, context).payment,
      groupAwardView({ ...base, status: "ACCEPTED", payments: [{ method: "CHEQUE", status: "APPROVED", reference: null, paidOn: null, updatedAt: at }] }, context).payment,
      paidBy("STRIPE", null),
      paidBy("CHEQUE", null),
      paidBy("BANK_TRANSFER", "TCC-0042"),
    ];
    expect(new Set(states.map((m) => m.key)).size).toBe(states.length);
    for (const m of states) {
      expect(say("cy", m)).not.toEqual(say("en", m));
      expect(say("cy", m)).not.toMatch(/[{}]|undefined/);
    }
    expect(say("cy", paidBy("BANK_TRANSFER", "TCC-0042"))).toBe("Talwyd £2,450 drwy drosglwyddiad banc (cyfeirnod TCC-0042) ar 21 Mai 2027.");
    expect(say("en", paidBy("CHEQUE", null))).toBe("£2,450 was paid by cheque on 21 May 2027.");
  });

  it("count instalments with Welsh mutation after two", () => {
    const instalments = [
      { id: "i1", position: 1, plannedOn: null, amountPence: 100_000 },
      { id: "i2", position: 2, plannedOn: day("2027-09-01"), amountPence: 145_000 },
    ];
    const view = groupAwardView({ ...base, status: "ACCEPTED", acceptedAt: at, acceptedBy: "Margaret Hale", instalments }, context);
    expect(say("cy", view.payment)).toBe("Caiff £2,450 ei dalu mewn 2 randaliad. Mae £0 wedi’i dalu hyd yma. Caiff y nesaf, rhandaliad 1 o £1,000, ei dalu unwaith y byddwch wedi derbyn yr amodau.");
    expect(say("cy", view.accepted!)).toBe("Derbyniodd Margaret Hale yr amodau ar 20 Mai 2027.");
  });
});
