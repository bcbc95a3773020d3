import { Link } from "@remix-run/react";
import { ScheduleTable } from "~/components/award/schedule-table";
import type { AwardPageView } from "~/domain/award-page";

/** The award page's payment schedule: one instalment unless a funder splits it. */
export function ScheduleSection({ page }: { page: Pick<AwardPageView, "award" | "schedule" | "can"> }) {
  const { award, schedule } = page;
  return (
    <section aria-labelledby="schedule-title">
      <h2 id="schedule-title">Payment schedule</h2>
      {schedule.split ? (
        <ScheduleTable schedule={schedule} caption={`${award.amount} in ${schedule.rows.length} instalments`} />
      ) : (
        <p>
          {award.amount} in one payment, {schedule.rows[0]?.planned.toLowerCase()}
          {schedule.rows[0]?.paid ? ` (paid on ${schedule.rows[0].paid})` : ""}.
        </p>
      )}
      {page.can.schedule ? (
        <p>
          <Link to={`/staff/awards/${award.id}/schedule`}>{schedule.split ? "Change the payment schedule" : "Pay in instalments: set a payment schedule"}</Link>
        </p>
      ) : null}
    </section>
  );
}
