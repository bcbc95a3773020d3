import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TextArea } from "~/components/forms";
import { ChairAwardReveal } from "~/components/live/chair-award-reveal";
import { Countdown } from "~/components/live/countdown";
import { announcement, nextCommandLabel, phaseName, pitchNumber } from "~/components/live/live-view";
import { screenPath } from "~/components/live/links";
import { RunningOrder } from "~/components/live/running-order";
import { ScoredCount } from "~/components/live/scored-count";
import { connectionText, useLiveState, useOnline } from "~/components/live/use-live-state";
import { chairFormSchema } from "~/domain/event-forms";
import { EVENT_STATE_LABELS, REASON_MAX } from "~/domain/event-machine";
import { revealEventAwards } from "~/coordinators/checkpoints.server";
import { awardReveal } from "~/models/award-reveal.server";
import { liveState, revealResults, runChairCommand } from "~/models/event.server";
import type { LiveSlot } from "~/domain/live-state";
import { listPanel } from "~/models/panel.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// The chair's page: one big button per command, each a plain POST carrying the revision this
// page last showed (a double tap or a stale tablet is refused, not applied twice). With
// JavaScript the page follows the live state over SSE and the countdown ticks; without it,
// every press reloads the page and a Refresh link fetches the latest state.

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Chair: ${data?.state.event.title ?? "event"} – Pitchday` }];

const MISSING = "There is no event at this address. It may have been typed wrongly.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "event:run");
  const state = await liveState(routeParam(params, "eventId"));
  if (!state) throw notFound(MISSING);
  const panel = await listPanel(state.event.id);
  // Staff only: who declared a conflict on which pitch (the public state has counts only).
  const recused: Record<string, string[]> = {};
  for (const p of panel) {
    for (const c of p.conflicts) (recused[c.bidId] ??= []).push(p.status === "REVOKED" ? `${p.name} (removed)` : p.name);
  }
  const reveal = state.event.state === "DECIDED" ? ((await awardReveal(state.event.id))?.plan ?? null) : null;
  return { state, recused, reveal };
}

type ActionData = { problem?: string; errors?: Record<string, string>; values?: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "event:run");
  const eventId = routeParam(params, "eventId");
  const actor = { type: "user" as const, id: user.id };
  const submission = parseForm(chairFormSchema, await readForm(request));
  if (!submission.ok) {
    const problem = submission.errors.reason ? undefined : Object.values(submission.errors)[0];
    return data<ActionData>({ problem, errors: submission.errors, values: submission.values }, { status: 400 });
  }
  const form = submission.data;
  const done =
    form.kind === "reveal"
      ? await revealResults(eventId, actor)
      : form.kind === "awards"
        ? await revealEventAwards(eventId, form.mode, user, { fromStep: form.fromStep })
        : await runChairCommand(eventId, form.command, actor);
  if (!done.ok) return data<ActionData>({ problem: done.message, values: submission.values }, { status: 409 });
  return redirect(`/staff/events/${eventId}/control`);
}

export default function ChairControls() {
  const loaded = useLoaderData<typeof loader>();
  const { state, offsetMs, connection } = useLiveState(loaded.state);
  const online = useOnline();
  const result = useActionData<ActionData>();
  const navigation = useNavigation();
  // why: only while a press is on its way; once it has landed (Remix reloading the page's data)
  // the live state already carries the new revision and the next press must go through.
  const busy = navigation.state === "submitting";
  const revalidator = useRevalidator();

  // why: names of who declared a conflict, and how many awards there are to reveal, are
  // staff-only and not in the live state; when the counts or the event's state change, fetch them again.
  const recusals = `${state.slots.map((s) => s.recusalCount).join(",")}|${state.event.state}`;
  const seenRecusals = useRef(recusals);
  useEffect(() => {
    if (recusals === seenRecusals.current) return;
    seenRecusals.current = recusals;
    if (revalidator.state === "idle") revalidator.revalidate();
  }, [recusals, revalidator]);

  const { event, current } = state;
  const timed = current?.state === "PITCHING" || current?.state === "QUESTIONS";
  const paused = timed && current?.pausedRemainingMs !== null;
  const next = nextCommandLabel(state);
  const unheard = state.slots.filter((s) => s.state === "WAITING").length;
  // Warnings the chair can still act on (a substitute before the pitch, a late score before the lock).
  const warnings = state.warnings.length ? state.slots.filter((s) => s.quorum.warning && s.state !== "LOCKED") : [];
  const reasonError = result?.errors?.reason;
  const failedIntent = typeof result?.values?.intent === "string" ? result.values.intent : null;
  const failedSlot = typeof result?.values?.slotId === "string" ? result.values.slotId : null;
  const typedReason = typeof result?.values?.reason === "string" ? result.values.reason : "";
  const guard = (e: FormEvent) => {
    // why: a second tap while the first is on its way would only be refused as stale.
    if (busy) e.preventDefault();
  };
  const chair = { revision: state.revision, guard };

  return (
    <div className="chair">
      <p>
        <Link to={`/staff/events/${event.id}`}>Back to setting up {event.title}</Link>
      </p>
      <span className="caption">Chair’s controls</span>
      <h1>{event.title}</h1>
      <p className="chair-status">
        <strong className={event.state === "LIVE" ? "tag tag--green" : "tag tag--grey"}>{EVENT_STATE_LABELS[event.state]}</strong>{" "}
        <span className="hint chair-status__connection" role="status">
          {busy ? "Sending…" : connectionText(connection, online)}
        </span>
      </p>
      <noscript>
        <p className="notice">
          JavaScript is off, so this page does not update by itself. <a href={`/staff/events/${event.id}/control`}>Refresh</a> to see the latest state.
        </p>
      </noscript>
      <p className="chair-now" aria-live="polite">
        {announcement(state)}
      </p>

      {result?.problem ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>That was not done</h2>
          <p>{result.problem}</p>
        </div>
      ) : null}
      {reasonError ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2>There is a problem</h2>
          <ul>
            <li>
              <a href={`#${reasonId(failedIntent, failedSlot)}`}>{reasonError}</a>
            </li>
          </ul>
        </div>
      ) : null}

      {warnings.length ? (
        <div className="notice notice--warning" role="region" aria-labelledby="quorum-warning">
          <h2 id="quorum-warning" className="notice__title">
            Quorum warning
          </h2>
          <ul>
            {warnings.map((slot) => (
              <li key={slot.id}>
                {slot.groupName} ({slot.bidReference}): {slot.quorum.warning}
              </li>
            ))}
          </ul>
          <p>Invite a substitute on the setup page, or carry on: pitches short of the quorum are ranked after those that met it.</p>
        </div>
      ) : null}

      <section className="chair-current" aria-labelledby="current-title">
        {current ? (
          <>
            <span className="caption">
              {pitchNumber(state, current)} · {phaseName(state)}
            </span>
            <h2 id="current-title" className="chair-current__group">
              {current.groupName}
            </h2>
            <p className="chair-current__project">
              {current.projectTitle ? `${current.projectTitle} ` : null}({current.bidReference})
            </p>
            <Countdown
              slot={current}
              serverNow={state.serverNow}
              offsetMs={offsetMs}
              size="chair"
              idle={current.state === "SCORING" ? "Panel scoring" : current.state === "LOCKED" ? "Scores locked" : undefined}
            />
            <p>
              <ScoredCount slot={current} />
            </p>
          </>
        ) : (
          <>
            <h2 id="current-title">{phaseName(state)}</h2>
            <p>
              {event.state === "DRAFT"
                ? "The event is still being set up. Mark it ready on the setup page, then start it here."
                : event.state === "READY"
                ? "Start the event to open the screen's welcome and the running order; the first pitch starts with the next press."
                : event.state === "LIVE"
                ? "No pitch is running."
                : "No pitch is running: scoring for the event has closed."}
            </p>
          </>
        )}
      </section>

      <div className="chair-actions">
        {event.state === "READY" ? <ChairButton {...chair} intent="start" label="Start the event" /> : null}
        {event.state === "LIVE" ? (
          <>
            {next ? (
              <ChairButton {...chair} intent="next" label={next} />
            ) : (
              <p className="chair-actions__note">Every pitch has been heard. Lock scoring for the last pitch, then close scoring for the event.</p>
            )}
            {timed ? (
              <>
                <ChairButton {...chair} intent={paused ? "resume" : "pause"} label={paused ? "Resume timer" : "Pause timer"} variant="secondary" />
                <ChairButton {...chair} intent="extend" label="+30 seconds" variant="secondary" />
              </>
            ) : null}
            {current ? <ChairButton {...chair} intent="lock" slotId={current.id} label="Lock scoring for this pitch" variant="secondary" /> : null}
          </>
        ) : null}
      </div>

      {event.state === "LIVE" ? (
        <section aria-labelledby="close-title" className="chair-close">
          <h2 id="close-title">End of the evening</h2>
          <ChairButton {...chair} intent="close" label="Close scoring for the event" variant="warning">
            <p>Locks every pitch still open for scoring. Panellists can no longer send or change scores.</p>
            {unheard > 0 ? (
              <div className="choice">
                <input type="checkbox" id="leave-unheard" name="leaveUnheard" value="yes" />
                <label htmlFor="leave-unheard">
                  Close even though {unheard === 1 ? "1 pitch has" : `${unheard} pitches have`} not been heard ({unheard === 1 ? "it" : "they"} will have no
                  scores)
                </label>
              </div>
            ) : null}
          </ChairButton>
        </section>
      ) : null}

      {event.state === "SCORING_CLOSED" ? (
        <section aria-labelledby="closed-title">
          <h2 id="closed-title">Scoring is closed</h2>
          {event.resultsRevealed ? (
            <p>The results are showing on the screen.</p>
          ) : (
            <ChairButton {...chair} intent="reveal" label="Show the results on the screen">
              <p>{event.audienceMode === "NONE" ? "The screen says scoring has closed." : "The screen shows the audience vote totals."}</p>
            </ChairButton>
          )}
          <details className="chair-reopen" open={failedIntent === "reopen-event"}>
            <summary>Reopen scoring for the event…</summary>
            <ChairButton {...chair} intent="reopen-event" label="Reopen scoring for the event" variant="warning">
              <TextArea
                name="reason"
                id={reasonId("reopen-event", null)}
                label="Why are you reopening scoring?"
                hint="Recorded in the audit log with your name."
                rows={3}
                maxChars={REASON_MAX}
                defaultValue={failedIntent === "reopen-event" ? typedReason : ""}
                error={failedIntent === "reopen-event" ? reasonError : undefined}
              />
            </ChairButton>
          </details>
        </section>
      ) : null}

      {event.state === "SCORING_CLOSED" || event.state === "DECIDED" ? (
        <section aria-labelledby="decisions-title">
          <h2 id="decisions-title">{event.state === "DECIDED" ? "Decisions confirmed" : "Over to the funder"}</h2>
          <p>
            {event.state === "DECIDED"
              ? "The funder has confirmed the decisions. Reveal the awards: the groups hear their outcomes, on their pages and by email, as the awards are revealed."
              : "The funder reviews the ranking and decides each bid on the decisions page; confirming them there closes the event."}
          </p>
          <p>
            <Link to={`/staff/events/${event.id}/decisions`} className="button button--secondary">
              {event.state === "DECIDED" ? "See the decisions" : "Go to the decisions"}
            </Link>
          </p>
        </section>
      ) : null}
      {loaded.reveal ? <ChairAwardReveal plan={loaded.reveal} view={state.awards} guard={guard} /> : null}

      <h2 id="order-title">Running order</h2>
      <p className="hint">
        {state.panel.joined} of {state.panel.active}{" "}
        {state.panel.active === 1 ? "panellist has" : state.panel.joined === 1 ? "panellists has" : "panellists have"} joined on their phones. Counts only: no
        one sees scores until the results.
      </p>
      <RunningOrder
        slots={state.slots}
        currentSlotId={state.currentSlotId}
        className="running-order--chair"
        detail={(slot) => (
          <SlotDetail slot={slot} names={loaded.recused[slot.bidId] ?? []}>
            {event.state === "LIVE" && slot.state === "SCORING" && slot.id !== current?.id ? (
              <ChairButton {...chair} intent="lock" slotId={slot.id} label="Lock scoring" hidden={` for ${slot.groupName}`} variant="secondary" small />
            ) : null}
            {event.state === "LIVE" && slot.state === "LOCKED" ? (
              <details className="chair-reopen" open={failedIntent === "reopen" && failedSlot === slot.id}>
                <summary>
                  Reopen scoring<span className="visually-hidden"> for {slot.groupName}</span>…
                </summary>
                <ChairButton {...chair} intent="reopen" slotId={slot.id} label="Reopen scoring" hidden={` for ${slot.groupName}`} variant="warning" small>
                  <TextArea
                    name="reason"
                    id={reasonId("reopen", slot.id)}
                    label={`Why are you reopening scoring for ${slot.groupName}?`}
                    hint="For example “Tom’s phone lost the Wi-Fi before he could send”. Recorded in the audit log with your name."
                    rows={3}
                    maxChars={REASON_MAX}
                    defaultValue={failedIntent === "reopen" && failedSlot === slot.id ? typedReason : ""}
                    error={failedIntent === "reopen" && failedSlot === slot.id ? reasonError : undefined}
                  />
                </ChairButton>
              </details>
            ) : null}
          </SlotDetail>
        )}
      />

      <p>
        <Link to={screenPath(event.id)} target="_blank" rel="noopener" className="button button--secondary">
          Open the big screen<span className="visually-hidden"> (opens in a new tab)</span>
        </Link>
        <Link to={screenPath(event.id, "projector")} target="_blank" rel="noopener" className="button button--secondary">
          Open the projector view<span className="visually-hidden"> (no page header or buttons; opens in a new tab)</span>
        </Link>
      </p>
    </div>
  );
}

function reasonId(intent: string | null, slotId: string | null) {
  return intent === "reopen" && slotId ? `reason-${slotId}` : "reason-event";
}

interface ChairButtonProps {
  intent: string;
  label: string;
  revision: string;
  guard: (e: FormEvent) => void;
  slotId?: string;
  variant?: "primary" | "secondary" | "warning";
  small?: boolean;
  /** Extra words for screen readers (which pitch a row's button is for). */
  hidden?: string;
  children?: ReactNode;
}

function ChairButton({ intent, label, revision, guard, slotId, variant = "primary", small, hidden, children }: ChairButtonProps) {
  const classes = ["button", variant === "secondary" ? "button--secondary" : variant === "warning" ? "button--warning" : null, small ? null : "chair-button"];
  return (
    <Form method="post" preventScrollReset onSubmit={guard} className="chair-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="revision" value={revision} />
      {slotId ? <input type="hidden" name="slotId" value={slotId} /> : null}
      {children}
      <button type="submit" className={classes.filter(Boolean).join(" ")}>
        {label}
        {hidden ? <span className="visually-hidden">{hidden}</span> : null}
      </button>
    </Form>
  );
}

function SlotDetail({ slot, names, children }: { slot: LiveSlot; names: string[]; children: ReactNode }) {
  const started = slot.state !== "WAITING";
  return (
    <div className="running-order__detail">
      {started ? (
        <p>
          <ScoredCount slot={slot} />
        </p>
      ) : null}
      {names.length ? <p>Conflict of interest declared by {names.join(", ")}: they do not score this pitch.</p> : null}
      {slot.quorum.warning ? (
        <p className="running-order__warning">
          <strong>Quorum:</strong> {slot.quorum.warning}
        </p>
      ) : null}
      {children}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
