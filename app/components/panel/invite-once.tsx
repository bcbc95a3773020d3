import { useEffect, useRef } from "react";
import { CopyField } from "~/components/copy-field";

// The invite link just made, shown once (only its hash is kept): a field to copy it from, the
// QR code to scan, and where it was emailed.

export type Invite = { name: string; url: string; qr: string; reissued: boolean; emailed: string | null };

export function InviteOnce({ invite }: { invite: Invite }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [invite]);
  return (
    <div className="invite-once" ref={ref} tabIndex={-1} role="region" aria-labelledby="invite-title">
      <h3 id="invite-title">
        {invite.reissued ? "New invite link" : "Invite link"} for {invite.name}
      </h3>
      {invite.emailed ? (
        <p>
          <strong>We have emailed this link to {invite.emailed}.</strong>
        </p>
      ) : null}
      <p>
        {invite.emailed ? "You can also copy it now: it is shown only once." : <strong>Copy this link now: it is shown only once.</strong>} Send it to{" "}
        {invite.name} only (by email or text), or let them scan the QR code with their phone. It works on the first phone that opens it. Lost it?
        Print the invite sheet for fresh links.
        {invite.reissued ? " Their old link, and the phone it was opened on, no longer work." : ""}
      </p>
      <CopyField id="invite-link" label={`Invite link for ${invite.name}`} value={invite.url} testId="invite-link" />
      <img className="invite-once__qr" src={invite.qr} alt={`QR code of the invite link for ${invite.name}`} width={240} height={240} />
    </div>
  );
}
