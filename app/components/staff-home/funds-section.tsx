import { Link } from "@remix-run/react";
import { CreateFundLink } from "~/components/fund/create-fund-link";

export interface FundCard {
  id: string;
  name: string;
  rounds: { id: string; title: string; phase: string; closes: string }[];
}

interface FundsSectionProps {
  funds: FundCard[];
  allowed: { manageFunds: boolean; readBids: boolean; shortlist: boolean };
}

/** Staff home: each fund with its rounds, and the links this person's roles allow. */
export function FundsSection({ funds, allowed }: FundsSectionProps) {
  return (
    <section aria-labelledby="funds">
      <h2 id="funds">Funds and rounds</h2>
      <p>
        {allowed.manageFunds
          ? "Set up funds and their rounds, then review the bids that come in: shortlist them or say why not."
          : allowed.readBids
            ? "Read the funds, their rounds and the bids sent to them."
            : "Read the funds and their rounds."}
      </p>
      {funds.length === 0 ? (
        <p>There are no funds yet.</p>
      ) : (
        <ul className="cards">
          {funds.map((fund) => (
            <li key={fund.id} className="card">
              <h3>
                <Link to={`/staff/funds/${fund.id}`}>{fund.name}</Link>
              </h3>
              {fund.rounds.length === 0 ? (
                <p>No rounds yet.</p>
              ) : (
                <ul>
                  {fund.rounds.map((round) => (
                    <li key={round.id}>
                      <Link to={`/staff/rounds/${round.id}`}>{round.title}</Link> ({round.phase}, closes {round.closes})
                      {allowed.readBids ? (
                        <>
                          {" "}
                          <Link to={`/staff/rounds/${round.id}/bids`}>
                            {allowed.shortlist ? "Review bids" : "Read bids"}
                            <span className="visually-hidden"> for {round.title}</span>
                          </Link>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/staff/funds">All funds</Link>
      </p>
      {allowed.manageFunds ? <CreateFundLink /> : null}
    </section>
  );
}
