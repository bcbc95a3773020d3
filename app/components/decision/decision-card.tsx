import { DecisionForm, type DecisionDefaults } from "~/components/decision/decision-form";
import { RankExplanation } from "~/components/decision/rank-explanation";
import { RuleException } from "~/components/decision/rule-exception";
import type { DecisionCardView } from "~/domain/decisions-page";
import { OUTCOME_VIEW } from "~/domain/funder-forms";

// One bid on the decisions page: its place and why, the proposal, the decision so far, and
// (while decisions are open and this one is not confirmed) the form to make or change it.

interface Props {
  row: DecisionCardView;
  /** Show the form: the person may decide, decisions are open and this bid is not confirmed. */
  editable: boolean;
  errors: Record<string, string>;
  /** What to put in the form: what was typed if the server refused it, else the saved decision. */
  defaults: DecisionDefaults;
  /** Show the exception fields in the form (the server found a breach it may record as one). */
  exceptionFields: boolean;
}

export function DecisionCard({ row, editable, errors, defaults, exceptionFields }: Props) {
  const titleId = `bid-${row.bidId}-title`;
  return (
    <section id={`bid-${row.bidId}`} className="decision-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {row.place}: <span lang={row.lang}>{row.groupName}</span> <span className="hint decision-card__ref">{row.reference}</span>
      </h3>
      {row.projectTitle ? (
        <p className="decision-card__project" lang={row.lang}>
          {row.projectTitle}
        </p>
      ) : null}
      <RankExplanation explanation={row.explanation} groupName={row.groupName} />
      <dl className="summary summary--compact">
        <div>
          <dt>Proposal</dt>
          <dd>{row.proposal.reason}.</dd>
        </div>
        <div>
          <dt>Decision</dt>
          <dd>
            {row.decision ? (
              <>
                <strong className={OUTCOME_VIEW[row.decision.outcome].tag}>{row.decision.text}</strong>{" "}
                {row.decision.override ? <strong className="tag tag--yellow">Override</strong> : null}
                <span className="hint">
                  {row.confirmed ? "Confirmed" : "Saved, not yet confirmed"}: {row.decision.by}, {row.decision.at}
                </span>
              </>
            ) : (
              "Not decided yet"
            )}
          </dd>
        </div>
        {row.decision?.override ? (
          <div>
            <dt>Reason for the override</dt>
            <dd>{row.decision.overrideReason}</dd>
          </div>
        ) : null}
        {row.decision?.feedback ? (
          <div>
            <dt>Feedback for the group</dt>
            <dd>{row.decision.feedback}</dd>
          </div>
        ) : null}
      </dl>
      {row.decision?.exception ? <RuleException exception={row.decision.exception} decisionId={row.decision.id} groupName={row.groupName} /> : null}
      {editable ? (
        <DecisionForm
          bidId={row.bidId}
          groupName={row.groupName}
          asked={row.asked}
          proposal={row.proposal.text}
          saved={Boolean(row.decision)}
          errors={errors}
          defaults={defaults}
          exception={exceptionFields}
        />
      ) : null}
    </section>
  );
}
