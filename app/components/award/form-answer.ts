import { paymentFieldId } from "~/components/decision/payment-list";
import type { Problem } from "~/components/decision/problem-summary";
import type { AwardFormResult } from "~/domain/award-page";

// The award page has many small forms; the action's answer names which one it was for, so
// each form shows only its own errors and keeps only its own typing.

const LABELS: Record<string, string> = {
  signedName: "Name",
  agree: "Confirmation",
  method: "How to pay",
  reference: "Reference",
  paidOn: "Date paid",
  reason: "Reason",
};

function targetOf(form: string, field: string) {
  const [intent, paymentId] = form.split(":");
  if (paymentId) return paymentFieldId(paymentId, field);
  if (intent === "accept") return `accept-${field}`;
  if (intent === "request") return "request-method";
  if (intent === "cancel-award") return "cancel-award-reason";
  return "main";
}

export function formAnswer(result: AwardFormResult | undefined) {
  const errorsFor = (form: string) => (result?.form === form ? result.errors : {});
  const typed = (form: string, name: string, fallback = "") => {
    if (result?.form !== form) return fallback;
    const value = result.values[name];
    return typeof value === "string" ? value : fallback;
  };
  const problems: Problem[] = result
    ? Object.entries(result.errors).map(([field, message]) => ({ target: targetOf(result.form, field), message: `${LABELS[field] ?? "Form"}: ${message}` }))
    : [];
  const [failedIntent, failedPayment] = (result?.form ?? "").split(":");
  const paymentErrors = failedPayment && result ? { paymentId: failedPayment, errors: result.errors, values: result.values } : null;
  return { errorsFor, typed, problems, failedIntent, paymentErrors };
}

export type FormAnswer = ReturnType<typeof formAnswer>;
