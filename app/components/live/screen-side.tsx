import type { LiveSlot } from "~/domain/live-state";

// The projector's right-hand column: who pitches next, and how the audience joins the vote.
// The join code comes before the QR code, and the QR code takes only the height left, so the
// code is never the part that is cut off.

export interface ScreenJoin {
  code: string;
  url: string;
  address: string;
  qr: string;
}

export function ScreenSide({ next, join }: { next: LiveSlot | null; join: ScreenJoin | null }) {
  if (!next && !join) return null;
  return (
    <aside className="screen__side" aria-label="Next and how to vote">
      {next ? (
        <div className="screen__next">
          <p className="screen__label">Next</p>
          <p className="screen__next-group" title={next.groupName}>
            {next.groupName}
          </p>
          <p className="screen__next-project" title={next.projectTitle}>
            {next.projectTitle}
          </p>
        </div>
      ) : null}
      {join ? (
        <div className="screen__join">
          <p className="screen__label">Vote on your phone</p>
          <p>
            Go to <strong>{join.address}</strong> and enter
          </p>
          <p className="screen__code">{join.code}</p>
          <img src={join.qr} alt={`QR code: opens ${join.url}`} className="screen__qr" width={220} height={220} />
        </div>
      ) : null}
    </aside>
  );
}
