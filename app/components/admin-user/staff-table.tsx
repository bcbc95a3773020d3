import { Link } from "@remix-run/react";
import type { StaffUserRow } from "~/domain/staff-users-page";

// Every staff account with its roles, whether it is active and when it was last used.

export function StaffTable({ users }: { users: StaffUserRow[] }) {
  return (
    <>
      <h2>Staff accounts</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Staff accounts, with their roles and status</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email address</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              <th scope="col">Last active</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                </td>
                <td className="break-anywhere">{user.email}</td>
                <td>{user.roles.join(", ")}</td>
                <td>{user.disabled ? <strong className="tag tag--red">Disabled</strong> : <strong className="tag tag--green">Active</strong>}</td>
                <td>{user.lastSeen ?? <span className="muted">Not signed in</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
