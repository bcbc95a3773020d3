import { useEffect, useRef, useState, type FormEvent } from "react";
import { choiceProblem } from "~/domain/audience-phone";
import type { VoteActionResult } from "~/domain/vote-page";
import { useT } from "~/i18n/i18n-context";
import { browserQueue, formBody, newClientId, type QueueEvent } from "~/utils/offline-queue";

// A ballot sent through the offline queue: what is counted, whether a vote is on its way or
// waiting for a connection, and the id that makes a resend count once. "Counted" changes only
// when the server has the ballot.

export type Sending = "idle" | "sending" | "waiting" | "changed";

interface BallotQueueInput {
  eventId: string;
  code: string;
  votesPerPerson: number;
  /** The ballot the server holds for this phone, as the page was served. */
  counted: string[];
  clientMutationId: string;
  justCounted: boolean;
  /** The action's answer, when the page was posted without JavaScript. */
  posted: VoteActionResult | undefined;
}

export function useBallotQueue({ eventId, code, votesPerPerson, counted: servedCounted, clientMutationId, justCounted: served, posted }: BallotQueueInput) {
  const key = `ballot:${eventId}`;
  const t = useT();
  // why: a refusal the server gave no words for is said in the page's language.
  const notAccepted = useRef(t("live.queue.notAccepted"));
  notAccepted.current = t("live.queue.notAccepted");
  const sentId = useRef<string | null>(null);
  const [clientId, setClientId] = useState(posted ? String(posted.values.clientMutationId ?? clientMutationId) : clientMutationId);
  const [counted, setCounted] = useState<string[]>(servedCounted);
  const [sending, setSending] = useState<Sending>("idle");
  // why: without JavaScript nothing stops a fourth tick; the server's refusal then belongs by the field.
  const tooMany = posted?.refusal && [posted.values.bidIds ?? []].flat().length > votesPerPerson ? posted.refusal : null;
  const [error, setError] = useState<string | null>(posted?.errors.bidIds ?? posted?.errors.clientMutationId ?? tooMany);
  const [refusal, setRefusal] = useState<string | null>(tooMany ? null : (posted?.refusal ?? null));
  const [justCounted, setJustCounted] = useState(served);

  useEffect(() => {
    const queue = browserQueue();
    const waiting = queue.pending(key).at(-1);
    if (waiting) {
      sentId.current = waiting.id;
      setClientId(waiting.id);
      setSending(navigator.onLine === false ? "waiting" : "sending");
    } else {
      // why: an id this page was served with may already be used (Back); make our own.
      setClientId(newClientId());
    }
    return queue.subscribe((event: QueueEvent) => {
      if (event.type === "dismissed" || event.entry.key !== key) return;
      if (event.type === "queued" || event.type === "waiting") setSending(navigator.onLine === false || event.type === "waiting" ? "waiting" : "sending");
      else if (event.type === "sending") setSending("sending");
      else if (event.type === "saved") {
        if (queue.pending(key).length === 0) {
          setSending("idle");
          setCounted(Array.isArray(event.reply.bidIds) ? (event.reply.bidIds as string[]) : []);
          setJustCounted(true);
        }
        if (sentId.current === event.entry.id) {
          sentId.current = null;
          setClientId(newClientId());
        }
      } else if (event.type === "refused") {
        // why: shown here at once; nothing else on this page reads ballot refusals later.
        queue.dismiss(key);
        setSending("idle");
        setRefusal(event.message ?? notAccepted.current);
        if (sentId.current === event.entry.id) {
          sentId.current = null;
          setClientId(newClientId());
        }
      }
    });
  }, [key]);

  function changed() {
    if (sentId.current && sentId.current === clientId) {
      sentId.current = null;
      setClientId(newClientId());
    }
    setJustCounted(false);
    if (counted.length > 0) setSending("changed");
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const chosen = form.querySelectorAll("input[name=bidIds]:checked").length;
    const said = choiceProblem(chosen, votesPerPerson);
    const problem = said ? t(said.key, said.values) : null;
    setError(problem);
    setRefusal(null);
    if (problem) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>(".error-summary")?.focus());
      return;
    }
    sentId.current = clientId;
    browserQueue().submit({ id: clientId, key, url: `/vote/${code}/ballot`, body: formBody(form) });
  }

  return { clientId, counted, sending, error, refusal, justCounted, changed, submit };
}
