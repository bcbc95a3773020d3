import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { PaperCountRow } from "~/components/paper/paper-count-row";
import { ParticipationFigures } from "~/components/paper/participation-figures";
import { paperFormSchema } from "~/domain/audience-forms";
import { paperSummaryErrors, type PaperActionResult } from "~/domain/paper-page";
import { ownWordsLang } from "~/domain/own-words";
import { enterPaperTally, paperTallies, resolvePaperTally } from "~/models/audience.server";
import { participation } from "~/models/audience-view.server";
import { getEvent } from "~/models/event.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// Paper ballots, for people without a phone: the votes for each pitch are counted by two
// different members of staff, each entering their own count. A count is used only when the two
// agree, or once a difference is settled with a note. Paper votes that count are added to the
// phones' votes in the participation figures and in the results.

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `Paper votes: ${d.event.title} – Pitchday` : "Paper votes – Pitchday" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "event:run");
  const event = await getEvent(routeParam(params, "eventId"));
  if (!event) throw notFound("We could not find that event.");
  const [rows, figures] = await Promise.all([paperTallies(event.id), participation(event.id)]);
  const saved = new URL(request.url).searchParams.get("saved");
  return {
    event: { id: event.id, title: event.title, state: event.state, mode: event.round.audienceMode },
    figures,
    saved: rows.find((r) => r.bidId === saved)?.projectTitle ?? null,
    rows: rows.map((row) => ({
      bidId: row.bidId,
      title: row.projectTitle || row.reference,
      lang: row.projectTitle ? ownWordsLang(row.language) : undefined,
      reference: row.reference,
      status: row.status,
      counted: row.counted,
      first: row.firstCount === null ? null : { count: row.firstCount, yours: row.firstById === user.id },
      second: row.secondCount === null ? null : { count: row.secondCount, yours: row.secondById === user.id },
      resolved: row.resolvedCount === null ? null : { count: row.resolvedCount, note: row.resolvedNote ?? "" },
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "event:run");
  const eventId = routeParam(params, "eventId");
  const parsed = parseForm(paperFormSchema, await readForm(request));
  const bidId = String(parsed.values.bidId ?? "");
  const intent = String(parsed.values.intent ?? "");
  if (!parsed.ok) return data<PaperActionResult>({ bidId, intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const input = parsed.data;
  const result =
    input.intent === "enter"
      ? await enterPaperTally({ eventId, bidId: input.bidId, count: input.count, userId: user.id })
      : await resolvePaperTally({ eventId, bidId: input.bidId, count: input.count, note: input.note, userId: user.id });
  if (!result.ok) return data<PaperActionResult>({ bidId, intent, errors: { count: result.message }, values: parsed.values }, { status: 409 });
  throw redirect(`/staff/events/${eventId}/paper?saved=${encodeURIComponent(input.bidId)}`);
}

export default function PaperVotes() {
  const { event, figures, rows, saved } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const open = event.state === "LIVE" || event.state === "SCORING_CLOSED";

  return (
    <>
      <p>
        <Link to={`/staff/events/${event.id}`}>Back to the event</Link>
      </p>
      <span className="caption">{event.title}</span>
      <h1>Paper votes</h1>
      <ErrorSummary errors={paperSummaryErrors(posted)} />
      {saved ? (
        <div className="notice notice--success" role="status">
          <p>Your count for {saved} is saved.</p>
        </div>
      ) : null}
      <p>
        Two different people count each pitch's paper votes and enter their counts here. A count is used once both agree; if they differ,
        recount and settle it with a note.
      </p>
      {event.mode === "NONE" ? <p className="notice">This round's audience does not vote, so there are no paper votes to count.</p> : null}
      {!open ? <p className="notice">Paper votes are entered once the event has started, until decisions are recorded.</p> : null}

      <ParticipationFigures figures={figures} />

      <h2>Counts by pitch</h2>
      {rows.map((row) => (
        <PaperCountRow key={row.bidId} row={row} open={open} posted={posted} />
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
