import { useT } from "~/i18n/i18n-context";

/** A project funded at an event, as the public sees it once revealed in the hall. */
export interface FundedRow {
  reference: string;
  /** The project's title in the group's own words; "" when it gave none. */
  project: string;
  summary: string | null;
  group: string;
  area: string | null;
  /** The `lang` of the group's own words when they are not in the page's language. */
  lang: string | undefined;
  amount: string;
  /** What was asked for, when the grant is part of it. */
  partOf: string | null;
}

interface FundedTableProps {
  title: string;
  funded: FundedRow[];
  /** Every award has been revealed: the total is the event's, not the one so far. */
  complete: boolean;
  awarded: string;
}

export function FundedTable({ title, funded, complete, awarded }: FundedTableProps) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t("results.table.caption", { event: title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("results.table.project")}</th>
            <th scope="col">{t("results.table.group")}</th>
            <th scope="col" className="num">
              {t("results.table.grant")}
            </th>
          </tr>
        </thead>
        <tbody>
          {funded.map((f) => (
            <tr key={f.reference}>
              <td>
                {f.project ? (
                  <strong lang={f.lang}>{f.project}</strong>
                ) : (
                  <strong>{t("results.table.projectBy", { group: f.group })}</strong>
                )}
                {f.summary ? (
                  <span className="hint" lang={f.lang}>
                    {f.summary}
                  </span>
                ) : null}
              </td>
              <td>
                <span lang={f.lang}>{f.group}</span>
                {f.area ? (
                  <span className="hint" lang={f.lang}>
                    {f.area}
                  </span>
                ) : null}
              </td>
              <td className="num">
                {f.amount}
                {f.partOf ? <span className="hint">{t("results.table.partOf", { requested: f.partOf })}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {complete ? t("results.table.total") : t("results.table.soFar")}
            </th>
            <td className="num">
              <strong>{awarded}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
