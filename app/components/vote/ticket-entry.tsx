import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";

// At a ticket event opened by its join code: the printed ticket's code first.

export function TicketEntry({ errors, typed }: { errors: Record<string, string>; typed: string }) {
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
