// What happened to a staff account, newest first, from the audit log.

export interface AccountHistoryRow {
  seq: number;
  at: string;
  what: string;
  by: string;
}

export function AccountHistory({ history }: { history: AccountHistoryRow[] }) {
  return (
    <>
      <h2>History</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Changes to this account, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What happened</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.seq}>
                <td>{entry.at}</td>
                <td>{entry.what}</td>
                <td>{entry.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
