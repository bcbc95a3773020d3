import { useEffect, useRef, useState, type FormEvent } from "react";
import { ErrorSummary, fieldId, TextArea } from "~/components/forms";
import { missingScoreMessage, SCORE_COMMENT_MAX, scoreFieldName } from "~/domain/panel-phone";
import { browserQueue, formBody, newClientId, type QueueEvent } from "~/utils/offline-queue";

// The panellist's score pad for one pitch: one row of large tap targets per criterion (no
// sliders: a thumb on a crowded phone screen lands on the wrong value), an optional comment,
// one button.
//
// Without JavaScript it is a plain form posting to /panel/<event>/score/<bid>. With JavaScript
// the answers go through the offline queue (app/utils/offline-queue.ts) to the JSON endpoint
// /panel/<event>/sheets/<bid>; the page says "Waiting for connection — will send
// automatically" until the server acknowledges, and "Saved — version N at HH:MM" only then.
// The client mutation id lives in the form: the same answers sent twice are one version; any
// change after sending makes a new id, so the change becomes the next version. Answers not yet
// acknowledged are kept on the phone (a draft), so a reload or the chair moving on loses nothing.
// Once scoring for the pitch closes the pad stays, read-only, while it still has something to
// say: the server's refusal of a late score is shown beside the answers it refused.
//
// Also here: useUnsettledScores() -> the queue keys ("score:<event>:<bid>") with a score still
// waiting to be sent or a refusal not yet read, so a page keeps their pads on screen.

export interface PadCriterion {
  id: string;
  name: string;
  guidance: string;
  scaleMin: number;
  scaleMax: number;
}

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

type Status =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "waiting" }
  | { kind: "saved"; version: number; at: string }
  | { kind: "changed" };

export function scoreKey(eventId: string, bidId: string) {
  return `score:${eventId}:${bidId}`;
}

/** Keys with a score waiting to be sent or a refusal not yet read (empty until the page runs). */
export function useUnsettledScores(): Set<string> {
  const [keys, setKeys] = useState<Set<string>>(() => new Set());
  useEffect(() => {
    const queue = browserQueue();
    const read = () => {
      const next = new Set(queue.pending().map((entry) => entry.key));
      for (const key of queue.refusalKeys()) next.add(key);
      setKeys((current) => (current.size === next.size && [...next].every((k) => current.has(k)) ? current : next));
    };
    read();
    return queue.subscribe(read);
  }, []);
  return keys;
}

export const WAITING_TEXT = "Waiting for connection — will send automatically";

export function savedText(saved: { version: number; at: string }) {
  return `Saved — version ${saved.version} at ${saved.at}`;
}

const draftKey = (key: string) => `pitchday:draft:${key}`;

function readDraft(key: string) {
  try {
    return window.localStorage.getItem(draftKey(key));
  } catch {
    return null;
  }
}

function writeDraft(key: string, body: string | null) {
  try {
    if (body === null) window.localStorage.removeItem(draftKey(key));
    else window.localStorage.setItem(draftKey(key), body);
  } catch {
    // why: no storage (private browsing): the answers stay on the page, just not across a reload.
  }
}

const textareaValue = Object.getOwnPropertyDescriptor(globalThis.HTMLTextAreaElement?.prototype ?? {}, "value");

/** Puts answers (a form body) back into the controls, as if the person had chosen them. */
function restore(form: HTMLFormElement, body: string, options: { clearFirst?: boolean } = {}) {
  if (options.clearFirst) for (const radio of form.querySelectorAll<HTMLInputElement>("input[type=radio]")) radio.checked = false;
  for (const [name, value] of new URLSearchParams(body)) {
    if (name.startsWith("items.")) {
      for (const radio of form.querySelectorAll<HTMLInputElement>("input[type=radio]")) {
        if (radio.name === name) radio.checked = radio.value === value;
      }
    } else if (name === "comment") {
      const comment = form.querySelector<HTMLTextAreaElement>("textarea[name=comment]");
      if (comment && comment.value !== value) {
        // why: React's character count listens for input events; a plain assignment skips them.
        textareaValue?.set?.call(comment, value);
        comment.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
  }
}

function sameAnswers(a: string, b: string) {
  const strip = (body: string) => {
    const params = new URLSearchParams(body);
    params.delete("clientMutationId");
    params.delete("from");
    params.sort();
    return params.toString();
  };
  return strip(a) === strip(b);
}

export function ScorePad(props: ScorePadProps) {
  const { eventId, bidId, criteria, from } = props;
  const key = scoreKey(eventId, bidId);
  const formRef = useRef<HTMLFormElement>(null);
  const restoring = useRef(false);
  const sentId = useRef<string | null>(null);
  const onSaved = useRef(props.onSaved);
  onSaved.current = props.onSaved;
  const [clientId, setClientId] = useState(props.clientMutationId);
  const [errors, setErrors] = useState<Record<string, string>>(props.errors ?? {});
  const [refusal, setRefusal] = useState<string | null>(props.refusal ?? null);
  const [status, setStatus] = useState<Status>(props.justSaved && props.saved ? { kind: "saved", ...props.saved } : { kind: "idle" });
  const [kept, setKept] = useState(false);
  const saved = status.kind === "saved" ? status : props.saved;

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const queue = browserQueue();
    const waiting = queue.pending(key).at(-1);
    const refused = queue.refusal(key);
    const draft = readDraft(key);
    restoring.current = true;
    if (waiting) {
      restore(form, waiting.body);
      setClientId(waiting.id);
      sentId.current = waiting.id;
      setStatus({ kind: navigator.onLine === false ? "waiting" : "sending" });
    } else {
      // why: the server's id suits a plain form post; a page that runs makes its own, so an id
      // already used by an earlier copy of this page can never swallow new answers as a repeat.
      setClientId(newClientId());
      if (refused) {
        restore(form, refused.body);
        setRefusal(refused.message);
      } else if (draft && !sameAnswers(draft, formBody(form))) {
        restore(form, draft);
        setKept(true);
      }
    }
    restoring.current = false;

    return queue.subscribe((event: QueueEvent) => {
      if (event.type === "dismissed" || event.entry.key !== key) return;
      if (event.type === "queued") setStatus({ kind: navigator.onLine === false ? "waiting" : "sending" });
      else if (event.type === "sending") setStatus({ kind: "sending" });
      else if (event.type === "waiting") setStatus({ kind: "waiting" });
      else if (event.type === "saved") {
        const version = Number(event.reply.version);
        const at = String(event.reply.savedAt ?? "");
        writeDraft(key, null);
        setKept(false);
        setRefusal(null);
        if (queue.pending(key).length === 0) setStatus({ kind: "saved", version, at });
        if (sentId.current === event.entry.id) {
          sentId.current = null;
          setClientId(newClientId());
        }
        onSaved.current?.({ version, at });
      } else if (event.type === "refused") {
        // why: the refusal stays in the queue's storage until read (Dismiss) or replaced by a new
        // submission, so a page loaded later still shows it.
        setStatus({ kind: "idle" });
        setRefusal(event.message);
        const fieldErrors = event.reply.errors;
        if (fieldErrors && typeof fieldErrors === "object") setErrors(fieldErrors as Record<string, string>);
        if (sentId.current === event.entry.id) {
          sentId.current = null;
          setClientId(newClientId());
        }
      }
    });
  }, [key]);

  function changed() {
    if (restoring.current || !formRef.current) return;
    writeDraft(key, formBody(formRef.current));
    if (sentId.current && sentId.current === clientId) {
      // why: the answers differ from what was sent, so sending them is a new version.
      sentId.current = null;
      setClientId(newClientId());
    }
    if (status.kind === "saved") setStatus({ kind: "changed" });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const missing: Record<string, string> = {};
    for (const criterion of criteria) {
      const chosen = form.querySelector<HTMLInputElement>(`input[name="${scoreFieldName(criterion.id)}"]:checked`);
      if (!chosen) missing[scoreFieldName(criterion.id)] = missingScoreMessage(criterion);
    }
    setErrors(missing);
    setRefusal(null);
    if (Object.keys(missing).length > 0) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>(".error-summary")?.focus());
      return;
    }
    const body = formBody(form);
    writeDraft(key, body);
    sentId.current = clientId;
    browserQueue().submit({ id: clientId, key, url: `/panel/${eventId}/sheets/${bidId}`, body });
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
      onSubmit={submit}
      onChange={changed}
    >
      <h2 id={titleId} className="score-pad__title">
        Your score for {props.pitchTitle}
      </h2>
      {refusal ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">Your score was not saved</p>
          <p>{refusal}</p>
          <p>Your answers are still here{props.open ? "" : " for you to tell the chair"}.</p>
          {props.open ? null : (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                browserQueue().dismiss(key);
                writeDraft(key, null);
                setRefusal(null);
                // why: read-only answers must be the ones that count, not the ones refused.
                if (formRef.current) restore(formRef.current, new URLSearchParams({ comment: "", ...props.values }).toString(), { clearFirst: true });
              }}
            >
              Dismiss
            </button>
          )}
        </div>
      ) : !props.open && props.closedNote ? (
        <p className="notice">{props.closedNote}</p>
      ) : null}
      <ErrorSummary errors={errors} />
      {kept ? <p className="notice">We kept the answers you had not sent yet.</p> : null}
      <input type="hidden" name="clientMutationId" value={clientId} />
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
        label="Comment"
        optional
        hint="Only the organisers and the auditor see comments."
        maxChars={SCORE_COMMENT_MAX}
        defaultValue={props.values.comment ?? ""}
        error={errors.comment}
        rows={3}
        disabled={!props.open}
      />
      {props.open ? (
        <button type="submit" className="button button--large">
          {saved ? "Save changes" : "Save score"}
        </button>
      ) : null}
      <div className="score-status" role="status" aria-live="polite">
        {status.kind === "sending" ? (
          <p>Sending your score…</p>
        ) : status.kind === "waiting" ? (
          <p className="score-status--waiting">
            {WAITING_TEXT}.{" "}
            <button type="button" className="link-button" onClick={() => void browserQueue().flush({ now: true })}>
              Try now
            </button>
          </p>
        ) : status.kind === "saved" ? (
          <p className="score-status--saved">{savedText(status)}</p>
        ) : status.kind === "changed" ? (
          <p>You have changed your answers. Save them to send a new version.</p>
        ) : null}
      </div>
      {saved && status.kind !== "saved" ? <p className="muted">Last saved: version {saved.version} at {saved.at}.</p> : null}
    </form>
  );
}

function CriterionScale(props: { criterion: PadCriterion; value: string | undefined; error: string | undefined; disabled: boolean }) {
  const { criterion, value, error, disabled } = props;
  const name = scoreFieldName(criterion.id);
  const id = fieldId(name);
  const points = Array.from({ length: criterion.scaleMax - criterion.scaleMin + 1 }, (_, i) => criterion.scaleMin + i);
  return (
    <div className={`field score-criterion${error ? " field--error" : ""}`}>
      <fieldset aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}>
        <legend>{criterion.name}</legend>
        <span className="hint" id={`${id}-hint`}>
          {criterion.guidance ? `${criterion.guidance} ` : null}
          {criterion.scaleMin} is the lowest score, {criterion.scaleMax} the highest.
        </span>
        {error ? (
          <span className="error-message" id={`${id}-error`}>
            <span className="visually-hidden">Error: </span>
            {error}
          </span>
        ) : null}
        <div className="score-scale">
          {points.map((point, index) => (
            <label key={point} className="score-option">
              <input
                type="radio"
                id={index === 0 ? id : `${id}-${point}`}
                name={name}
                value={point}
                defaultChecked={value === String(point)}
                disabled={disabled}
              />
              <span>{point}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
