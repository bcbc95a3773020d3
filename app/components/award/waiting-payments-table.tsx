import { Link } from "@remix-run/react";
import { AwardsTableShell } from "~/components/award/awards-table-shell";

/** A payment one funder asked for, waiting for another to approve it (four eyes). */
export interface WaitingPayment {
  id: string;
  awardId: string;
  reference: string;
  groupName: string;
  /** "cy" when the group wrote in Welsh. */
  lang: "cy" | undefined;
  amount: string;
  method: string;
  asked: string;
  /** False for the funder who decided or asked: they are told why, not offered the link. */
  youMayApprove: boolean;
  mine: boolean;
}

export function WaitingPaymentsTable({ waiting, funder }: { waiting: WaitingPayment[]; funder: boolean }) {
  return (
    <AwardsTableShell columns={["How", "Asked for by", null]}>
      {waiting.map((p) => (
        <tr key={p.id}>
          <th scope="row">
            <span lang={p.lang}>{p.groupName}</span>
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
    </AwardsTableShell>
  );
}
