import type { ScheduleView } from "~/domain/instalments";

// An award's payment schedule as a table: what is paid, what is under way and what is coming
// and when. The same table on the funder's award page and on the group's private page.

export function ScheduleTable({ schedule, caption }: { schedule: ScheduleView; caption: string }) {
  return (
    // why focusable: on a narrow screen the table scrolls sideways, and a keyboard must reach it.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Instalment</th>
            <th scope="col">Planned</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {schedule.rows.map((row) => (
            <tr key={row.position}>
              <th scope="row">{row.position}</th>
              <td>{row.planned}</td>
              <td className="num">{row.amount}</td>
              <td>
                <strong className={row.state.tag}>{row.state.label}</strong>
                {row.paid ? ` on ${row.paid}` : null}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Paid so far
            </th>
            <td className="num">{schedule.paid}</td>
            <td>{schedule.toCome} still to come</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
