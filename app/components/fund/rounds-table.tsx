import { Link } from "@remix-run/react";

export interface RoundRow {
  id: string;
  title: string;
  opens: string;
  closes: string;
  phase: { label: string; tag: string };
  bids: number;
}

/** A fund's rounds: when each opens and closes, where it stands, and how many bids it has. */
export function RoundsTable({ fundName, rounds, canReadBids }: { fundName: string; rounds: RoundRow[]; canReadBids: boolean }) {
  if (rounds.length === 0) return <p>This fund has no rounds yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Rounds of {fundName}</caption>
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">Opens</th>
            <th scope="col">Closes</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Bids sent
            </th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((round) => (
            <tr key={round.id}>
              <td>
                <Link to={`/staff/rounds/${round.id}`}>{round.title}</Link>
              </td>
              <td>{round.opens}</td>
              <td>{round.closes}</td>
              <td>
                <strong className={round.phase.tag}>{round.phase.label}</strong>
              </td>
              <td className="num">
                {canReadBids ? (
                  <Link to={`/staff/rounds/${round.id}/bids`}>
                    {round.bids}
                    <span className="visually-hidden"> bids in {round.title}</span>
                  </Link>
                ) : (
                  round.bids
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
