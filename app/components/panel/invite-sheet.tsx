import { useEffect, useState } from "react";
import { CopyField } from "~/components/copy-field";

// The printed panel invites: one card per panellist with their QR code and link, cut apart and
// handed to each person. On screen each link can also be copied to send by text or email.

export type SheetInvite = { id: string; name: string; url: string; qr: string };

export function InviteSheet({ title, venue, invites }: { title: string; venue: string; invites: SheetInvite[] }) {
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  if (invites.length === 0) {
    return <p>Every panellist has already opened their link, so there is nothing to print.</p>;
  }
  return (
    <>
      <div className="no-print notice notice--success" role="status">
        <p>
          {invites.length} fresh {invites.length === 1 ? "link is" : "links are"} ready. Print this page and cut along the dashed lines; give each
          card to the person named on it only.
          {canPrint ? (
            <>
              {" "}
              <button type="button" className="button button--secondary" onClick={() => window.print()}>
                Print invite sheet
              </button>
            </>
          ) : (
            " Use your browser's Print command."
          )}
        </p>
      </div>
      <ul className="invite-sheet" aria-label="Panel invites">
        {invites.map((invite) => (
          <li key={invite.id} className="invite-card" data-testid="invite-card">
            <p className="invite-card__event">
              {title}, {venue}
            </p>
            <h2 className="invite-card__name">{invite.name}</h2>
            <img src={invite.qr} alt={`QR code of the invite link for ${invite.name}`} width={160} height={160} className="invite-card__qr" />
            <p className="invite-card__how">Scan with the phone you will score on. It works on the first phone that opens it.</p>
            <p className="invite-card__url print-only">{invite.url}</p>
            <div className="no-print">
              <CopyField id={`invite-${invite.id}`} label={`Invite link for ${invite.name}`} value={invite.url} rows={3} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
