import { Form } from "@remix-run/react";
import type { ExceptionView } from "~/domain/decisions-page";

// A saved decision that departs from the round's declared rules: which rules and by how much,
// the funder's reason, and the second funder's approval (or the button to give it).

export function RuleException({ exception, decisionId, groupName }: { exception: ExceptionView; decisionId: string; groupName: string }) {
  return (
    <div className="notice notice--warning">
      <p>
        <strong className="tag tag--red">Departs from the declared rule</strong>{" "}
        {exception.approved ? <strong className="tag tag--green">{exception.approved}</strong> : <strong className="tag tag--yellow">Waiting for a second funder</strong>}
      </p>
      <ul>
        {exception.breaches.map((breach) => (
          <li key={breach}>{breach}</li>
        ))}
      </ul>
      <p>Reason for the exception: {exception.reason}</p>
      {exception.mayApprove ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="approve-exception" />
          <input type="hidden" name="decisionId" value={decisionId} />
          <button type="submit" className="button button--secondary">
            Approve the exception<span className="visually-hidden"> for {groupName}</span>
          </button>
        </Form>
      ) : !exception.approved && exception.ownDecision ? (
        <p>You recorded this decision, so another funder must approve the exception before the decisions can be confirmed.</p>
      ) : null}
    </div>
  );
}
