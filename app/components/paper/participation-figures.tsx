// How many voted, by phone and on paper, and how many pitches' paper counts are still to settle.

export interface Participation {
  phoneBallots: number;
  phoneVotes: number;
  paperVotes: number;
  totalVotes: number;
  paperPending: number;
}

export function ParticipationFigures({ figures }: { figures: Participation }) {
  return (
    <>
      <h2>Participation</h2>
      <dl className="summary">
        <div>
          <dt>Phones that voted</dt>
          <dd>{figures.phoneBallots}</dd>
        </div>
        <div>
          <dt>Votes from phones</dt>
          <dd>{figures.phoneVotes}</dd>
        </div>
        <div>
          <dt>Paper votes counted</dt>
          <dd>{figures.paperVotes}</dd>
        </div>
        <div>
          <dt>All votes</dt>
          <dd>
            <strong>{figures.totalVotes}</strong>
          </dd>
        </div>
        {figures.paperPending > 0 ? (
          <div>
            <dt>Still to settle</dt>
            <dd>
              {figures.paperPending} {figures.paperPending === 1 ? "pitch needs" : "pitches need"} a second count or a note before its paper votes
              count.
            </dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}
