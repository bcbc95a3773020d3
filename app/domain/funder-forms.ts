import * as z from "zod";
import type { Outcome } from "~/domain/allocation";
import { OVERRIDE_REASON_MAX } from "~/domain/award";
import { formatMoney, parsePounds, type Pence } from "~/domain/money";
import { FEEDBACK_MAX, PAYMENT_METHODS, type PaymentMethod } from "~/domain/payment";
import { cancelSchema, conditionsSchema } from "~/domain/payment-forms";

// The funder's forms after the pitch, as plain POSTs: the decision on each bid (amount typed
// in pounds, stored in pence), "Confirm all decisions", offering an award, and the buttons of
// an award's page. Each parses what the browser sent; the models check the rules that need
// the database (the pot, four eyes) and answer with errors keyed by the same field names.
//
// Interface:
//   OUTCOMES, OUTCOME_CHOICES (what the radios say), OUTCOME_VIEW (how a decision is shown)
//   describeDecision(outcome, amountPence, currency)   "Funded in full: £2,450" and the like
//   PAYMENT_METHOD_SHORT, paymentMethodsOffered(stripeConfigured)
//   decisionsFormSchema     intent decide | confirm | issue
//   awardFormSchema         intent accept | request | approve | send | manual | cancel-payment |
//                           cancel-award | onboarding-link | check-stripe
//   defaultConditions({ reference, funderName })   the conditions a funder starts from

export const OUTCOMES = ["FUNDED", "PART_FUNDED", "NOT_FUNDED"] as const satisfies readonly Outcome[];

export const OUTCOME_CHOICES: Record<Outcome, string> = {
  FUNDED: "Fund in full",
  PART_FUNDED: "Part-fund",
  NOT_FUNDED: "Do not fund",
};

export const OUTCOME_VIEW: Record<Outcome, { label: string; tag: string }> = {
  FUNDED: { label: "Funded in full", tag: "tag tag--green" },
  PART_FUNDED: { label: "Part-funded", tag: "tag tag--green" },
  NOT_FUNDED: { label: "Not funded", tag: "tag tag--red" },
};

/** One line for a decision or a proposal: "Part-funded: £1,500", "Not funded". */
export function describeDecision(outcome: Outcome, amountPence: Pence, currency: string): string {
  if (outcome === "NOT_FUNDED") return OUTCOME_VIEW.NOT_FUNDED.label;
  return `${OUTCOME_VIEW[outcome].label}: ${formatMoney(amountPence, currency)}`;
}

const id = (missing: string) => z.string({ error: missing }).trim().min(1, missing).max(100, missing);

const text = (max: number, tooLong: string) => z.string().max(max * 2, tooLong).optional().default("");

const decisionsForms = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("decide"),
      bidId: id("Choose the bid this decision is for."),
      outcome: z.enum(OUTCOMES, { error: "Choose whether to fund this bid" }),
      amount: z.string().optional().default(""),
      // why: the limits proper are the model's (checkDecision, feedbackSchema); these only stop
      // a runaway paste before it reaches the database.
      overrideReason: text(OVERRIDE_REASON_MAX, `Keep the reason to ${OVERRIDE_REASON_MAX} characters or fewer`),
      feedback: text(FEEDBACK_MAX, `Keep the feedback to ${FEEDBACK_MAX} characters or fewer`),
      // The exception to a round's rule (decision-rules.ts): a checkbox, sent as "yes" when ticked.
      departsFromRule: z
        .string()
        .optional()
        .transform((v) => v === "yes"),
      ruleExceptionReason: text(OVERRIDE_REASON_MAX, `Keep the reason to ${OVERRIDE_REASON_MAX} characters or fewer`),
    }),
    z.object({ intent: z.literal("confirm") }),
    z.object({ intent: z.literal("approve-exception"), decisionId: id("Choose the decision to approve.") }),
    z.object({ intent: z.literal("issue"), decisionId: id("Choose the decision to offer an award for."), conditions: conditionsSchema.shape.conditions }),
  ],
  { error: "Choose one of the page's buttons." },
);

export const decisionsFormSchema = decisionsForms.transform((form, ctx) => {
  if (form.intent !== "decide") return form;
  let amountPence = 0;
  if (form.outcome === "PART_FUNDED") {
    const typed = form.amount.trim();
    const parsed = typed ? parsePounds(typed) : null;
    if (parsed === null) {
      ctx.addIssue({
        code: "custom",
        path: ["amount"],
        message: typed ? "Enter the amount in pounds, for example 1500 or £1,500" : "Enter the amount to award, in pounds",
      });
      return z.NEVER;
    }
    amountPence = parsed;
  }
  const { amount: _typed, ...rest } = form;
  return { ...rest, amountPence };
});

export type DecisionsForm = z.infer<typeof decisionsFormSchema>;

const payment = id("Choose a payment.");

/** The buttons of an award's page; the field schemas (acceptance, manual payment) are payment.ts's. */
export const awardFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("accept") }),
    // instalmentId: the instalment the page offered, so a stale page cannot pay the next one by mistake.
    z.object({ intent: z.literal("request"), method: z.enum(PAYMENT_METHODS, { error: "Choose how the award will be paid" }), instalmentId: z.string().trim().max(100).optional() }),
    z.object({ intent: z.literal("approve"), paymentId: payment }),
    z.object({ intent: z.literal("send"), paymentId: payment }),
    z.object({ intent: z.literal("manual"), paymentId: payment }),
    z.object({ intent: z.literal("cancel-payment"), paymentId: payment, reason: cancelSchema.shape.reason }),
    z.object({ intent: z.literal("cancel-award"), reason: cancelSchema.shape.reason }),
    z.object({ intent: z.literal("onboarding-link") }),
    z.object({ intent: z.literal("check-stripe") }),
  ],
  { error: "Choose one of the page's buttons." },
);

export type AwardForm = z.infer<typeof awardFormSchema>;
export type AwardIntent = AwardForm["intent"];

/** A payment method in a few words, for lists ("Paid by cheque"). */
export const PAYMENT_METHOD_SHORT: Record<PaymentMethod, string> = {
  STRIPE: "Stripe",
  CHEQUE: "cheque",
  BANK_TRANSFER: "bank transfer",
};

/** Which methods a funder may choose now: Stripe only when it is set up. */
export function paymentMethodsOffered(stripeConfigured: boolean): PaymentMethod[] {
  return PAYMENT_METHODS.filter((m) => stripeConfigured || m !== "STRIPE");
}

/** Conditions most small funds attach; the funder edits them before offering the award. */
export function defaultConditions({ reference, funderName }: { reference: string; funderName: string }): string {
  return [
    `1. Spend the award only on the project described in bid ${reference}.`,
    "2. Tell us straight away if the project changes, is delayed or cannot go ahead; money not spent on it is to be returned.",
    "3. Within 12 months, send a short report of what the money did, with numbers or photos.",
    `4. Credit ${funderName} when you tell people about the project.`,
  ].join("\n");
}
