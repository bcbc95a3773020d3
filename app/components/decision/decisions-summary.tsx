import type { DecisionsPageView } from "~/domain/decisions-page";

// The figures a funder decides against: the pot (and what other events already hold), what is
// left after the decisions so far, the round's declared rule, and how many bids are decided.

interface Props {
  pot: DecisionsPageView["pot"];
  rule: DecisionsPageView["rule"];
  decided: number;
  total: number;
}

export function DecisionsSummary({ pot, rule, decided, total }: Props) {
  return (
    <dl className="summary">
      <div>
        <dt>Fund’s pot</dt>
        <dd>{pot.fund}</dd>
      </div>
      {pot.elsewhere ? (
        <div>
          <dt>Already committed elsewhere</dt>
          <dd>{pot.elsewhere} (awards and decisions of other events)</dd>
        </div>
      ) : null}
      <div>
        <dt>Pot for this event</dt>
        <dd>{pot.forEvent}</dd>
      </div>
      <div>
        <dt>Left after the decisions so far</dt>
        <dd>
          {pot.remaining}
          {pot.overspent ? <strong className="tag tag--red"> Overspent</strong> : null}
        </dd>
      </div>
      <div>
        <dt>Decision rule</dt>
        <dd>
          {rule.weights}; scores {rule.normalised ? "normalised per panellist" : "used as given"}; quorum {rule.quorum}; ties go to {rule.tieBreak}.
        </dd>
      </div>
      <div>
        <dt>Decided so far</dt>
        <dd>
          {decided} of {total}
        </dd>
      </div>
    </dl>
  );
}
