import type { ReactNode } from "react";

/**
 * The funder's tables of awards and payments: a bid and its amount first, then the columns
 * given (a header of null is a column of buttons, named for screen readers only).
 */
export function AwardsTableShell({ columns, children }: { columns: (string | null)[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="awards-table">
        <thead>
          <tr>
            <th scope="col">Bid</th>
            <th scope="col" className="num">
              Amount
            </th>
            {columns.map((column) => (
              <th scope="col" key={column ?? "action"}>
                {column ?? <span className="visually-hidden">Action</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
