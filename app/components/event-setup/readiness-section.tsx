import { Form } from "@remix-run/react";
import type { EventState } from "~/domain/event-machine";

/** "Mark ready" while the event is being set up, and the way back while it is ready. */
export function ReadinessSection({ state, busy }: { state: EventState; busy: boolean }) {
  if (state !== "DRAFT" && state !== "READY") return null;
  return (
    <section aria-labelledby="readiness">
      <h2 id="readiness">{state === "DRAFT" ? "Ready to go?" : "Ready"}</h2>
      {state === "DRAFT" ? (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="ready" />
          <p>Mark the event ready once the running order is right and the panel is invited. The chair can then start it.</p>
          <button type="submit" className="button" disabled={busy}>
            Mark ready
          </button>
        </Form>
      ) : (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="draft" />
          <p>The event is ready for the chair to start. The details, running order and panel can still change until it starts.</p>
          <button type="submit" className="button button--secondary" disabled={busy}>
            Back to setting up
          </button>
        </Form>
      )}
    </section>
  );
}
