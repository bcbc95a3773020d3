import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { useT } from "~/i18n/i18n-context";

// At a ticket event opened by its join code: the printed ticket's code first.

export function TicketEntry({ errors, typed }: { errors: Record<string, string>; typed: string }) {
  const t = useT();
  return (
    <>
      <p>{t("vote.ticket.intro")}</p>
      <Form method="post" noValidate>
        <ErrorSummary errors={{ ticket: errors.ticket }} />
        <input type="hidden" name="intent" value="ticket" />
        <TextField
          name="ticket"
          label={t("vote.ticket.label")}
          hint={t("vote.ticket.hint")}
          error={errors.ticket}
          defaultValue={typed}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          className="input--code"
        />
        <button type="submit" className="button button--large">
          {t("common.continue")}
        </button>
      </Form>
    </>
  );
}
