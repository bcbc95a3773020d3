import { Link } from "@remix-run/react";
import type { FailedPress } from "~/domain/chair-page";
import type { LiveState } from "~/domain/live-state";
import { ChairButton, type ChairPress } from "./chair-button";
import { ReopenButton } from "./reopen-button";

// Once scoring has closed: showing the results on the screen, reopening with a reason, and
// handing over to the funder's decisions page.

interface AfterScoringProps {
  event: LiveState["event"];
  press: ChairPress;
  failed: FailedPress;
}

export function AfterScoring({ event, press, failed }: AfterScoringProps) {
  return (
    <>
      {event.state === "SCORING_CLOSED" ? (
        <section aria-labelledby="closed-title">
          <h2 id="closed-title">Scoring is closed</h2>
          {event.resultsRevealed ? (
            <p>The results are showing on the screen.</p>
          ) : (
            <ChairButton {...press} intent="reveal" label="Show the results on the screen">
              <p>{event.audienceMode === "NONE" ? "The screen says scoring has closed." : "The screen shows the audience vote totals."}</p>
            </ChairButton>
          )}
          <ReopenButton press={press} failed={failed} />
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
    </>
  );
}
