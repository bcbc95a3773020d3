import { Bi } from "~/components/bilingual";
import type { LiveSlot } from "~/domain/live-state";
import { useT } from "~/i18n/i18n-context";

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
  const t = useT();
  if (!next && !join) return null;
  return (
    <aside className="screen__side" aria-label={t("screen.sideLabel")}>
      {next ? (
        <div className="screen__next">
          <p className="screen__label">
            <Bi k="screen.next" />
          </p>
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
          <p className="screen__label">
            <Bi k="screen.voteOnPhone" />
          </p>
          <p>
            <Bi k="screen.goTo" /> <strong>{join.address}</strong>
          </p>
          <p className="screen__code">{join.code}</p>
          <img src={join.qr} alt={t("screen.qrAlt", { url: join.url })} className="screen__qr" width={220} height={220} />
        </div>
      ) : null}
    </aside>
  );
}
