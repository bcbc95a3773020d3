import { Link } from "@remix-run/react";

/** A payment one funder asked for, waiting for another to approve it (four eyes). */
export interface WaitingPayment {
  id: string;
  awardId: string;
  reference: string;
  groupName: string;
  amount: string;
  method: string;
  asked: string;
  /** False for the funder who decided or asked: they are told why, not offered the link. */
  youMayApprove: boolean;
  mine: boolean;
}

export function WaitingPaymentsTable({ waiting, funder }: { waiting: WaitingPayment[]; funder: boolean }) {
  return (
    <div className="table-wrap">
      <table className="awards-table">
        <thead>
          <tr>
            <th scope="col">Bid</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">How</th>
            <th scope="col">Asked for by</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {waiting.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.groupName}
                <span className="hint">{p.reference}</span>
              </th>
              <td className="num">{p.amount}</td>
              <td>{p.method}</td>
              <td>{p.asked}</td>
              <td>
                {p.youMayApprove ? (
                  <Link to={`/staff/awards/${p.awardId}#payments`}>
                    Review and approve<span className="visually-hidden"> the payment to {p.groupName}</span>
                  </Link>
                ) : funder && p.mine ? (
                  <>
                    Another funder must approve this: you made the decision or asked for the payment.{" "}
                    <Link to={`/staff/awards/${p.awardId}#payments`}>
                      Open<span className="visually-hidden"> the award to {p.groupName}</span>
                    </Link>
                  </>
                ) : (
                  <Link to={`/staff/awards/${p.awardId}#payments`}>
                    Open<span className="visually-hidden"> the award to {p.groupName}</span>
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
