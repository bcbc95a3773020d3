import {
  classifyStripeFailure,
  describeDiscrepancy,
  keyAttempt,
  mayAdvance,
  nextPaymentKey,
  paymentActions,
  paymentKey,
  reconcile,
  SEND_LEASE_MS,
  type PaymentRecord,
  type TransferRecord,
} from "~/domain/payment";
import { manualPaymentSchema } from "~/domain/payment-forms";
import { acceptSchema } from "~/domain/award-acceptance";

describe("idempotency keys", () => {
  it("derive from the award and the attempt, and read back", () => {
    expect(paymentKey("cmaward1", 1)).toBe("award-cmaward1-payment-1");
    expect(keyAttempt("award-cmaward1-payment-12")).toBe(12);
    expect(keyAttempt("something-else")).toBeNull();
    expect(() => paymentKey("a", 0)).toThrow(RangeError);
  });

  it("never reuse a key an award has used, whichever payment used it", () => {
    expect(nextPaymentKey("a1", [])).toBe("award-a1-payment-1");
    expect(nextPaymentKey("a1", ["award-a1-payment-1", "award-a1-payment-3", "award-a1-payment-2"])).toBe("award-a1-payment-4");
  });
});

describe("status order for late and repeated webhooks", () => {
  it("moves forward only: paid never goes back, a reversal recorded stays", () => {
    expect(mayAdvance("PENDING", "PAID")).toBe(true);
    expect(mayAdvance("APPROVED", "PAID")).toBe(true);
    expect(mayAdvance("PAID", "PENDING")).toBe(false);
    expect(mayAdvance("PAID", "PAID")).toBe(false);
    expect(mayAdvance("FAILED", "PAID")).toBe(false);
    expect(mayAdvance("PAID", "FAILED")).toBe(true);
  });
});

describe("what a Stripe refusal means for the retry", () => {
  it("a balance too low needs a new key (Stripe keeps the refusal against the old one)", () => {
    const failure = classifyStripeFailure({ type: "StripeInvalidRequestError", code: "balance_insufficient", statusCode: 400 });
    expect(failure.next).toBe("NEW_KEY");
    expect(failure.message.startsWith("Stripe balance too low: top up and retry")).toBe(true);
  });

  it("an account not ready for transfers needs a new key and tells the funder what to do", () => {
    const failure = classifyStripeFailure({ type: "StripeInvalidRequestError", code: "insufficient_capabilities_for_transfer", statusCode: 400 });
    expect(failure).toMatchObject({ next: "NEW_KEY" });
    expect(failure.message).toMatch(/finish setting it up/);
  });

  it("an unknown outcome keeps the key, so a retry cannot pay twice", () => {
    for (const error of [
      { type: "StripeConnectionError" },
      { type: "StripeAPIError", statusCode: 500 },
      { type: "StripeRateLimitError", statusCode: 429 },
      { type: "StripeInvalidRequestError", statusCode: 409 },
      { type: "StripeSomethingNew" },
    ]) {
      expect(classifyStripeFailure(error)).toMatchObject({ next: "SAME_KEY" });
    }
  });

  it("a wrong secret key keeps the key and names the setting", () => {
    expect(classifyStripeFailure({ type: "StripeAuthenticationError", statusCode: 401 })).toMatchObject({
      next: "SAME_KEY",
      message: expect.stringContaining("STRIPE_SECRET_KEY"),
    });
  });

  it("any other refusal fails the payment with Stripe's words", () => {
    expect(
      classifyStripeFailure({ type: "StripeInvalidRequestError", code: "resource_missing", statusCode: 400, message: "No such destination: 'acct_x'" }),
    ).toEqual({ next: "FAILED", code: "resource_missing", message: "Stripe refused the transfer: No such destination: 'acct_x'" });
    expect(classifyStripeFailure({ type: "StripeIdempotencyError", statusCode: 400 }).next).toBe("FAILED");
  });
});

describe("buttons a funder sees", () => {
  const now = new Date("2027-05-14T20:00:00Z");
  const alice = { id: "alice", roles: ["FUNDER"] as const };
  const bob = { id: "bob", roles: ["FUNDER"] as const };
  const cara = { id: "cara", roles: ["FUNDER"] as const };
  const base = { method: "STRIPE" as const, status: "REQUESTED" as const, failureReason: null, requestedById: "bob", updatedAt: now };

  it("four eyes: neither the decider nor the requester may approve, and each is told why", () => {
    expect(paymentActions(base, { staff: alice, decidedById: "alice", now })).toMatchObject({
      approve: false,
      approveBlocked: "You made the funding decision on this award, so another funder must approve its payment.",
    });
    expect(paymentActions(base, { staff: bob, decidedById: "alice", now })).toMatchObject({
      approve: false,
      approveBlocked: "You asked for this payment, so another funder must approve it.",
    });
    expect(paymentActions(base, { staff: cara, decidedById: "alice", now })).toMatchObject({ approve: true, approveBlocked: null });
    expect(paymentActions(base, { staff: { id: "olu", roles: ["ORGANISER"] }, decidedById: "alice", now })).toMatchObject({
      approve: false,
      approveBlocked: null,
      cancel: false,
    });
  });

  it("an attempt on its way cannot be retried or cancelled until its lease runs out", () => {
    const pending = { ...base, status: "PENDING" as const };
    expect(paymentActions(pending, { staff: cara, decidedById: "alice", now })).toMatchObject({ inFlight: true, retry: false, cancel: false });
    const later = new Date(now.getTime() + SEND_LEASE_MS + 1);
    expect(paymentActions(pending, { staff: cara, decidedById: "alice", now: later })).toMatchObject({ inFlight: false, retry: true, cancel: true });
    const refused = { ...pending, failureReason: "Stripe balance too low: top up and retry" };
    expect(paymentActions(refused, { staff: cara, decidedById: "alice", now })).toMatchObject({ inFlight: false, retry: true });
  });

  it("a manual payment is recorded once approved", () => {
    const cheque = { ...base, method: "CHEQUE" as const, status: "APPROVED" as const };
    expect(paymentActions(cheque, { staff: bob, decidedById: "alice", now })).toMatchObject({ recordManual: true, retry: false });
  });
});

describe("reconciliation", () => {
  const payment = (over: Partial<PaymentRecord> = {}): PaymentRecord => ({
    id: "pay1",
    awardId: "aw1",
    bidReference: "PD-2027-0001",
    amountPence: 100_000,
    currency: "GBP",
    status: "PAID",
    providerId: "tr_1",
    destination: "acct_1",
    ...over,
  });
  const transfer = (over: Partial<TransferRecord> = {}): TransferRecord => ({
    id: "tr_1",
    amount: 100_000,
    currency: "gbp",
    amountReversed: 0,
    reversed: false,
    destination: "acct_1",
    paymentId: "pay1",
    ...over,
  });

  it("finds nothing when every paid payment has its transfer and nothing else was sent", () => {
    expect(reconcile([payment(), payment({ id: "pay2", status: "APPROVED", providerId: null })], [transfer()])).toEqual([]);
  });

  it("lists a transfer Pitchday does not know as extra", () => {
    const found = reconcile([payment()], [transfer(), transfer({ id: "tr_9", paymentId: null, amount: 5_000, destination: "acct_9" })]);
    expect(found.map((d) => d.kind)).toEqual(["EXTRA"]);
    expect(describeDiscrepancy(found[0])).toBe("EXTRA    transfer tr_9 of £50 to acct_9 matches no payment in Pitchday");
  });

  it("lists a paid payment whose transfer Stripe does not have as missing", () => {
    const found = reconcile([payment({ providerId: "tr_gone" })], []);
    expect(found).toMatchObject([{ kind: "MISSING", detail: "NO_TRANSFER" }]);
    expect(describeDiscrepancy(found[0])).toContain("is PAID as tr_gone, but Stripe has no such transfer");
    expect(reconcile([payment({ providerId: null })], [])).toMatchObject([{ kind: "MISSING", detail: "NO_PROVIDER_ID" }]);
  });

  it("lists amount, destination and status mismatches, each on its own line", () => {
    const found = reconcile([payment()], [transfer({ amount: 90_000, destination: "acct_other" })]);
    expect(found.map((d) => d.kind === "MISMATCH" && d.field)).toEqual(["amount", "destination"]);
    expect(describeDiscrepancy(found[0])).toBe("MISMATCH payment pay1 (PD-2027-0001) and transfer tr_1: amount: ours £1,000, Stripe £900");
  });

  it("sees a transfer made for a payment still waiting (a lost answer) and a reversal still marked paid", () => {
    const lost = reconcile([payment({ status: "PENDING", providerId: null })], [transfer()]);
    expect(lost).toMatchObject([{ kind: "MISMATCH", field: "status", ours: "PENDING, no transfer recorded", stripe: "transferred" }]);
    const reversed = reconcile([payment()], [transfer({ reversed: true, amountReversed: 100_000 })]);
    expect(reversed).toMatchObject([{ kind: "MISMATCH", field: "status", ours: "PAID", stripe: "reversed" }]);
    expect(reconcile([payment({ status: "FAILED" })], [transfer({ reversed: true, amountReversed: 100_000 })])).toEqual([]);
  });

  it("flags a second transfer for a payment already settled by another", () => {
    const found = reconcile([payment()], [transfer(), transfer({ id: "tr_2" })]);
    expect(found).toMatchObject([{ kind: "MISMATCH", field: "status", ours: "PAID by another transfer, tr_1" }]);
  });
});

describe("forms", () => {
  it("a manual payment needs a reference and a real date that is not in the future", () => {
    const schema = manualPaymentSchema("2027-05-20");
    expect(schema.safeParse({ reference: "", paidOn: "" }).error?.issues.map((i) => i.message)).toEqual([
      "Enter the cheque number or the bank transfer's reference",
      "Enter the date the payment was made",
    ]);
    expect(schema.safeParse({ reference: "001234", paidOn: "31/02/2027" }).error?.issues[0].message).toBe(
      "Enter a real date, for example 14/05/2027",
    );
    expect(schema.safeParse({ reference: "001234", paidOn: "2027-05-21" }).error?.issues[0].message).toBe(
      "The payment date cannot be in the future",
    );
    expect(schema.parse({ reference: " 001234 ", paidOn: "14/05/2027" })).toEqual({
      reference: "001234",
      paidOn: new Date("2027-05-14T00:00:00Z"),
    });
  });

  it("accepting conditions needs a name and the box ticked", () => {
    expect(acceptSchema.safeParse({ signedName: "A", agree: "" }).error?.issues.map((i) => i.message)).toEqual([
      "bid.accept.error.nameMissing",
      "bid.accept.error.agree",
    ]);
    expect(acceptSchema.parse({ signedName: " Sam Treasurer ", agree: "yes" })).toEqual({ signedName: "Sam Treasurer", agree: "yes" });
  });
});
