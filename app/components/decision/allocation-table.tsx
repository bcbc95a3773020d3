import type { ProposalRow } from "~/domain/decision-view";
import { OUTCOME_VIEW } from "~/domain/funder-forms";

// The proposal the funder starts from: bids in rank order, the pot before and after each
// step, and the reason for every bid, in words that can be read out.

export function AllocationTable({ rows, names, total, remaining, pot }: { rows: ProposalRow[]; names: Record<string, string>; total: string; remaining: string; pot: string }) {
  return (
    <div className="table-wrap">
      <table className="allocation-table">
        <caption className="visually-hidden">Proposed allocation, step by step</caption>
        <thead>
          <tr>
            <th scope="col">Place</th>
            <th scope="col">Bid</th>
            <th scope="col" className="num">
              Asked
            </th>
            <th scope="col" className="num">
              Pot before
            </th>
            <th scope="col">Proposal</th>
            <th scope="col" className="num">
              Pot after
            </th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.bidId}>
              <td>{row.place}</td>
              <th scope="row">
                {names[row.bidId] ?? row.reference}
                <span className="hint">{row.reference}</span>
              </th>
              <td className="num">{row.asked}</td>
              <td className="num">{row.potBefore}</td>
              <td>
                <strong className={OUTCOME_VIEW[row.outcome].tag}>{OUTCOME_VIEW[row.outcome].label}</strong>{" "}
                {row.outcome === "NOT_FUNDED" ? null : row.proposed}
              </td>
              <td className="num">{row.potAfter}</td>
              <td>{row.reason}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Pot for this event {pot}
            </th>
            <td colSpan={4}>
              Proposed {total} in all; {remaining} would be left
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
