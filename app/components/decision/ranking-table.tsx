import type { RankingRow } from "~/domain/decision-view";

// The ranking at a glance: place, panel score raw and normalised side by side, who counted,
// the audience's share, the combined score and the quorum flag. The reasons sit below, per bid.

export type RankedBidRow = RankingRow & {
  bidId: string;
  reference: string;
  groupName: string | null;
  /** "cy" when the group wrote in Welsh. */
  lang: "cy" | undefined;
  withdrawn: boolean;
};

export function RankingTable({ rows, normalised, audience, scaleMax }: { rows: RankedBidRow[]; normalised: boolean; audience: boolean; scaleMax: number }) {
  return (
    <div className="table-wrap">
      <table className="ranking-table">
        <caption className="visually-hidden">Ranking of the pitches</caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Bid</th>
            <th scope="col" className="num">
              Panel score (raw, out of {scaleMax})
            </th>
            {normalised ? (
              <th scope="col" className="num">
                Panel score (normalised)
              </th>
            ) : null}
            <th scope="col">Panellists</th>
            {audience ? (
              <th scope="col" className="num">
                Audience share
              </th>
            ) : null}
            <th scope="col" className="num">
              Combined (0 to 1)
            </th>
            <th scope="col">Quorum</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.bidId}>
              <td>{row.place}</td>
              <th scope="row">
                {row.groupName ? (
                  <a href={`#bid-${row.bidId}`}>
                    <span lang={row.lang}>{row.groupName}</span>
                    <span className="visually-hidden">: decision and explanation</span>
                  </a>
                ) : null}
                <span className="hint">{row.reference}</span>
                {row.withdrawn ? <strong className="tag tag--grey">Withdrawn after the pitch</strong> : null}
              </th>
              <td className="num">{row.panelRaw ?? "No scores"}</td>
              {normalised ? <td className="num">{row.panelNormalised ?? "–"}</td> : null}
              <td>{row.panellists}</td>
              {audience ? <td className="num">{row.audienceShare ?? "–"}</td> : null}
              <td className="num">{row.combined ?? "–"}</td>
              <td>
                <strong className={row.meetsQuorum ? "tag tag--green" : "tag tag--yellow"}>{row.quorumText}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
