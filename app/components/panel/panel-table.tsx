import { Form } from "@remix-run/react";

// The event's panel as the organiser sees it while setting up: who is on it, whether they have
// opened their link, and the two buttons that cut a panellist off their phone (each behind a
// confirmation, because a stray tap mid-pitch must not do either).

export type PanelRow = { id: string; name: string; status: "INVITED" | "JOINED" | "REVOKED"; joined: string | null; pitchesScored: number };

export function PanelTable({ panel, panelOpen, busy }: { panel: PanelRow[]; panelOpen: boolean; busy: boolean }) {
  if (panel.length === 0) return <p>No one has been invited yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">The panel</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Pitches scored
            </th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {panel.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>
                {p.status === "JOINED" ? (
                  <>
                    <strong className="tag tag--green">Joined</strong>
                    <span className="hint">on their phone, {p.joined}</span>
                  </>
                ) : p.status === "INVITED" ? (
                  <strong className="tag tag--grey">Invited, not opened yet</strong>
                ) : (
                  <strong className="tag tag--red">Removed</strong>
                )}
              </td>
              <td className="num">{p.pitchesScored}</td>
              <td>{p.status !== "REVOKED" && panelOpen ? <PanellistActions panellist={p} busy={busy} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PanellistActions({ panellist: p, busy }: { panellist: PanelRow; busy: boolean }) {
  return (
    <div className="panel-actions">
      <details className="confirm">
        <summary>
          Re-issue link<span className="visually-hidden"> for {p.name}</span>
        </summary>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="reissue" />
          <input type="hidden" name="panellistId" value={p.id} />
          <p>The old link, and the phone it was opened on, stop working. Scores already sent stay.</p>
          <button type="submit" className="button button--secondary" disabled={busy}>
            Yes, give {p.name} a new link
          </button>
        </Form>
      </details>
      <details className="confirm">
        <summary>
          Revoke<span className="visually-hidden"> {p.name}’s place on the panel</span>
        </summary>
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="revoke" />
          <input type="hidden" name="panellistId" value={p.id} />
          <p>{p.name} leaves the panel: their link and phone stop working. Scores already sent still count.</p>
          <button type="submit" className="button button--warning" disabled={busy}>
            Yes, remove {p.name} from the panel
          </button>
        </Form>
      </details>
    </div>
  );
}
