import type { ReportView } from "~/domain/decision-report-view";

// Who sat on the panel, and every conflict of interest they declared.

export function ReportPanel({ panel, conflicts }: Pick<ReportView, "panel" | "conflicts">) {
  return (
    <section aria-labelledby="panel">
      <h2 id="panel">Panel and conflicts of interest</h2>
      {panel.length === 0 ? (
        <p>Nobody was invited to the panel.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Panel</caption>
            <thead>
              <tr>
                <th scope="col">Panellist</th>
                <th scope="col">Status</th>
                <th scope="col">Joined</th>
                <th scope="col">Removed</th>
              </tr>
            </thead>
            <tbody>
              {panel.map((p, i) => (
                <tr key={`${p.name}-${i}`}>
                  <td>{p.name}</td>
                  <td>{p.status}</td>
                  <td>{p.joined}</td>
                  <td>{p.removed || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {conflicts.length === 0 ? (
        <p>No conflicts of interest were declared.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Conflicts of interest (recusals)</caption>
            <thead>
              <tr>
                <th scope="col">Panellist</th>
                <th scope="col">Pitch</th>
                <th scope="col">Reason given</th>
                <th scope="col">Declared</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((c) => (
                <tr key={`${c.panellist}-${c.pitch}`}>
                  <td>{c.panellist}</td>
                  <td lang={c.pitchLang}>{c.pitch}</td>
                  <td>{c.reason}</td>
                  <td>{c.declared}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
