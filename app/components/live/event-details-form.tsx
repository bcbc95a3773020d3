import { Form } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";

// The event's details (title, start, venue, how long each pitch and its questions last), for
// the new-event page and the setup page. A plain POST form; the server checks it with
// eventSetupSchema and sends back each problem next to its field.

export const DETAIL_LABELS: Record<string, string> = {
  title: "Title",
  startsAt: "Starts",
  venue: "Venue",
  pitchSeconds: "Pitch length",
  questionSeconds: "Time for questions",
};

type Values = Record<string, string | string[] | undefined>;

interface EventDetailsFormProps {
  values: Values;
  errors: Record<string, string>;
  timeZone: string;
  submitLabel: string;
  busy: boolean;
}

export function EventDetailsForm({ values, errors, timeZone, submitLabel, busy }: EventDetailsFormProps) {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : "";
  };
  return (
    <Form method="post" noValidate preventScrollReset>
      <input type="hidden" name="intent" value="details" />
      <ErrorSummary errors={errors} labels={DETAIL_LABELS} />
      <TextField
        name="title"
        label="Title"
        hint="What the screen and the panellists' phones show, like “Spring pitch night”."
        defaultValue={text("title")}
        error={errors.title}
        maxLength={120}
      />
      <TextField
        name="startsAt"
        type="datetime-local"
        label="Starts"
        hint={`Date and time in ${timeZone} time.`}
        className="input--medium"
        defaultValue={text("startsAt")}
        error={errors.startsAt}
      />
      <TextField
        name="venue"
        label="Venue"
        hint="For example “Thornbury Town Hall, main room”."
        defaultValue={text("venue")}
        error={errors.venue}
        maxLength={200}
      />
      <TextField
        name="pitchSeconds"
        label="Pitch length"
        hint="Minutes and seconds, like 3:00."
        className="input--tiny"
        inputMode="numeric"
        defaultValue={text("pitchSeconds")}
        error={errors.pitchSeconds}
      />
      <TextField
        name="questionSeconds"
        label="Time for questions"
        hint="Minutes and seconds, like 2:00."
        className="input--tiny"
        inputMode="numeric"
        defaultValue={text("questionSeconds")}
        error={errors.questionSeconds}
      />
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}
