import { Form } from "@remix-run/react";
import type { InviteRow } from "~/domain/staff-users-page";

// Invites not yet accepted, each to send again (a new link) or withdraw.

export function OpenInvites({ invites }: { invites: InviteRow[] }) {
  return (
    <>
      <h2>Invites not yet accepted</h2>
      {invites.length === 0 ? (
        <p>There are no open invites.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Invites not yet accepted</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email address</th>
                <th scope="col">Roles</th>
                <th scope="col">Link works until</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => (
                <tr key={invite.id}>
                  <td>
                    {invite.name}
                    <span className="hint">Invited by {invite.invitedBy}</span>
                  </td>
                  <td className="break-anywhere">{invite.email}</td>
                  <td>{invite.roles.join(", ")}</td>
                  <td>{invite.expired ? <strong className="tag tag--grey">Expired</strong> : invite.expires}</td>
                  <td>
                    <div className="row-actions">
                      <Form method="post">
                        <input type="hidden" name="inviteId" value={invite.id} />
                        <button type="submit" name="intent" value="resend-invite" className="button button--secondary">
                          Send again <span className="visually-hidden">to {invite.name}</span>
                        </button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="inviteId" value={invite.id} />
                        <button type="submit" name="intent" value="revoke-invite" className="button button--warning">
                          Withdraw <span className="visually-hidden">invite to {invite.name}</span>
                        </button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
