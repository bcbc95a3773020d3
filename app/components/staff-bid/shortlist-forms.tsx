import { Form, useNavigation } from "@remix-run/react";
import { TextArea } from "~/components/forms";
import { Choices } from "~/components/choices";
import { REASON_MAX } from "~/domain/bid-review";

// The organiser's shortlist decision on a sent bid, and undoing it, each with its reason; a
// refused form keeps what was typed.

interface ShortlistFormsProps {
  /** What this organiser may do with the bid now ("shortlist", "decline", "reset"). */
  decisions: string[];
  errors: Record<string, string>;
  values: Record<string, string | string[]>;
}

export function ShortlistForms({ decisions, errors, values }: ShortlistFormsProps) {
  const busy = useNavigation().state === "submitting";
  const typed = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  return (
    <>
      {decisions.includes("shortlist") ? (
        <section aria-labelledby="decide">
          <h2 id="decide">Shortlist decision</h2>
          <Form method="post" noValidate>
            <Choices
              name="decision"
              legend="Shortlist this bid?"
              choices={[
                { value: "shortlist", label: "Yes, shortlist it", hint: "The group is invited to pitch." },
                { value: "decline", label: "No, do not shortlist it" },
              ]}
              defaultValue={typed("decision")}
              error={errors.decision}
            />
            <TextArea
              name="reason"
              label="Reason the group will see"
              hint="Needed when you do not shortlist a bid, optional when you do. The group reads it on its status page and in an email, so write it for them."
              maxChars={REASON_MAX}
              rows={4}
              defaultValue={typed("reason")}
              error={errors.reason}
            />
            <button type="submit" className="button" disabled={busy}>
              Save decision
            </button>
          </Form>
        </section>
      ) : null}
      {decisions.includes("reset") ? (
        <section aria-labelledby="undo">
          <h2 id="undo">Undo the decision</h2>
          <p>This puts the bid back to submitted so you can decide again. The group is told it is being looked at again.</p>
          <Form method="post" noValidate>
            <input type="hidden" name="decision" value="reset" />
            <TextArea
              name="reason"
              label="Why are you undoing it?"
              hint="Recorded in the audit log with your name. The group does not see this."
              maxChars={REASON_MAX}
              rows={3}
              defaultValue={typed("reason")}
              error={errors.reason}
            />
            <button type="submit" className="button button--warning" disabled={busy}>
              Undo the decision
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
