import type { EventSetupView } from "~/domain/event-setup-page";

/** Conflicts of interest the panellists declared, kept even for panellists since removed. */
export function ConflictsSection({ conflicts }: { conflicts: EventSetupView["conflicts"] }) {
  return (
    <>
      <h2 id="conflicts">Conflicts of interest</h2>
      {conflicts.length === 0 ? (
        <p>No panellist has declared a conflict of interest.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Conflicts of interest declared by panellists</caption>
            <thead>
              <tr>
                <th scope="col">Panellist</th>
                <th scope="col">Pitch</th>
                <th scope="col">Reason</th>
                <th scope="col">Declared</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((c) => (
                <tr key={c.key}>
                  <td>
                    {c.panellist}
                    {c.removed ? <span className="hint">Removed from the panel</span> : null}
                  </td>
                  <td>{c.pitch}</td>
                  <td className="pre-line">{c.reason}</td>
                  <td>{c.declared}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
