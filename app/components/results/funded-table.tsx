/** A project funded at an event, as the public sees it once revealed in the hall. */
export interface FundedRow {
  reference: string;
  project: string;
  summary: string | null;
  group: string;
  area: string | null;
  amount: string;
  /** What was asked for, when the grant is part of it. */
  partOf: string | null;
}

interface FundedTableProps {
  title: string;
  funded: FundedRow[];
  /** Every award has been revealed: the total is the event's, not the one so far. */
  complete: boolean;
  awarded: string;
}

export function FundedTable({ title, funded, complete, awarded }: FundedTableProps) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Projects funded at {title}</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            <th scope="col">Group</th>
            <th scope="col" className="num">
              Grant
            </th>
          </tr>
        </thead>
        <tbody>
          {funded.map((f) => (
            <tr key={f.reference}>
              <td>
                <strong>{f.project}</strong>
                {f.summary ? <span className="hint">{f.summary}</span> : null}
              </td>
              <td>
                {f.group}
                {f.area ? <span className="hint">{f.area}</span> : null}
              </td>
              <td className="num">
                {f.amount}
                {f.partOf ? <span className="hint">of {f.partOf} asked for</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {complete ? "Total awarded at this event" : "Awarded so far"}
            </th>
            <td className="num">
              <strong>{awarded}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
