import { readStripeEvent, signatureTimeProblem } from "~/domain/stripe-webhook";

describe("a signature's time", () => {
  const now = 1_800_000_000;
  it("is accepted within five minutes either way", () => {
    for (const t of [now, now - 300, now + 300]) expect(signatureTimeProblem(`t=${t},v1=abc`, now)).toBeNull();
  });
  it("is refused when older than five minutes or more than five minutes ahead", () => {
    expect(signatureTimeProblem(`t=${now - 301},v1=abc`, now)).toBe("stale");
    expect(signatureTimeProblem(`v1=abc, t=${now + 3600}`, now)).toBe("future");
  });
  it("is missing when t= is absent or not a number", () => {
    for (const header of ["v1=abc", "t=,v1=abc", "t=12e5,v1=abc", "t=-5"]) expect(signatureTimeProblem(header, now)).toBe("no_timestamp");
  });
});

describe("reading a verified event", () => {
  const transfer = { id: "tr_1", object: "transfer", amount: 100, amount_reversed: 0, reversed: false, metadata: {} };
  it("accepts a handled type whose object has what the handler reads, and any other type by id and type", () => {
    expect(readStripeEvent({ id: "evt_1", type: "transfer.created", data: { object: transfer } })).toEqual({ ok: true, id: "evt_1", type: "transfer.created" });
    expect(readStripeEvent({ id: "evt_2", type: "payout.paid", data: null })).toEqual({ ok: true, id: "evt_2", type: "payout.paid" });
  });
  it("sets aside a handled type with a missing or mistyped object, naming the field", () => {
    expect(readStripeEvent({ id: "evt_3", type: "transfer.updated", data: null })).toMatchObject({ ok: false, id: "evt_3", detail: expect.stringContaining("data") });
    const words = readStripeEvent({ id: "evt_4", type: "transfer.updated", data: { object: { ...transfer, amount: "lots" } } });
    expect(words).toMatchObject({ ok: false, reason: "ignored_malformed", detail: expect.stringContaining("data.object.amount") });
    expect(readStripeEvent({ id: "evt_5", type: "account.updated", data: { object: { id: "tr_not_an_account" } } })).toMatchObject({ ok: false });
  });
  it("sets aside a body without a usable id and type, without inventing them", () => {
    for (const body of [null, [], { id: 42, type: "x" }, { id: "evt_6" }, { id: "", type: "x" }]) {
      expect(readStripeEvent(body)).toMatchObject({ ok: false, id: null, type: null });
    }
  });
});
