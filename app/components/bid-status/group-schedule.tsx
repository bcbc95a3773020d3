import type { GroupAwardView } from "~/domain/group-award";
import type { InstalmentState } from "~/domain/instalments";
import { useSay, type DatesSaid } from "~/i18n/message-args";

// why here: a value from domain/group-award would bring its instalment rules (zod, time zones) to the phone.
const INSTALMENT_TAG: Record<InstalmentState, string> = { paid: "tag tag--green", in_progress: "tag tag--yellow", planned: "tag tag--grey" };

// The award's instalments on the group's page: what is paid, what is under way, what is to
// come and when, in the page's language.

export function GroupSchedule({ schedule }: { schedule: NonNullable<DatesSaid<GroupAwardView>["schedule"]> }) {
  const say = useSay();
  const t = say.t;
  const caption = t("bid.schedule.caption");
  return (
    // why focusable: on a narrow screen the table scrolls sideways, and a keyboard must reach it.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("bid.schedule.instalment")}</th>
            <th scope="col">{t("bid.schedule.planned")}</th>
            <th scope="col" className="num">
              {t("bid.schedule.amount")}
            </th>
            <th scope="col">{t("bid.schedule.status")}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.rows.map((row) => (
            <tr key={row.position}>
              <th scope="row">{row.position}</th>
              <td>{row.planned ? say.arg(row.planned) : t("bid.schedule.onAcceptance")}</td>
              <td className="num">{say.arg(row.amount)}</td>
              <td>
                <strong className={INSTALMENT_TAG[row.state]}>{t(`bid.schedule.state.${row.state}`)}</strong>
                {row.paid ? ` ${t("bid.schedule.paidOn", { day: say.arg(row.paid) })}` : null}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t("bid.schedule.paidSoFar")}
            </th>
            <td className="num">{say.arg(schedule.paid)}</td>
            <td>{t("bid.schedule.toCome", { amount: say.arg(schedule.toCome) })}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
