import { Form } from "@remix-run/react";
import { useT } from "~/i18n/i18n-context";

export interface DeclaredConflict {
  bidId: string;
  title: string;
  groupName: string;
  /** "cy" when the group wrote in Welsh. */
  lang?: "cy";
  conflict: string | null;
  /** Scoring for the pitch is not locked yet, so the conflict may be taken back. */
  changeable: boolean;
}

/** A panellist's declared conflicts, each with a button to take it back while that is allowed. */
export function DeclaredConflicts({ declared }: { declared: DeclaredConflict[] }) {
  const t = useT();
  if (declared.length === 0) return null;
  return (
    <section aria-labelledby="declared-title">
      <h2 id="declared-title">{t("panel.conflicts.yours")}</h2>
      <ul className="conflict-list">
        {declared.map((pitch) => (
          <li key={pitch.bidId}>
            <strong lang={pitch.lang}>{pitch.title}</strong> (<span lang={pitch.lang}>{pitch.groupName}</span>)
            <p className="pre-line">{pitch.conflict}</p>
            {pitch.changeable ? (
              <Form method="post">
                <input type="hidden" name="intent" value="withdraw" />
                <input type="hidden" name="bidId" value={pitch.bidId} />
                <button type="submit" className="button button--secondary">
                  {t("panel.conflicts.takeBack")}
                  <span className="visually-hidden"> {t("panel.conflicts.takeBackFor", { title: pitch.title })}</span>
                </button>
              </Form>
            ) : (
              <p className="muted">{t("panel.conflicts.locked")}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
