import { ErrorSummary, TextArea } from "~/components/forms";
import { SCORE_COMMENT_MAX, scoreFieldName } from "~/domain/panel-phone";
import { useT } from "~/i18n/i18n-context";
import { browserQueue } from "~/utils/offline-queue";
import { CriterionScale } from "./score-pad/criterion-scale";
import { restore, writeDraft } from "./score-pad/drafts";
import { RefusalNotice } from "./score-pad/refusal-notice";
import { ScoreStatus } from "./score-pad/score-status";
import { useQueuedScore, type PadCriterion } from "./score-pad/use-queued-score";

export { scoreKey, useUnsettledScores } from "./score-pad/unsettled";
export type { PadCriterion };

// The panellist's score pad for one pitch: one row of large tap targets per criterion, an
// optional comment, one button.
//
// Without JavaScript it is a plain form posting to /panel/<event>/score/<bid>. With JavaScript
// the answers go through the offline queue (score-pad/use-queued-score.ts); the page says
// "Waiting for connection — will send automatically" until the server acknowledges, and
// "Saved — version N at HH:MM" only then. Once scoring for the pitch closes the pad stays,
// read-only, while it still has something to say: the server's refusal of a late score is shown
// beside the answers it refused.

export interface ScorePadProps {
  eventId: string;
  bidId: string;
  pitchTitle: string;
  criteria: PadCriterion[];
  /** Scoring is open for the pitch now; otherwise the pad is read-only, with `closedNote`. */
  open: boolean;
  closedNote?: string | null;
  /** The server's current sheet for this panellist: its version and time ("19:42"). */
  saved: { version: number; at: string } | null;
  /** What the controls show: the answers just refused, else the current sheet. */
  values: Record<string, string>;
  clientMutationId: string;
  errors?: Record<string, string>;
  refusal?: string | null;
  /** Just saved by a plain form post: say so. */
  justSaved?: boolean;
  from: "home" | "score";
  onSaved?: (saved: { version: number; at: string }) => void;
}

export function ScorePad(props: ScorePadProps) {
  const { eventId, bidId, criteria, from } = props;
  const pad = useQueuedScore(props);
  const { formRef, errors, refusal, saved } = pad;
  const t = useT();

  function dismiss() {
    browserQueue().dismiss(pad.key);
    writeDraft(pad.key, null);
    pad.setRefusal(null);
    // why: read-only answers must be the ones that count, not the ones refused.
    if (formRef.current) restore(formRef.current, new URLSearchParams({ comment: "", ...props.values }).toString(), { clearFirst: true });
  }

  const titleId = `pad-${bidId}-title`;
  return (
    <form
      ref={formRef}
      method="post"
      action={`/panel/${eventId}/score/${bidId}`}
      className="score-pad"
      aria-labelledby={titleId}
      noValidate
      onSubmit={pad.submit}
      onChange={pad.changed}
    >
      <h2 id={titleId} className="score-pad__title">
        {t("score.pad.title", { title: props.pitchTitle })}
      </h2>
      {refusal ? (
        <RefusalNotice message={refusal} open={props.open} onDismiss={dismiss} />
      ) : !props.open && props.closedNote ? (
        <p className="notice">{props.closedNote}</p>
      ) : null}
      <ErrorSummary errors={errors} />
      {pad.kept ? <p className="notice">{t("score.pad.kept")}</p> : null}
      <input type="hidden" name="clientMutationId" value={pad.clientId} />
      <input type="hidden" name="from" value={from} />
      {criteria.map((criterion) => (
        <CriterionScale
          key={criterion.id}
          criterion={criterion}
          value={props.values[scoreFieldName(criterion.id)]}
          error={errors[scoreFieldName(criterion.id)]}
          disabled={!props.open}
        />
      ))}
      <TextArea
        name="comment"
        label={t("score.pad.comment")}
        optional
        hint={t("score.pad.commentHint")}
        maxChars={SCORE_COMMENT_MAX}
        defaultValue={props.values.comment ?? ""}
        error={errors.comment}
        rows={3}
        disabled={!props.open}
      />
      {props.open ? (
        <button type="submit" className="button button--large">
          {saved ? t("score.pad.saveChanges") : t("score.pad.save")}
        </button>
      ) : null}
      <ScoreStatus status={pad.status} saved={saved} />
    </form>
  );
}
