import { Link } from "@remix-run/react";
import { BallotChoices } from "~/components/ballot-choices";
import { ErrorSummary, fieldId } from "~/components/forms";
import { canVoteFor, votesText, type VotingStatus } from "~/domain/audience-phone";
import type { LiveSlot } from "~/domain/live-state";
import type { VoteActionResult } from "~/domain/vote-page";
import { useBallotQueue } from "./use-ballot-queue";

// The audience member's ballot: before voting opens, while it is open (tick up to the round's
// number of pitches among those the room has heard), and once it has closed.

export interface BallotPage {
  eventId: string;
  code: string;
  votesPerPerson: number;
  ticket: string | null;
  counted: string[];
  clientMutationId: string;
  justCounted: boolean;
}

interface BallotProps {
  page: BallotPage;
  posted: VoteActionResult | undefined;
  status: VotingStatus;
  slots: LiveSlot[];
}

export function Ballot({ page, posted, status, slots }: BallotProps) {
  const ballot = useBallotQueue({ ...page, posted });
  const { counted, error } = ballot;
  const votable = slots.filter((slot) => canVoteFor(slot.state));
  const chosenBefore = new Set(posted ? [posted.values.bidIds ?? []].flat() : counted);
  const title = (bidId: string) => slots.find((s) => s.bidId === bidId)?.projectTitle ?? "a pitch";

  if (status === "NOT_OPEN") {
    return (
      <div className="notice">
        <p className="notice__title">Voting opens when the event starts</p>
        <p>
          You will have {votesText(page.votesPerPerson)} to vote for. This page updates by itself; or <a href={`/vote/${page.code}`}>refresh it</a>.
        </p>
      </div>
    );
  }

  const countedBlock =
    counted.length > 0 ? (
      <div className={`notice notice--success${ballot.justCounted ? " vote-counted" : ""}`}>
        <p className="notice__title">Your vote is counted</p>
        <p>You voted for: {counted.map(title).join(", ")}.</p>
        {status === "OPEN" ? <p>You can change your vote until voting closes.</p> : null}
      </div>
    ) : null;

  if (status === "CLOSED") {
    return (
      <>
        <div className="notice" role="status">
          <p className="notice__title">Voting has closed</p>
          {counted.length === 0 ? <p>You did not vote from this phone.</p> : null}
        </div>
        {countedBlock}
      </>
    );
  }

  return (
    <>
      <div role="status" aria-live="polite" className="vote-status">
        {ballot.sending === "sending" ? (
          <p>Sending your vote…</p>
        ) : ballot.sending === "waiting" ? (
          <p className="score-status--waiting">Waiting for connection — will send automatically.</p>
        ) : ballot.sending === "changed" ? (
          <p>You have changed your choice. Press “Change my vote” to send it.</p>
        ) : (
          countedBlock
        )}
      </div>
      {ballot.refusal ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">Your vote was not changed</p>
          <p>{ballot.refusal}</p>
        </div>
      ) : null}
      {page.ticket ? <p className="muted">Ticket {page.ticket}</p> : null}
      <form method="post" action={`/vote/${page.code}`} noValidate onSubmit={ballot.submit} onChange={ballot.changed}>
        <ErrorSummary errors={{ bidIds: error ?? undefined }} />
        <input type="hidden" name="intent" value="vote" />
        <input type="hidden" name="clientMutationId" value={ballot.clientId} />
        <BallotChoices legendId={fieldId("bidIds")} choices={votable} chosenBefore={chosenBefore} votesPerPerson={page.votesPerPerson} error={error} />
        <button type="submit" className="button button--large" disabled={votable.length === 0}>
          {counted.length > 0 ? "Change my vote" : "Vote"}
        </button>
      </form>
      <p>
        <Link to={`/vote/${page.code}`} reloadDocument>
          Refresh
        </Link>
      </p>
    </>
  );
}
