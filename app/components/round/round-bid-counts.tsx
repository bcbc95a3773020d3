import { Link } from "@remix-run/react";
import type { RoundBidRow } from "~/domain/round-page";

// How many of the round's bids are in each status, each linking to its tab of the bid list.

export function RoundBidCounts({ roundId, rows, sent }: { roundId: string; rows: RoundBidRow[]; sent: number }) {
  return (
    <>
      <h2>Bids</h2>
      <p>
        <Link to={`/staff/rounds/${roundId}/bids`}>
          See all {sent} bid{sent === 1 ? "" : "s"} sent
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Bids by status</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Bids
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.status}>
                <td>{row.filter ? <Link to={`/staff/rounds/${roundId}/bids?status=${row.filter}`}>{row.label}</Link> : row.label}</td>
                <td className="num">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
