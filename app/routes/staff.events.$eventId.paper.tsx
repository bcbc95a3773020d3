import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, fieldId, TextArea, TextField } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PAPER_NOTE_MAX, paperFormSchema } from "~/domain/audience-forms";
import { PAPER_STATUS_LABELS, type PaperStatus } from "~/domain/ballot";
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
      reference: row.reference,
      status: row.status,
      counted: row.counted,
      first: row.firstCount === null ? null : { count: row.firstCount, yours: row.firstById === user.id },
      second: row.secondCount === null ? null : { count: row.secondCount, yours: row.secondById === user.id },
      resolved: row.resolvedCount === null ? null : { count: row.resolvedCount, note: row.resolvedNote ?? "" },
    })),
  };
}

type ActionResult = { bidId: string; intent: string; errors: Record<string, string>; values: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "event:run");
  const eventId = routeParam(params, "eventId");
  const parsed = parseForm(paperFormSchema, await readForm(request));
  const bidId = String(parsed.values.bidId ?? "");
  const intent = String(parsed.values.intent ?? "");
  if (!parsed.ok) return data<ActionResult>({ bidId, intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const input = parsed.data;
  const result =
    input.intent === "enter"
      ? await enterPaperTally({ eventId, bidId: input.bidId, count: input.count, userId: user.id })
      : await resolvePaperTally({ eventId, bidId: input.bidId, count: input.count, note: input.note, userId: user.id });
  if (!result.ok) return data<ActionResult>({ bidId, intent, errors: { count: result.message }, values: parsed.values }, { status: 409 });
  throw redirect(`/staff/events/${eventId}/paper?saved=${encodeURIComponent(input.bidId)}`);
}

const STATUS_TAGS: Record<PaperStatus, string> = {
  NONE: "tag tag--grey",
  FIRST_ONLY: "tag tag--yellow",
  MATCHED: "tag tag--green",
  MISMATCH: "tag tag--red",
  RESOLVED: "tag tag--green",
};

function entryText(entry: { count: number; yours: boolean } | null) {
  if (!entry) return "Not entered";
  return `${entry.count} (${entry.yours ? "you" : "another organiser"})`;
}

export default function PaperVotes() {
  const { event, figures, rows, saved } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errorFor = (bidId: string, intent: string) => (posted && posted.bidId === bidId && posted.intent === intent ? posted.errors : {});
  const open = event.state === "LIVE" || event.state === "SCORING_CLOSED";
  const summaryErrors: Record<string, string> = {};
  if (posted) {
    for (const [name, message] of Object.entries(posted.errors)) summaryErrors[`${posted.intent}-${name}-${posted.bidId}`] = message;
  }

  return (
    <>
      <p>
        <Link to={`/staff/events/${event.id}`}>Back to the event</Link>
      </p>
      <span className="caption">{event.title}</span>
      <h1>Paper votes</h1>
      <ErrorSummary errors={summaryErrors} />
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

      <h2>Participation</h2>
      <dl className="summary">
        <div>
          <dt>Phones that voted</dt>
          <dd>{figures.phoneBallots}</dd>
        </div>
        <div>
          <dt>Votes from phones</dt>
          <dd>{figures.phoneVotes}</dd>
        </div>
        <div>
          <dt>Paper votes counted</dt>
          <dd>{figures.paperVotes}</dd>
        </div>
        <div>
          <dt>All votes</dt>
          <dd>
            <strong>{figures.totalVotes}</strong>
          </dd>
        </div>
        {figures.paperPending > 0 ? (
          <div>
            <dt>Still to settle</dt>
            <dd>
              {figures.paperPending} {figures.paperPending === 1 ? "pitch needs" : "pitches need"} a second count or a note before its paper votes
              count.
            </dd>
          </div>
        ) : null}
      </dl>

      <h2>Counts by pitch</h2>
      {rows.map((row) => {
        const enterErrors = errorFor(row.bidId, "enter");
        const resolveErrors = errorFor(row.bidId, "resolve");
        const mine = row.first?.yours || row.second?.yours;
        const canEnter = open && row.status !== "RESOLVED" && (mine || !row.first || !row.second);
        const countId = `enter-count-${row.bidId}`;
        return (
          <section key={row.bidId} className="paper-row" aria-labelledby={`paper-${row.bidId}`}>
            <h3 id={`paper-${row.bidId}`}>
              {row.title} <span className="muted">({row.reference})</span>
            </h3>
            <p>
              <strong className={STATUS_TAGS[row.status]}>{PAPER_STATUS_LABELS[row.status]}</strong>
            </p>
            <dl className="summary summary--compact">
              <div>
                <dt>First count</dt>
                <dd>{entryText(row.first)}</dd>
              </div>
              <div>
                <dt>Second count</dt>
                <dd>{entryText(row.second)}</dd>
              </div>
              {row.resolved ? (
                <div>
                  <dt>Settled at</dt>
                  <dd>
                    {row.resolved.count}: {row.resolved.note}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>Paper votes that count</dt>
                <dd>{row.counted}</dd>
              </div>
            </dl>
            {canEnter ? (
              <Form method="post" noValidate className="inline-form">
                <input type="hidden" name="intent" value="enter" />
                <input type="hidden" name="bidId" value={row.bidId} />
                <TextField
                  id={fieldId(countId)}
                  name="count"
                  label={mine ? `Correct your count for ${row.title}` : `Your count for ${row.title}`}
                  inputMode="numeric"
                  className="input--tiny"
                  error={enterErrors.count}
                  defaultValue={typeof posted?.values.count === "string" && posted.bidId === row.bidId && posted.intent === "enter" ? posted.values.count : ""}
                />
                <button type="submit" className="button">
                  Save count
                </button>
              </Form>
            ) : null}
            {open && row.status === "MISMATCH" ? (
              <Form method="post" noValidate className="inline-form">
                <input type="hidden" name="intent" value="resolve" />
                <input type="hidden" name="bidId" value={row.bidId} />
                <TextField
                  id={fieldId(`resolve-count-${row.bidId}`)}
                  name="count"
                  label={`Agreed count for ${row.title}`}
                  inputMode="numeric"
                  className="input--tiny"
                  error={resolveErrors.count}
                  defaultValue={typeof posted?.values.count === "string" && posted.bidId === row.bidId && posted.intent === "resolve" ? posted.values.count : ""}
                />
                <TextArea
                  id={fieldId(`resolve-note-${row.bidId}`)}
                  name="note"
                  label="How was the difference settled?"
                  hint="For example: recounted by Sam and Priya, 14 both times."
                  maxChars={PAPER_NOTE_MAX}
                  rows={2}
                  error={resolveErrors.note}
                  defaultValue={typeof posted?.values.note === "string" && posted.bidId === row.bidId ? posted.values.note : ""}
                />
                <button type="submit" className="button button--warning">
                  Settle the counts
                </button>
              </Form>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
