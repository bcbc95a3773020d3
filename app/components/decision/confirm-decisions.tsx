import { Form } from "@remix-run/react";

// "Confirm all decisions": closes the event once every bid has a saved decision.

export function ConfirmDecisions({ missing }: { missing: string[] }) {
  return (
    <section aria-labelledby="confirm-title" className="decision-confirm" id="confirm">
      <h2 id="confirm-title">Confirm all decisions</h2>
      {missing.length ? (
        <p>Still to decide: {missing.join(", ")}. Save a decision for every bid, then confirm them together.</p>
      ) : (
        <p>
          This closes the event: each bid is marked funded or not funded and the decisions can no longer change. Each group is told its decision
          and feedback when the chair reveals the awards.
        </p>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="confirm" />
        <button type="submit" className="button">
          Confirm all decisions
        </button>
      </Form>
    </section>
  );
}
