/** A device signed in to a staff account. */
export interface SessionRow {
  id: string;
  device: string;
  current: boolean;
  signedIn: string;
  lastActive: string;
}

/** Where a person is signed in, so they can spot a device they do not recognise. */
export function SessionsTable({ sessions }: { sessions: SessionRow[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Devices signed in to your account</caption>
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last active</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td>
                {session.device} {session.current ? <strong className="tag tag--green">This device</strong> : null}
              </td>
              <td>{session.signedIn}</td>
              <td>{session.lastActive}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
