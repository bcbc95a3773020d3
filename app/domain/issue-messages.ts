import type { MessageErrors, PlainMessage } from "./message";

// A schema's issues as the pages say them, for the server's schemas (the bid form, the score
// sheet). why a file of its own: message.ts goes to every phone; this only to the server.

/**
 * One message per field (the first), keyed like the form's names ("budget.2.amount"), from a
 * schema's issues: an issue carries its message in params.problem, or its catalogue key as text.
 */
export function issueMessages(issues: readonly { path: readonly PropertyKey[]; message: string; params?: Record<string, unknown> }[]): MessageErrors {
  const out: MessageErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "form";
    if (!(field in out)) out[field] = (issue.params?.problem as PlainMessage | undefined) ?? { key: issue.message };
  }
  return out;
}
