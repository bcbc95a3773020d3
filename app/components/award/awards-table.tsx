import { Link } from "@remix-run/react";
import { AwardsTableShell } from "~/components/award/awards-table-shell";

/** One award in the funder's list, with how its latest payment stands. */
export interface AwardRow {
  id: string;
  reference: string;
  groupName: string;
  /** "cy" when the group wrote in Welsh. */
  lang: "cy" | undefined;
  round: string;
  amount: string;
  status: { label: string; tag: string };
  override: boolean;
  payment: string;
  offered: string;
}

export function AwardsTable({ awards }: { awards: AwardRow[] }) {
  return (
    <AwardsTableShell columns={["Award", "Latest payment", "Offered"]}>
      {awards.map((a) => (
        <tr key={a.id}>
          <th scope="row">
            <Link to={`/staff/awards/${a.id}`} lang={a.lang}>
                {a.groupName}
              </Link>
            <span className="hint">
              {a.reference}, {a.round}
            </span>
            {a.override ? <strong className="tag tag--yellow">Override</strong> : null}
          </th>
          <td className="num">{a.amount}</td>
          <td>
            <strong className={a.status.tag}>{a.status.label}</strong>
          </td>
          <td>{a.payment}</td>
          <td>{a.offered}</td>
        </tr>
      ))}
    </AwardsTableShell>
  );
}
