import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { LiveState } from "~/domain/live-state";
import { useT } from "~/i18n/i18n-context";
import { useLiveState } from "./use-live-state";

// A group's own page between the funder's confirmation and the moment the hall hears the
// outcome: it says the decision is made and follows the event's live state, so the page
// shows the group's outcome (fetched afresh from the server, never carried in the public
// state) as soon as the chair reveals it. Without JavaScript, a link reloads the page.

export function BidOutcomePending({ live, eventTitle, reloadTo }: { live: LiveState; eventTitle: string; reloadTo: string }) {
  const { state } = useLiveState(live);
  const revalidator = useRevalidator();
  const t = useT();
  const step = state.awards?.step ?? 0;
  const seen = useRef(step);
  useEffect(() => {
    if (step === seen.current) return;
    seen.current = step;
    if (revalidator.state === "idle") revalidator.revalidate();
  }, [step, revalidator]);

  return (
    <div className="notice" role="status">
      <p className="notice__title">{t("bid.pending.title")}</p>
      <p>
        {t("bid.pending.text", { event: eventTitle })} <a href={reloadTo}>{t("bid.pending.refresh")}</a>.
      </p>
    </div>
  );
}
