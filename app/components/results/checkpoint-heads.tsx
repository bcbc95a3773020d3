import { useT } from "~/i18n/i18n-context";

// Every checkpoint of the audit log, published: a copy outside the database that anyone can
// keep, so the log cannot later be cut short or rewritten without it showing.

export interface CheckpointHead {
  seq: number;
  hash: string;
  at: string;
  /** What it followed ("decisions_confirmed", ...); none: taken by hand. */
  triggers: string[];
}

const KNOWN_TRIGGERS = new Set(["decisions_confirmed", "awards_revealed", "payment_made"]);

export function CheckpointHeads({ heads }: { heads: CheckpointHead[] }) {
  const t = useT();
  const reason = (triggers: string[]) =>
    triggers.length === 0
      ? t("results.checkpoints.byHand")
      : t("results.checkpoints.after", {
          what: triggers.map((trigger) => (KNOWN_TRIGGERS.has(trigger) ? t(`results.checkpoints.trigger.${trigger}`) : trigger)).join(t("results.checkpoints.and")),
        });
  return (
    <section aria-labelledby="checkpoints">
      <h2 id="checkpoints">{t("results.checkpoints.heading")}</h2>
      <p>{t("results.checkpoints.about")}</p>
      {heads.length === 0 ? (
        <p>{t("results.checkpoints.none")}</p>
      ) : (
        <ol className="checkpoint-heads" aria-label={t("results.checkpoints.list")}>
          {heads.map((h) => (
            <li key={`${h.seq}-${h.hash}`}>
              <strong>{t("results.checkpoints.entry", { seq: h.seq })}</strong>
              {t("results.checkpoints.taken", { at: h.at, reason: reason(h.triggers) })} <code className="break-anywhere">{h.hash}</code>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
