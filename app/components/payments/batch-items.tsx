import { Link } from "@remix-run/react";

// The payments in one bulk-payment file: who is paid, the reference on their statement, the
// amount, and once confirmed whether each was recorded as paid. While the file waits, a payee
// whose bank details changed since it was made is flagged: confirming will not pay them.

export interface BatchItemView {
  paymentId: string;
  awardId: string;
  groupName: string;
  /** "cy" when the group wrote in Welsh. */
  lang: "cy" | undefined;
  payeeName: string;
  reference: string;
  amount: string;
  outcome: { label: string; tag: string } | null;
  changedSince: boolean;
}

export function BatchItems({ items, total, open }: { items: BatchItemView[]; total: string; open: boolean }) {
  return (
    <div className="table-wrap">
      <table className="awards-table">
        <thead>
          <tr>
            <th scope="col">Award</th>
            <th scope="col">Paid to</th>
            <th scope="col">Reference</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">{open ? "Check" : "Outcome"}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.paymentId}>
              <th scope="row">
                <Link to={`/staff/awards/${item.awardId}`} lang={item.lang}>
                  {item.groupName}
                </Link>
              </th>
              <td>{item.payeeName}</td>
              <td>{item.reference}</td>
              <td className="num">{item.amount}</td>
              <td>
                {item.outcome ? (
                  <strong className={item.outcome.tag}>{item.outcome.label}</strong>
                ) : item.changedSince ? (
                  <strong className="tag tag--red">Bank details changed since this file was made: it will not be recorded as paid</strong>
                ) : (
                  "Details unchanged"
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="num">{total}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
