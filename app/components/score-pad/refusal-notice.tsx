// The server's refusal of a score, beside the answers it refused. Once scoring has closed the
// panellist can dismiss it, and the pad shows again the answers that count.

import { useT } from "~/i18n/i18n-context";

export function RefusalNotice({ message, open, onDismiss }: { message: string; open: boolean; onDismiss: () => void }) {
  const t = useT();
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__title">{t("score.refusal.title")}</p>
      <p>{message}</p>
      <p>{t(open ? "score.refusal.kept" : "score.refusal.keptTellChair")}</p>
      {open ? null : (
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          {t("score.refusal.dismiss")}
        </button>
      )}
    </div>
  );
}
