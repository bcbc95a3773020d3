import { Link } from "@remix-run/react";

// The bulk payments page's two lists: approved bank transfers that cannot go in a file yet (and
// why), and the files made so far with where each stands.

export interface BlockedPayment {
  paymentId: string;
  awardId: string;
  reference: string;
  groupName: string;
  /** "cy" when the group wrote in Welsh. */
  lang: "cy" | undefined;
  amount: string;
  why: string;
}

export interface BatchRow {
  id: string;
  made: string;
  payDay: string;
  payments: number;
  total: string;
  state: { label: string; tag: string };
}

export function BlockedPayments({ blocked }: { blocked: BlockedPayment[] }) {
  if (blocked.length === 0) return null;
  return (
    <>
      <h2 id="not-ready">Approved, but not ready for a file</h2>
      <ul>
        {blocked.map((p) => (
          <li key={p.paymentId}>
            <Link to={`/staff/awards/${p.awardId}`} lang={p.lang}>
              {p.groupName}
            </Link>{" "}
            ({p.reference}, {p.amount}): {p.why}
          </li>
        ))}
      </ul>
    </>
  );
}

export function BatchTable({ batches }: { batches: BatchRow[] }) {
  if (batches.length === 0) return <p>No bulk-payment file has been made yet.</p>;
  return (
    <div className="table-wrap">
      <table className="awards-table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Pay on</th>
            <th scope="col" className="num">
              Payments
            </th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id}>
              <th scope="row">
                <Link to={`/staff/awards/batches/${b.id}`}>Made {b.made}</Link>
              </th>
              <td>{b.payDay}</td>
              <td className="num">{b.payments}</td>
              <td className="num">{b.total}</td>
              <td>
                <strong className={b.state.tag}>{b.state.label}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
