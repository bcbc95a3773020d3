import { parseForm } from "~/utils/forms";
import {
  awardFormSchema,
  decisionsFormSchema,
  defaultConditions,
  describeDecision,
  paymentMethodsOffered,
} from "./funder-forms";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

describe("the decision form", () => {
  it("takes a part-award typed in pounds and gives pence", () => {
    const result = parseForm(
      decisionsFormSchema,
      form({ intent: "decide", bidId: "b1", outcome: "PART_FUNDED", amount: "£1,500", overrideReason: "Drop the van hire.", feedback: "" }),
    );
    expect(result).toMatchObject({ ok: true, data: { intent: "decide", bidId: "b1", outcome: "PART_FUNDED", amountPence: 150_000 } });
  });

  it("ignores the amount box unless the bid is part-funded", () => {
    const funded = parseForm(decisionsFormSchema, form({ intent: "decide", bidId: "b1", outcome: "FUNDED", amount: "banana" }));
    expect(funded).toMatchObject({ ok: true, data: { outcome: "FUNDED", amountPence: 0, overrideReason: "", feedback: "" } });
  });

  it("says what is wrong with a part-award's amount, next to the amount, and keeps what was typed", () => {
    const empty = parseForm(decisionsFormSchema, form({ intent: "decide", bidId: "b1", outcome: "PART_FUNDED", amount: " " }));
    expect(empty).toMatchObject({ ok: false, errors: { amount: "Enter the amount to award, in pounds" } });
    const words = parseForm(decisionsFormSchema, form({ intent: "decide", bidId: "b1", outcome: "PART_FUNDED", amount: "fifteen hundred", feedback: "Keep going" }));
    expect(words).toMatchObject({
      ok: false,
      errors: { amount: "Enter the amount in pounds, for example 1500 or £1,500" },
      values: { amount: "fifteen hundred", feedback: "Keep going" },
    });
  });

  it("asks for an outcome when none was chosen", () => {
    const result = parseForm(decisionsFormSchema, form({ intent: "decide", bidId: "b1" }));
    expect(result).toMatchObject({ ok: false, errors: { outcome: "Choose whether to fund this bid" } });
  });

  it("reads 'Confirm all decisions' and an award's conditions", () => {
    expect(parseForm(decisionsFormSchema, form({ intent: "confirm" }))).toMatchObject({ ok: true, data: { intent: "confirm" } });
    const short = parseForm(decisionsFormSchema, form({ intent: "issue", decisionId: "d1", conditions: "Be good" }));
    expect(short).toMatchObject({ ok: false, errors: { conditions: "Enter the conditions of the award, in at least 10 characters" } });
    const issued = parseForm(decisionsFormSchema, form({ intent: "issue", decisionId: "d1", conditions: "  Report back within a year.  " }));
    expect(issued).toMatchObject({ ok: true, data: { intent: "issue", decisionId: "d1", conditions: "Report back within a year." } });
  });

  it("refuses a button it does not know", () => {
    expect(parseForm(decisionsFormSchema, form({ intent: "delete-everything" })).ok).toBe(false);
  });
});

describe("the award page's buttons", () => {
  it("needs a payment for payment buttons and a reason to cancel", () => {
    expect(parseForm(awardFormSchema, form({ intent: "approve" }))).toMatchObject({ ok: false, errors: { paymentId: "Choose a payment." } });
    expect(parseForm(awardFormSchema, form({ intent: "cancel-award", reason: "no" }))).toMatchObject({
      ok: false,
      errors: { reason: "Explain why, in at least 10 characters" },
    });
    expect(parseForm(awardFormSchema, form({ intent: "request", method: "CASH" }))).toMatchObject({
      ok: false,
      errors: { method: "Choose how the award will be paid" },
    });
    expect(parseForm(awardFormSchema, form({ intent: "request", method: "CHEQUE" }))).toMatchObject({ ok: true, data: { method: "CHEQUE" } });
  });

  it("offers Stripe only when it is set up", () => {
    expect(paymentMethodsOffered(true)).toEqual(["STRIPE", "CHEQUE", "BANK_TRANSFER"]);
    expect(paymentMethodsOffered(false)).toEqual(["CHEQUE", "BANK_TRANSFER"]);
  });
});

describe("words and days", () => {
  it("describes decisions the way the pages show them", () => {
    expect(describeDecision("FUNDED", 245_000, "GBP")).toBe("Funded in full: £2,450");
    expect(describeDecision("PART_FUNDED", 150_050, "GBP")).toBe("Part-funded: £1,500.50");
    expect(describeDecision("NOT_FUNDED", 0, "GBP")).toBe("Not funded");
  });

  it("starts the conditions from the bid's reference and the funder's name", () => {
    const text = defaultConditions({ reference: "PD-2026-0007", funderName: "Thornbury Town Council" });
    expect(text).toContain("bid PD-2026-0007");
    expect(text).toContain("Credit Thornbury Town Council");
  });
});
