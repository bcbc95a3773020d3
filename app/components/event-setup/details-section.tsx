import { EventDetailsForm } from "~/components/live/event-details-form";
import type { EventSetupView } from "~/domain/event-setup-page";

type Props = {
  event: EventSetupView["event"];
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
  busy: boolean;
};

/** The event's details: a form until it starts, then fixed; and how the audience takes part. */
export function DetailsSection({ event, values, errors, busy }: Props) {
  return (
    <>
      <h2>Details</h2>
      {event.editable ? (
        <EventDetailsForm values={values} errors={errors} timeZone={event.timeZone} submitLabel="Save details" busy={busy} />
      ) : (
        <>
          <p className="hint">The event has started, so its details are fixed.</p>
          <dl className="summary">
            <div>
              <dt>Starts</dt>
              <dd>{event.starts}</dd>
            </div>
            <div>
              <dt>Venue</dt>
              <dd>{event.venue}</dd>
            </div>
            <div>
              <dt>Pitch length</dt>
              <dd>{event.pitch}</dd>
            </div>
            <div>
              <dt>Time for questions</dt>
              <dd>{event.questions}</dd>
            </div>
          </dl>
        </>
      )}
      <dl className="summary">
        <div>
          <dt>Audience vote</dt>
          <dd>{event.audience}</dd>
        </div>
        {event.joinCode ? (
          <div>
            <dt>Audience join code</dt>
            <dd className="join-code-inline">{event.joinCode}</dd>
          </div>
        ) : null}
      </dl>
    </>
  );
}
