import type { ReportView } from "~/domain/decision-report-view";

// Every version of every score sheet, and whether it counted.

export function ReportSheets({ sheets }: Pick<ReportView, "sheets">) {
  return (
    <section aria-labelledby="sheets">
      <h2 id="sheets">Score sheets, every version</h2>
      {sheets.length === 0 ? (
        <p>No score sheets were sent.</p>
      ) : (
        // why focusable: on a phone the table scrolls sideways, and keyboard users must reach it.
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Every version of every score sheet (scrolls sideways)">
          <table>
            <caption className="visually-hidden">Every version of every score sheet</caption>
            <thead>
              <tr>
                <th scope="col">Pitch</th>
                <th scope="col">Panellist</th>
                <th scope="col" className="num">
                  Version
                </th>
                <th scope="col">Sent</th>
                <th scope="col">Scores</th>
                <th scope="col">Counted</th>
                <th scope="col">Comment</th>
              </tr>
            </thead>
            <tbody>
              {sheets.map((s) => (
                <tr key={`${s.pitch}-${s.panellist}-${s.version}`}>
                  <td lang={s.pitchLang}>{s.pitch}</td>
                  <td>{s.panellist}</td>
                  <td className="num">{s.version}</td>
                  <td>{s.sent}</td>
                  <td>{s.scores.map((i) => `${i.criterion} ${i.value}`).join(", ")}</td>
                  <td>{s.standing}</td>
                  <td>{s.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
