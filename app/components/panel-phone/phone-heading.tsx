import type { ConnectionStatus } from "~/components/live/live-client";
import { connectionKey, useOnline } from "~/components/live/use-live-state";
import { useT } from "~/i18n/i18n-context";

/** The top of a panellist's phone: who is scoring, the event, and whether the phone is live. */
export function PhoneHeading({ name, eventTitle, eventId, connection }: { name: string; eventTitle: string; eventId: string; connection: ConnectionStatus }) {
  const t = useT();
  const online = useOnline();
  return (
    <>
      <span className="caption">{t("panel.home.panellist", { name })}</span>
      <h1>{eventTitle}</h1>
      <p className="live-line muted">
        <span aria-live="polite">{t(connectionKey(connection, online, "panel"))}</span> <a href={`/panel/${eventId}`}>{t("common.refresh")}</a>
      </p>
    </>
  );
}
