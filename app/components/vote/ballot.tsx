import { Link } from "@remix-run/react";
import { BallotChoices } from "~/components/ballot-choices";
import { ErrorSummary, fieldId } from "~/components/forms";
import { canVoteFor, type VotingStatus } from "~/domain/audience-phone";
import type { LiveSlot } from "~/domain/live-state";
import type { VoteActionResult } from "~/domain/vote-page";
import { useT } from "~/i18n/i18n-context";
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
  const t = useT();
  const { counted, error } = ballot;
  const votable = slots.filter((slot) => canVoteFor(slot.state));
  const chosenBefore = new Set(posted ? [posted.values.bidIds ?? []].flat() : counted);
  const title = (bidId: string) => slots.find((s) => s.bidId === bidId)?.projectTitle ?? t("vote.counted.aPitch");

  if (status === "NOT_OPEN") {
    return (
      <div className="notice">
        <p className="notice__title">{t("vote.notOpen.title")}</p>
        <p>
          {t("vote.notOpen.text", { votes: page.votesPerPerson })} <a href={`/vote/${page.code}`}>{t("vote.notOpen.refresh")}</a>.
        </p>
      </div>
    );
  }

  const countedBlock =
    counted.length > 0 ? (
      <div className={`notice notice--success${ballot.justCounted ? " vote-counted" : ""}`}>
        <p className="notice__title">{t("vote.counted.title")}</p>
        <p>{t("vote.counted.list", { titles: counted.map(title).join(", ") })}</p>
        {status === "OPEN" ? <p>{t("vote.counted.canChange")}</p> : null}
      </div>
    ) : null;

  if (status === "CLOSED") {
    return (
      <>
        <div className="notice" role="status">
          <p className="notice__title">{t("vote.closed.title")}</p>
          {counted.length === 0 ? <p>{t("vote.closed.none")}</p> : null}
        </div>
        {countedBlock}
      </>
    );
  }

  return (
    <>
      <div role="status" aria-live="polite" className="vote-status">
        {ballot.sending === "sending" ? (
          <p>{t("vote.sending")}</p>
        ) : ballot.sending === "waiting" ? (
          <p className="score-status--waiting">{t("vote.waiting")}</p>
        ) : ballot.sending === "changed" ? (
          <p>{t("vote.changed")}</p>
        ) : (
          countedBlock
        )}
      </div>
      {ballot.refusal ? (
        <div className="notice notice--error" role="alert">
          <p className="notice__title">{t("vote.refused.title")}</p>
          <p>{ballot.refusal}</p>
        </div>
      ) : null}
      {page.ticket ? <p className="muted">{t("vote.ticket.line", { ticket: page.ticket })}</p> : null}
      <form method="post" action={`/vote/${page.code}`} noValidate onSubmit={ballot.submit} onChange={ballot.changed}>
        <ErrorSummary errors={{ bidIds: error ?? undefined }} />
        <input type="hidden" name="intent" value="vote" />
        <input type="hidden" name="clientMutationId" value={ballot.clientId} />
        <BallotChoices legendId={fieldId("bidIds")} choices={votable} chosenBefore={chosenBefore} votesPerPerson={page.votesPerPerson} error={error} />
        <button type="submit" className="button button--large" disabled={votable.length === 0}>
          {counted.length > 0 ? t("vote.button.change") : t("vote.button.vote")}
        </button>
      </form>
      <p>
        <Link to={`/vote/${page.code}`} reloadDocument>
          {t("common.refresh")}
        </Link>
      </p>
    </>
  );
}
