import type { Problem } from "~/components/decision/problem-summary";
import { decisionFieldId } from "~/components/decision/decision-form";
import type { DecisionCardView, DecisionsActionData } from "~/domain/decisions-page";

// The error summary's lines for a refused form on the decisions page: each names the group and
// the field, and links to that bid's (or that award's) field.

const FIELD_LABELS: Record<string, string> = {
  outcome: "Decision",
  amount: "Amount",
  overrideReason: "Reason",
  feedback: "Feedback",
  conditions: "Conditions",
  departsFromRule: "Exception",
  ruleExceptionReason: "Reason for the exception",
};

export function decisionProblems(result: DecisionsActionData | undefined, rows: DecisionCardView[]): Problem[] {
  if (!result) return [];
  const row = rows.find((r) => `decide-${r.bidId}` === result.form || `issue-${r.decision?.id}` === result.form);
  return Object.entries(result.errors).map(([field, message]) => {
    const target = result.form.startsWith("decide-")
      ? decisionFieldId(result.form.slice("decide-".length), field)
      : result.form.startsWith("issue-")
        ? `conditions-${result.form.slice("issue-".length)}`
        : "confirm";
    return { target, message: `${row ? `${row.groupName}: ` : ""}${FIELD_LABELS[field] ?? "Form"}: ${message}` };
  });
}

/** What the person typed into a form the server refused, or the page's default. */
export function typedValue(result: DecisionsActionData | undefined, key: string, name: string, fallback: string): string {
  if (result?.form !== key) return fallback;
  const value = result.values[name];
  return typeof value === "string" ? value : fallback;
}
