import { ScheduleTable } from "~/components/award/schedule-table";
import { Link } from "@remix-run/react";
import { PayeeLink } from "~/components/payee/payee-link";
import type { GroupAwardView } from "~/domain/group-award";

// The decision on the group's own page: the funder's words, and then either the award (its
// conditions, "Accept the conditions", the letter, the payment and the account it goes into)
// or where to look next when the bid was not funded.

interface Props {
  /** The group's page, /bid/<private link>. */
  base: string;
  funded: boolean;
  feedback: string | null;
  award: GroupAwardView | null;
}

export function GroupDecision({ base, funded, feedback, award }: Props) {
  return (
    <>
      <h2 id="decision">The funder’s decision</h2>
      {feedback ? <p className="feedback pre-line">{feedback}</p> : <p>{funded ? "Your bid has been funded." : "Your bid was not funded."}</p>}
      {funded ? <Award base={base} award={award} /> : <Signposts />}
    </>
  );
}

function Award({ base, award }: { base: string; award: GroupAwardView | null }) {
  if (!award) {
    return (
      <>
        <h2 id="award">Your award</h2>
        <p>The funder will send you the award offer and its conditions shortly. We will email you when it is ready.</p>
      </>
    );
  }
  return (
    <>
      <h2 id="award">Your award</h2>
      <p>
        <strong className={award.statusTag}>{award.statusLabel}</strong>
      </p>
      <dl className="summary">
        <div>
          <dt>Amount</dt>
          <dd>{award.amount}</dd>
        </div>
        <div>
          <dt>Conditions</dt>
          <dd className="pre-line">{award.conditions}</dd>
        </div>
        {award.accepted ? (
          <div>
            <dt>Accepted</dt>
            <dd>{award.accepted}</dd>
          </div>
        ) : null}
      </dl>
      {award.canAccept ? (
        <>
          <p>Someone who can sign for your group needs to accept these conditions before the award is paid.</p>
          <p>
            <Link to={`${base}/accept`} className="button">
              Accept the conditions
            </Link>
          </p>
        </>
      ) : null}
      {award.letter ? (
        <p>
          <a href={`${base}/letter.pdf`} download>
            Download your award letter (PDF)
          </a>
        </p>
      ) : null}

      <h2 id="payment">Payment</h2>
      <p>{award.payment}</p>
      {award.schedule ? <ScheduleTable schedule={award.schedule} caption="Your payment schedule" /> : null}
      <PayoutSetup base={base} setup={award.setup} />
      <PayeeLink base={base} status={award.status} />
      {award.paid ? (
        <>
          <h2 id="report">End-of-grant report</h2>
          <p>When the project is done, tell the funder what the grant did and how the money was spent. You can save a draft and come back.</p>
          <p>
            <Link to={`${base}/report`} className="button button--secondary">
              End-of-grant report
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}

function PayoutSetup({ base, setup }: { base: string; setup: GroupAwardView["setup"] }) {
  switch (setup) {
    case null:
      return null;
    case "start":
      return (
        <>
          <p>
            The award can be paid straight into your group’s bank account through Stripe, the payment service the funder uses. Setting it up
            takes about ten minutes: you will need the group’s bank details and the details of a person responsible for the group.
          </p>
          <p>
            <Link to={`${base}/payout`} className="button">
              Set up payment
            </Link>
          </p>
        </>
      );
    case "continue":
      return (
        <>
          <p>You started setting up payment through Stripe, but Stripe still needs some details.</p>
          <p>
            <Link to={`${base}/payout`} className="button">
              Continue setting up payment
            </Link>
          </p>
        </>
      );
    case "checking":
      return <p>You have sent your details to Stripe, which is checking them. This usually takes a few minutes, sometimes a day or two.</p>;
    case "ready":
      return <p>Your payment account is set up: the funder can pay the award into it.</p>;
  }
}

function Signposts() {
  return (
    <>
      <h3>Where to go from here</h3>
      <ul>
        <li>
          <Link to="/rounds">Other funding rounds on Pitchday</Link>: you are welcome to apply again, with this bid or a new one.
        </li>
        <li>If you would like more feedback, reply to the email we sent you about the decision and the organisers will get back to you.</li>
        <li>
          Your local council for voluntary service (CVS) can help you find other funders and strengthen a bid, usually free of charge for
          small groups.
        </li>
        <li>
          GrantNav (grantnav.threesixtygiving.org) lists grants made by UK funders, so you can see who funds projects like yours.
        </li>
      </ul>
    </>
  );
}
