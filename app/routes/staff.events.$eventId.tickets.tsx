import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ErrorSummary, TextField } from "~/components/forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TicketSheet } from "~/components/tickets/ticket-sheet";
import { qrDataUrl } from "~/components/live/qr.server";
import { MAX_TICKETS_PER_BATCH, ticketBatchSchema } from "~/domain/audience-forms";
import { generateTickets, listTickets } from "~/models/audience.server";
import { getEvent } from "~/models/event.server";
import { requirePermission } from "~/requests/auth.server";
import { parseForm } from "~/utils/forms";
import { notFound, publicUrl } from "~/utils/http.server";
import { readForm } from "~/utils/request-body.server";
import { routeParam } from "~/utils/route-params";

// Printed single-use ballot tickets for an event whose round votes with tickets: the organiser
// makes a batch, prints the sheet (a code and a QR code of /vote/<code> per ticket, cut along
// the dashed lines) and hands one to each person at the door.

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `Tickets: ${d.event.title} – Pitchday` : "Tickets – Pitchday" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "event:manage");
  const event = await getEvent(routeParam(params, "eventId"));
  if (!event) throw notFound("We could not find that event.");
  const tickets = await listTickets(event.id);
  const made = Number(new URL(request.url).searchParams.get("made"));
  return {
    event: { id: event.id, title: event.title, state: event.state, venue: event.venue, roundId: event.round.id, mode: event.round.audienceMode },
    voteAddress: publicUrl(request, "/vote"),
    made: Number.isInteger(made) && made > 0 ? made : null,
    tickets: await Promise.all(
      tickets.map(async (ticket) => ({ ...ticket, qr: await qrDataUrl(publicUrl(request, `/vote/${ticket.code}`)) })),
    ),
  };
}

type ActionResult = { errors: Record<string, string>; values: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "event:manage");
  const parsed = parseForm(ticketBatchSchema, await readForm(request));
  if (!parsed.ok) return data<ActionResult>({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await generateTickets(routeParam(params, "eventId"), parsed.data.count, { type: "user", id: user.id });
  if (!result.ok) return data<ActionResult>({ errors: { count: result.message }, values: parsed.values }, { status: 409 });
  throw redirect(`/staff/events/${params.eventId}/tickets?made=${parsed.data.count}`);
}

export const TRADE_OFF =
  "Tickets allow one vote per printed ticket, so nobody can vote twice, but you must print them and hand one to each person; open voting needs only the code on the big screen, but someone with two phones, or who clears their browser, can vote twice.";

export default function Tickets() {
  const { event, tickets, voteAddress, made } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  const used = tickets.filter((t) => t.used).length;
  const closed = event.state === "SCORING_CLOSED" || event.state === "DECIDED";

  return (
    <div className="ticket-page">
      <div className="no-print">
        <p>
          <Link to={`/staff/events/${event.id}`}>Back to the event</Link>
        </p>
        <span className="caption">{event.title}</span>
        <h1>Audience tickets</h1>
        <p>{TRADE_OFF}</p>
        {made ? (
          <div className="notice notice--success" role="status">
            <p>
              {made} new {made === 1 ? "ticket is" : "tickets are"} ready to print.
            </p>
          </div>
        ) : null}
        {event.mode !== "TICKETS" ? (
          <div className="notice notice--warning">
            <p>
              {event.mode === "OPEN"
                ? "This round's audience votes with the code on the big screen (open voting), so tickets are not used."
                : "This round's audience does not vote."}{" "}
              To use printed tickets, <Link to={`/staff/rounds/${event.roundId}/edit`}>change the round's audience voting to tickets</Link>.
            </p>
          </div>
        ) : closed ? (
          <p>Voting has closed, so no more tickets are needed.</p>
        ) : (
          <Form method="post" noValidate className="ticket-batch">
            <ErrorSummary errors={posted?.errors ?? {}} />
            <TextField
              name="count"
              label="How many tickets?"
              hint={`One per person you expect, plus a few spare. Up to ${MAX_TICKETS_PER_BATCH} at a time; each batch adds to those already made.`}
              inputMode="numeric"
              className="input--tiny"
              error={posted?.errors.count}
              defaultValue={typeof posted?.values.count === "string" ? posted.values.count : ""}
            />
            <button type="submit" className="button">
              Make tickets
            </button>
          </Form>
        )}
        {tickets.length > 0 ? (
          <>
            <h2>
              {tickets.length} {tickets.length === 1 ? "ticket" : "tickets"}, {used} used
            </h2>
            <p>
              Print this page and cut along the dashed lines.
              {canPrint ? (
                <>
                  {" "}
                  <button type="button" className="button button--secondary" onClick={() => window.print()}>
                    Print tickets
                  </button>
                </>
              ) : (
                " Use your browser's Print command."
              )}{" "}
              Used tickets are marked here and left off the print-out.
            </p>
          </>
        ) : null}
      </div>
      <TicketSheet eventTitle={event.title} tickets={tickets} voteAddress={voteAddress} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
