import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { BallotChoices } from "~/components/ballot-choices";
import { ErrorSummary, fieldId, TextField } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PhoneAwardReveal } from "~/components/live/phone-award-reveal";
import { connectionText, useLiveState, useOnline } from "~/components/live/use-live-state";
import { audienceVotingStatus, canVoteFor, choiceProblem, voteCodeProblem, votesText, wrongCodesMessage } from "~/domain/audience-phone";
import { liveState } from "~/models/event.server";
import { myBallot } from "~/models/audience.server";
import { lookUpVoteCode, votingView } from "~/models/audience-view.server";
import { browserQueue, formBody, newClientId, type QueueEvent } from "~/utils/offline-queue";
import { receiveBallot } from "~/requests/ballot-submission.server";
import { clientAddress } from "~/utils/http.server";
import { voterKeyFrom } from "~/utils/voter.server";
import { readForm } from "~/utils/request-body.server";

// The audience's voting page, reached by the event's join code (OPEN voting: one ballot per
// phone) or a printed ticket's code (TICKETS: one ballot per ticket, bound to the first phone
// that uses it). No account: the phone is known by its voter cookie. A person chooses up to
// the round's number of pitches among those that have started, and can change their choice
// until voting closes. "Your vote is counted" shows only once the server has the ballot.
// The list of pitches follows the event live; with JavaScript the vote goes through the
// offline queue to /vote/<code>/ballot, without it this page's form posts here.

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `Vote: ${d.eventTitle} – Pitchday` : "Vote – Pitchday" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const NOT_FOUND = "We could not find an event or a ticket with that code. Check it against the screen or your ticket.";

async function resolve(request: Request, code: string | undefined) {
  const looked = await lookUpVoteCode(code ?? "", clientAddress(request));
  if (looked.ok) return looked.found;
  if (looked.reason === "limited") throw tooManyWrongCodes(looked.retryAfterSeconds);
  throw new Response(NOT_FOUND, { status: 404, statusText: "Not Found" });
}

function tooManyWrongCodes(retryAfterSeconds: number) {
  return new Response(wrongCodesMessage(retryAfterSeconds), { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await resolve(request, params.code);
  if (found.code !== params.code) throw redirect(`/vote/${found.code}`);
  const voterKey = await voterKeyFrom(request);
  const [view, live, ballot] = await Promise.all([
    votingView(found.eventId),
    liveState(found.eventId),
    voterKey ? myBallot(found.eventId, voterKey) : null,
  ]);
  if (!view || !live) throw new Response(NOT_FOUND, { status: 404, statusText: "Not Found" });
  const mode = view.event.audienceMode;
  const ticket = found.kind === "ticket" ? found.code : (ballot?.ticket ?? null);
  // A ticket another phone already used, or a second ticket on a phone that voted with one
  // (a phone holds one ballot); and a ticket event opened by its join code needs the ticket.
  const blocked =
    found.kind !== "ticket" || ballot?.ticket === found.code
      ? null
      : found.used
        ? { title: "This ticket has already been used on another phone", text: "Each ticket is one vote. If you have not voted yet, ask a steward." }
        : ballot?.ticket
          ? {
              title: `This phone has already voted with ticket ${ballot.ticket}`,
              text: "A phone holds one vote. To use this ticket, vote on another phone; or change this phone's vote with its own ticket.",
            }
          : null;
  const needsTicket = mode === "TICKETS" && !ticket;
  return {
    code: found.code,
    eventTitle: view.event.title,
    venue: view.event.venue,
    mode,
    votesPerPerson: view.event.votesPerPerson,
    ticket,
    blocked,
    needsTicket,
    counted: ballot?.bidIds ?? [],
    clientMutationId: randomUUID(),
    justCounted: new URL(request.url).searchParams.has("counted"),
    live,
  };
}

type ActionResult = { errors: Record<string, string>; values: Record<string, string | string[]>; refusal: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const found = await resolve(request, params.code);
  const form = await readForm(request);
  if (form.get("intent") === "ticket") {
    const typed = String(form.get("ticket") ?? "");
    const problem = voteCodeProblem(typed);
    const looked = problem ? null : await lookUpVoteCode(typed, clientAddress(request));
    const ticket = looked?.ok ? looked.found : null;
    if (!ticket || ticket.kind !== "ticket" || ticket.eventId !== found.eventId) {
      const limited = looked && !looked.ok && looked.reason === "limited" ? looked.retryAfterSeconds : null;
      const error = problem ?? (limited !== null ? wrongCodesMessage(limited) : "We could not find that ticket for this event. Check the code printed on it.");
      const init = limited !== null ? { status: 429, headers: { "Retry-After": String(limited) } } : { status: 400 };
      return data<ActionResult>({ errors: { ticket: error }, values: { ticket: typed }, refusal: null }, init);
    }
    throw redirect(`/vote/${ticket.code}`);
  }
  const outcome = await receiveBallot(request, found, form);
  const headers = outcome.setCookie ? { "Set-Cookie": outcome.setCookie } : undefined;
  if (outcome.kind === "counted") throw redirect(`/vote/${found.code}?counted`, { headers });
  if (outcome.kind === "invalid") return data<ActionResult>({ errors: outcome.errors, values: outcome.values, refusal: null }, { status: 400, headers });
  return data<ActionResult>({ errors: {}, values: outcome.values, refusal: outcome.message }, { status: 409, headers });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Vote() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const { state, connection } = useLiveState(loaded.live);
  const online = useOnline();
  const status = audienceVotingStatus(loaded.mode, state.event.state);

  return (
    <div className="phone">
      <span className="caption">{loaded.venue}</span>
      <h1>{loaded.eventTitle}</h1>
      {state.awards ? <PhoneAwardReveal awards={state.awards} /> : null}
      {status === "NOT_USED" ? null : (
        <p className="live-line muted" aria-live="polite">
          {connectionText(connection, online, "audience")}
        </p>
      )}
      {status === "NOT_USED" ? (
        <p>The audience does not vote at this event. Enjoy the pitches!</p>
      ) : loaded.blocked ? (
        <div className="notice notice--warning" role="alert">
          <p className="notice__title">{loaded.blocked.title}</p>
          <p>{loaded.blocked.text}</p>
        </div>
      ) : loaded.needsTicket ? (
        <TicketEntry errors={posted?.errors ?? {}} typed={String(posted?.values.ticket ?? "")} />
      ) : (
        <Ballot loaded={loaded} posted={posted} status={status} slots={state.slots} />
      )}
    </div>
  );
}

function TicketEntry({ errors, typed }: { errors: Record<string, string>; typed: string }) {
  return (
    <>
      <p>At this event each printed ticket is one vote. Enter the code on your ticket, or scan its QR code.</p>
      <Form method="post" noValidate>
        <ErrorSummary errors={{ ticket: errors.ticket }} />
        <input type="hidden" name="intent" value="ticket" />
        <TextField
          name="ticket"
          label="Ticket code"
          hint="8 letters and numbers, for example K7QM-3XPA"
          error={errors.ticket}
          defaultValue={typed}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          className="input--code"
        />
        <button type="submit" className="button button--large">
          Continue
        </button>
      </Form>
    </>
  );
}

type Slot = ReturnType<typeof useLiveState>["state"]["slots"][number];

function Ballot({ loaded, posted, status, slots }: { loaded: Loaded; posted: ActionResult | undefined; status: string; slots: Slot[] }) {
  const key = `ballot:${loaded.live.event.id}`;
  const formRef = useRef<HTMLFormElement>(null);
  const sentId = useRef<string | null>(null);
  const [clientId, setClientId] = useState(posted ? String(posted.values.clientMutationId ?? loaded.clientMutationId) : loaded.clientMutationId);
  const [counted, setCounted] = useState<string[]>(loaded.counted);
  const [sending, setSending] = useState<"idle" | "sending" | "waiting" | "changed">("idle");
  // why: without JavaScript nothing stops a fourth tick; the server's refusal then belongs by the field.
  const tooMany = posted?.refusal && [posted.values.bidIds ?? []].flat().length > loaded.votesPerPerson ? posted.refusal : null;
  const [error, setError] = useState<string | null>(posted?.errors.bidIds ?? posted?.errors.clientMutationId ?? tooMany);
  const [refusal, setRefusal] = useState<string | null>(tooMany ? null : (posted?.refusal ?? null));
  const [justCounted, setJustCounted] = useState(loaded.justCounted);

  const votable = slots.filter((slot) => canVoteFor(slot.state));
  const chosenBefore = new Set(posted ? [posted.values.bidIds ?? []].flat() : counted);
  const title = (bidId: string) => slots.find((s) => s.bidId === bidId)?.projectTitle ?? "a pitch";

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
        setRefusal(event.message);
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
    const problem = choiceProblem(chosen, loaded.votesPerPerson);
    setError(problem);
    setRefusal(null);
    if (problem) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>(".error-summary")?.focus());
      return;
    }
    sentId.current = clientId;
    browserQueue().submit({ id: clientId, key, url: `/vote/${loaded.code}/ballot`, body: formBody(form) });
  }

  if (status === "NOT_OPEN") {
    return (
      <div className="notice">
        <p className="notice__title">Voting opens when the event starts</p>
        <p>
          You will have {votesText(loaded.votesPerPerson)} to vote for. This page updates by itself; or <a href={`/vote/${loaded.code}`}>refresh it</a>.
        </p>
      </div>
    );
  }

  const countedBlock =
    counted.length > 0 ? (
      <div className={`notice notice--success${justCounted ? " vote-counted" : ""}`}>
        <p className="notice__title">Your vote is counted</p>
        <p>You voted for: {counted.map(title).join(", ")}.</p>
        {status === "OPEN" ? <p>You can change your vote until voting closes.</p> : null}
      </div>
    ) : null;

  if (status === "CLOSED") {
    return (
      <>
        <div className="notice" role="status">
          <p className="notice__title">Voting has closed</p>
          {counted.length === 0 ? <p>You did not vote from this phone.</p> : null}
        </div>
        {countedBlock}
      </>
    );
  }

  const legendId = fieldId("bidIds");
  return (
    <>
      <div role="status" aria-live="polite" className="vote-status">
        {sending === "sending" ? (
          <p>Sending your vote…</p>
        ) : sending === "waiting" ? (
          <p className="score-status--waiting">Waiting for connection — will send automatically.</p>
        ) : sending === "changed" ? (
          <p>You have changed your choice. Press “Change my vote” to send it.</p>
        ) : (
          countedBlock
        )}
      </div>
      {refusal ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">Your vote was not changed</p>
          <p>{refusal}</p>
        </div>
      ) : null}
      {loaded.ticket ? <p className="muted">Ticket {loaded.ticket}</p> : null}
      <form ref={formRef} method="post" action={`/vote/${loaded.code}`} noValidate onSubmit={submit} onChange={changed}>
        <ErrorSummary errors={{ bidIds: error ?? undefined }} />
        <input type="hidden" name="intent" value="vote" />
        <input type="hidden" name="clientMutationId" value={clientId} />
        <BallotChoices legendId={legendId} choices={votable} chosenBefore={chosenBefore} votesPerPerson={loaded.votesPerPerson} error={error} />
        <button type="submit" className="button button--large" disabled={votable.length === 0}>
          {counted.length > 0 ? "Change my vote" : "Vote"}
        </button>
      </form>
      <p>
        <Link to={`/vote/${loaded.code}`} reloadDocument>
          Refresh
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
