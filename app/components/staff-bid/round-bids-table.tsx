import { Link } from "@remix-run/react";

export interface RoundBidRow {
  id: string;
  reference: string;
  groupName: string;
  projectTitle: string | null;
  /** "cy" when the group wrote in Welsh: its words are marked so on this English page. */
  lang: "cy" | undefined;
  amount: string | null;
  sent: string | null;
  status: string;
  tag: string;
}

/** A round's bids, one row each, linked to the bid's staff page. */
export function RoundBidsTable({ bids, caption, searched }: { bids: RoundBidRow[]; caption: string; searched: boolean }) {
  if (bids.length === 0) {
    return <p>{searched ? "No bids match your search. Check the reference or try part of the group's name." : "There are no bids here."}</p>;
  }
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Group and project</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Sent</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {bids.map((bid) => (
            <tr key={bid.id}>
              <td>
                <Link to={`/staff/bids/${bid.id}`}>
                  {bid.reference}
                  <span className="visually-hidden">
                    , <span lang={bid.lang}>{bid.groupName}</span>
                  </span>
                </Link>
              </td>
              <td>
                <span lang={bid.lang}>{bid.groupName}</span>
                {bid.projectTitle ? (
                  <span className="hint" lang={bid.lang}>
                    {bid.projectTitle}
                  </span>
                ) : null}
              </td>
              <td className="num">{bid.amount ?? <span className="muted">Not given</span>}</td>
              <td>{bid.sent ?? <span className="muted">Not sent</span>}</td>
              <td>
                <strong className={bid.tag}>{bid.status}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
