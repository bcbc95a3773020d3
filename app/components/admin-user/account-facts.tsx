// A staff account at a glance: its address, whether it may sign in, and when it was last used.

export function AccountFacts({ account }: { account: { email: string; disabled: string | null; created: string; lastSeen: string | null } }) {
  return (
    <dl className="summary">
      <div>
        <dt>Email address</dt>
        <dd>{account.email}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          {account.disabled ? (
            <>
              <strong className="tag tag--red">Disabled</strong> since {account.disabled}
            </>
          ) : (
            <strong className="tag tag--green">Active</strong>
          )}
        </dd>
      </div>
      <div>
        <dt>Account created</dt>
        <dd>{account.created}</dd>
      </div>
      <div>
        <dt>Last active</dt>
        <dd>{account.lastSeen ?? "Not signed in at the moment"}</dd>
      </div>
    </dl>
  );
}
