// What happened to the bid, newest first, from the audit log.

export interface BidTrailEntry {
  seq: number;
  at: string;
  what: string;
  detail: string | null;
  who: string;
}

export function BidHistory({ trail }: { trail: BidTrailEntry[] }) {
  return (
    <>
      <h2>History</h2>
      {trail.length === 0 ? (
        <p>Nothing has been recorded about this bid yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">What happened to this bid, newest first, from the audit log</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">Who</th>
                <th scope="col" className="num">
                  Entry
                </th>
              </tr>
            </thead>
            <tbody>
              {trail.map((entry) => (
                <tr key={entry.seq}>
                  <td>{entry.at}</td>
                  <td>
                    {entry.what}
                    {entry.detail ? <span className="hint">{entry.detail}</span> : null}
                  </td>
                  <td>{entry.who === "group" ? "The group" : entry.who === "system" ? "Pitchday" : entry.who}</td>
                  <td className="num">#{entry.seq}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
