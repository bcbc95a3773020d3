import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CreateFundLink } from "~/components/fund/create-fund-link";
import { formatMoney } from "~/domain/money";
import { can } from "~/domain/permissions";
import { listFunds } from "~/models/fund.server";
import { requirePermission } from "~/requests/auth.server";

export const meta: MetaFunction = () => [{ title: "Funds – Pitchday" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "fund:read");
  const funds = await listFunds();
  return {
    canManage: can(user, "fund:manage"),
    funds: funds.map((fund) => ({
      id: fund.id,
      name: fund.name,
      funderName: fund.funderName,
      pot: formatMoney(fund.potPence, fund.currency),
      awards: `${formatMoney(fund.minAwardPence, fund.currency)} to ${formatMoney(fund.maxAwardPence, fund.currency)}`,
      rounds: fund.rounds.length,
    })),
  };
}

export default function Funds() {
  const { funds, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/staff">Back to staff home</Link>
      </p>
      <h1>Funds</h1>
      {canManage ? <CreateFundLink /> : null}
      {funds.length === 0 ? (
        <p>There are no funds yet.{canManage ? " Create one to start taking bids." : ""}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Funds</caption>
            <thead>
              <tr>
                <th scope="col">Fund</th>
                <th scope="col">Funder</th>
                <th scope="col" className="num">
                  Pot
                </th>
                <th scope="col">Awards</th>
                <th scope="col" className="num">
                  Rounds
                </th>
              </tr>
            </thead>
            <tbody>
              {funds.map((fund) => (
                <tr key={fund.id}>
                  <td>
                    <Link to={`/staff/funds/${fund.id}`}>{fund.name}</Link>
                  </td>
                  <td>{fund.funderName}</td>
                  <td className="num">{fund.pot}</td>
                  <td>{fund.awards}</td>
                  <td className="num">{fund.rounds}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
