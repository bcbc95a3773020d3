import { useEffect, useRef, useState, type FormEvent } from "react";
import { missingScore, scoreFieldName } from "~/domain/panel-phone";
import { useT } from "~/i18n/i18n-context";
import { browserQueue, formBody, newClientId, type QueueEvent } from "~/utils/offline-queue";
import { readDraft, restore, sameAnswers, writeDraft } from "./drafts";
import { scoreKey } from "./unsettled";

// The score pad's behaviour with JavaScript: answers go through the offline queue to
// /panel/<event>/sheets/<bid>, and the status follows the queue ("sending", "waiting",
// "saved", or refused with the reason). The client mutation id lives in the form: the same
// answers sent twice are one version; any change after sending makes a new id, so the change
// becomes the next version. Unsent answers are kept as a draft, so a reload loses nothing.

export interface PadCriterion {
  id: string;
  name: string;
  guidance: string;
  scaleMin: number;
  scaleMax: number;
}

export type PadStatus =
  | { kind: "idle" }
  | { kind: "sending" }
  | { kind: "waiting" }
  | { kind: "saved"; version: number; at: string }
  | { kind: "changed" };

interface QueuedScoreInput {
  eventId: string;
  bidId: string;
  criteria: PadCriterion[];
  saved: { version: number; at: string } | null;
  clientMutationId: string;
  errors?: Record<string, string>;
  refusal?: string | null;
  justSaved?: boolean;
  onSaved?: (saved: { version: number; at: string }) => void;
}

export function useQueuedScore(props: QueuedScoreInput) {
  const { eventId, bidId, criteria } = props;
  const key = scoreKey(eventId, bidId);
  const formRef = useRef<HTMLFormElement>(null);
  const restoring = useRef(false);
  const sentId = useRef<string | null>(null);
  const onSaved = useRef(props.onSaved);
  onSaved.current = props.onSaved;
  const [clientId, setClientId] = useState(props.clientMutationId);
  const [errors, setErrors] = useState<Record<string, string>>(props.errors ?? {});
  const [refusal, setRefusal] = useState<string | null>(props.refusal ?? null);
  const [status, setStatus] = useState<PadStatus>(props.justSaved && props.saved ? { kind: "saved", ...props.saved } : { kind: "idle" });
  const [kept, setKept] = useState(false);
  const t = useT();
  // why: a refusal the server gave no words for is said in the page's language.
  const notAccepted = useRef(t("live.queue.notAccepted"));
  notAccepted.current = t("live.queue.notAccepted");
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
        setRefusal(refused.message ?? notAccepted.current);
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
        setRefusal(event.message ?? notAccepted.current);
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
      if (!chosen) {
        const said = missingScore(criterion);
        missing[scoreFieldName(criterion.id)] = t(said.key, said.values);
      }
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

  return { key, formRef, clientId, errors, refusal, setRefusal, status, kept, saved, changed, submit };
}
