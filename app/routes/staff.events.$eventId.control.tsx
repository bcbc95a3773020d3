import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { FormEvent } from "react";
import { AfterScoring } from "~/components/chair/after-scoring";
import { ChairProblems, QuorumWarnings } from "~/components/chair/chair-notices";
import { ChairRunningOrder } from "~/components/chair/chair-running-order";
import { CurrentPitch } from "~/components/chair/current-pitch";
import { LiveCommands } from "~/components/chair/live-commands";
import { useRefreshOnChange } from "~/components/chair/use-refresh-on-change";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ChairAwardReveal } from "~/components/live/chair-award-reveal";
import { announcement } from "~/components/live/live-view";
import { screenPath } from "~/components/live/links";
import { connectionText } from "~/components/live/connection-text";
import { useLiveState, useOnline } from "~/components/live/use-live-state";
import { chairPageView, failedPress, recusedNames, type ChairActionData } from "~/domain/chair-page";
import { chairFormSchema } from "~/domain/event-forms";
import { EVENT_STATE_LABELS } from "~/domain/event-machine";
import { revealEventAwards } from "~/coordinators/checkpoints.server";
import { awardReveal } from "~/models/award-reveal.server";
import { liveState, revealResults, runChairCommand } from "~/models/event.server";
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
  const recused = recusedNames(await listPanel(state.event.id));
  const reveal = state.event.state === "DECIDED" ? ((await awardReveal(state.event.id))?.plan ?? null) : null;
  return { state, recused, reveal };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "event:run");
  const eventId = routeParam(params, "eventId");
  const actor = { type: "user" as const, id: user.id };
  const submission = parseForm(chairFormSchema, await readForm(request));
  if (!submission.ok) {
    const problem = submission.errors.reason ? undefined : Object.values(submission.errors)[0];
    return data<ChairActionData>({ problem, errors: submission.errors, values: submission.values }, { status: 400 });
  }
  const form = submission.data;
  const done =
    form.kind === "reveal"
      ? await revealResults(eventId, actor)
      : form.kind === "awards"
        ? await revealEventAwards(eventId, form.mode, user, { fromStep: form.fromStep })
        : await runChairCommand(eventId, form.command, actor);
  if (!done.ok) return data<ChairActionData>({ problem: done.message, values: submission.values }, { status: 409 });
  return redirect(`/staff/events/${eventId}/control`);
}

export default function ChairControls() {
  const loaded = useLoaderData<typeof loader>();
  const { state, offsetMs, connection } = useLiveState(loaded.state);
  const online = useOnline();
  const result = useActionData<ChairActionData>();
  const navigation = useNavigation();
  // why: only while a press is on its way; once it has landed (Remix reloading the page's data)
  // the live state already carries the new revision and the next press must go through.
  const busy = navigation.state === "submitting";
  // why: conflict names and the awards to reveal are not in the live state; fetch them again
  // when the counts or the event's state change.
  useRefreshOnChange(`${state.slots.map((s) => s.recusalCount).join(",")}|${state.event.state}`);

  const { event } = state;
  const view = chairPageView(state);
  const failed = failedPress(result);
  const guard = (e: FormEvent) => {
    // why: a second tap while the first is on its way would only be refused as stale.
    if (busy) e.preventDefault();
  };
  const press = { revision: state.revision, guard };

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

      <ChairProblems problem={result?.problem} failed={failed} />
      <QuorumWarnings warnings={view.warnings} />
      <CurrentPitch state={state} offsetMs={offsetMs} />
      <LiveCommands state={state} view={view} press={press} />
      <AfterScoring event={event} press={press} failed={failed} />
      {loaded.reveal ? <ChairAwardReveal plan={loaded.reveal} view={state.awards} guard={guard} /> : null}
      <ChairRunningOrder state={state} recused={loaded.recused} press={press} failed={failed} />

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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
