/** A fund's settings as the page shows them: money already formatted in its currency. */
export interface FundFactsView {
  pot: string;
  minAward: string;
  maxAward: string;
  currency: string;
  funderName: string;
  funderOrgId: string;
  grantIdPrefix: string;
  timeZone: string;
  reportDue: string;
}

export function FundFacts({ fund }: { fund: FundFactsView }) {
  return (
    <dl className="summary">
      <div>
        <dt>Pot</dt>
        <dd>{fund.pot}</dd>
      </div>
      <div>
        <dt>Awards</dt>
        <dd>
          {fund.minAward} to {fund.maxAward}
        </dd>
      </div>
      <div>
        <dt>Currency</dt>
        <dd>{fund.currency}</dd>
      </div>
      <div>
        <dt>Funder</dt>
        <dd>{fund.funderName}</dd>
      </div>
      <div>
        <dt>360Giving organisation identifier</dt>
        <dd>{fund.funderOrgId}</dd>
      </div>
      <div>
        <dt>Grant identifier prefix</dt>
        <dd>{fund.grantIdPrefix}</dd>
      </div>
      <div>
        <dt>Time zone</dt>
        <dd>{fund.timeZone}</dd>
      </div>
      <div>
        <dt>End-of-grant report due</dt>
        <dd>{fund.reportDue}</dd>
      </div>
    </dl>
  );
}
