import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { roundPhase } from "~/domain/bid";
import { formatWeekdayDateTime } from "~/domain/bid-dates";
import { formatMoney } from "~/domain/money";
import { listPublicRounds } from "~/models/bid.server";

export const meta: MetaFunction = () => [{ title: "Apply for funding – Pitchday" }];

export async function loader() {
  const now = new Date();
  const rounds = (await listPublicRounds(now)).map((round) => ({
    slug: round.slug,
    title: round.title,
    description: round.description,
    funder: round.fund.funderName,
    fundName: round.fund.name,
    phase: roundPhase(round, now),
    opens: formatWeekdayDateTime(round.opensAt, round.fund.timeZone),
    closes: formatWeekdayDateTime(round.closesAt, round.fund.timeZone),
    amounts: `${formatMoney(round.fund.minAwardPence, round.fund.currency)} to ${formatMoney(round.fund.maxAwardPence, round.fund.currency)}`,
  }));
  return {
    open: rounds.filter((r) => r.phase === "open"),
    upcoming: rounds.filter((r) => r.phase === "upcoming"),
    // The most recently closed first.
    closed: rounds.filter((r) => r.phase === "closed").reverse(),
  };
}

type RoundCard = Awaited<ReturnType<typeof loader>>["open"][number];

export default function Rounds() {
  const { open, upcoming, closed } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Apply for funding</h1>
      <p className="lead">
        Local groups can ask for a small grant with a one-page bid. Shortlisted groups pitch their idea in person and
        hear the decision on the day.
      </p>

      <h2>Open for bids</h2>
      {open.length === 0 ? (
        <p>No rounds are open for bids right now. Check back soon, or look at the rounds opening below.</p>
      ) : (
        <ul className="cards">
          {open.map((round) => (
            <Card key={round.slug} round={round}>
              <p>
                <span className="tag tag--green">Open</span> Closes {round.closes}
              </p>
            </Card>
          ))}
        </ul>
      )}

      {upcoming.length > 0 ? (
        <>
          <h2>Opening soon</h2>
          <ul className="cards">
            {upcoming.map((round) => (
              <Card key={round.slug} round={round}>
                <p>
                  <span className="tag tag--yellow">Opening soon</span> Opens {round.opens}
                </p>
              </Card>
            ))}
          </ul>
        </>
      ) : null}

      {closed.length > 0 ? (
        <>
          <h2>Recently closed</h2>
          <ul className="cards">
            {closed.map((round) => (
              <Card key={round.slug} round={round}>
                <p>
                  <span className="tag tag--grey">Closed</span> Closed {round.closes}
                </p>
              </Card>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Already applied?</h2>
      <p>
        Use the private link we emailed you to check, change or withdraw your bid. Lost it? Open the round&rsquo;s page
        and ask for a new link.
      </p>
    </>
  );
}

function Card({ round, children }: { round: RoundCard; children: React.ReactNode }) {
  return (
    <li className="card">
      <h3>
        <Link to={`/rounds/${round.slug}`}>{round.title}</Link>
      </h3>
      {children}
      <p className="muted">
        {round.fundName}, funded by {round.funder}. Grants of {round.amounts}.
      </p>
      {round.description ? <p>{round.description}</p> : null}
    </li>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
