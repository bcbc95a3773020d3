import { useT } from "~/i18n/i18n-context";

// The bid form's buttons: a new bid or a draft saves and goes on to check the answers, or saves
// as a draft; a submitted bid saves its changes.

export function FormButtons({ kind, busy }: { kind: "new" | "draft" | "submitted"; busy: boolean }) {
  const t = useT();
  return (
    <>
      <div className="button-group">
        {kind === "submitted" ? (
          <button type="submit" name="intent" value="save" className="button" disabled={busy}>
            {busy ? t("apply.form.saving") : t("apply.form.saveChanges")}
          </button>
        ) : (
          <>
            <button type="submit" name="intent" value="continue" className="button" disabled={busy}>
              {t("apply.form.continue")}
            </button>
            <button type="submit" name="intent" value="draft" className="button button--secondary" disabled={busy}>
              {t("apply.form.draft")}
            </button>
          </>
        )}
      </div>
      {kind !== "submitted" ? <p className="hint">{t("apply.form.buttonsHint")}</p> : null}
    </>
  );
}
