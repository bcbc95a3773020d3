import type { AwardPageView } from "~/domain/award-page";

/** The award's heading, what was decided and why, its conditions and the letter. */
export function AwardSummary({ award, decision }: Pick<AwardPageView, "award" | "decision">) {
  return (
    <>
      <span className="caption">
        {award.fund}: {award.round}
      </span>
      <h1>
        Award to <span lang={award.lang}>{award.groupName}</span> <span className="hint decision-card__ref">{award.reference}</span>
      </h1>
      <p>
        <strong className={award.statusView.tag}>{award.statusView.label}</strong>
      </p>

      <dl className="summary">
        <div>
          <dt>Amount</dt>
          <dd>
            {award.amount}
            {award.asked && award.asked !== award.amount ? ` (of the ${award.asked} asked for)` : null}
          </dd>
        </div>
        <div>
          <dt>Project</dt>
          <dd lang={award.projectTitle ? award.lang : undefined}>{award.projectTitle || "No project title given"}</dd>
        </div>
        <div>
          <dt>Decision</dt>
          <dd>
            <strong className={decision.tag}>{decision.text}</strong> {decision.override !== null ? <strong className="tag tag--yellow">Override</strong> : null}
            <span className="hint">{decision.by}</span>
          </dd>
        </div>
        <div>
          <dt>Proposal</dt>
          <dd>{decision.proposal}</dd>
        </div>
        {decision.override !== null ? (
          <div>
            <dt>Reason for the override</dt>
            <dd>{decision.override}</dd>
          </div>
        ) : null}
        {decision.feedback ? (
          <div>
            <dt>Feedback for the group</dt>
            <dd>{decision.feedback}</dd>
          </div>
        ) : null}
        <div>
          <dt>Offered</dt>
          <dd>{award.offered}</dd>
        </div>
      </dl>

      <h2>Conditions</h2>
      <p className="pre-line conditions">{award.conditions}</p>
      <p>
        <a href={`/staff/awards/${award.id}/letter.pdf`} download>
          Download the award letter (PDF)
        </a>
      </p>
    </>
  );
}
