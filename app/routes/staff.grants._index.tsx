import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GRANT_STATE_LABELS, GRANT_STATES, type GrantState } from "~/domain/grant-state";
import { disbursedPence } from "~/domain/grant-state";
import { formatMoney } from "~/domain/money";
import { ownWordsLang } from "~/domain/own-words";
import { formatDate } from "~/domain/zoned-time";
import { grantFactsOf, grantList } from "~/models/grant-report.server";
import { requirePermission } from "~/requests/auth.server";

// The funder's list of grants after the award: paid, report due, overdue, report in, closed.

export const meta: MetaFunction = () => [{ title: "Grants – Pitchday" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "grant:read");
  const wanted = new URL(request.url).searchParams.get("state");
  const filter = (GRANT_STATES as readonly string[]).includes(wanted ?? "") ? (wanted as GrantState) : null;
  const all = await grantList(new Date());
  const counts = Object.fromEntries(GRANT_STATES.map((s) => [s, all.filter((g) => g.state === s).length]));
  return {
    filter,
    counts,
    grants: all
      .filter((g) => !filter || g.state === filter)
      .map(({ grant, state, dueDay }) => ({
        id: grant.id,
        reference: grant.bid.reference,
        groupName: grant.bid.groupName,
        lang: ownWordsLang(grant.bid.language),
        state,
        awarded: formatMoney(grant.amountPence, grant.bid.round.fund.currency),
        disbursed: formatMoney(disbursedPence(grantFactsOf(grant)), grant.bid.round.fund.currency),
        due: dueDay ? formatDate(dueDay, "UTC") : "–",
      })),
  };
}

export default function Grants() {
  const { filter, counts, grants } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Grants</h1>
      <Form method="get" className="filters">
        <label htmlFor="state">Show</label>{" "}
        <select id="state" name="state" defaultValue={filter ?? ""}>
          <option value="">Every grant</option>
          {GRANT_STATES.map((s) => (
            <option key={s} value={s}>
              {GRANT_STATE_LABELS[s]} ({counts[s]})
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="button button--secondary">Filter</button>
      </Form>
      {grants.length === 0 ? (
        <p>No grants {filter ? `are "${GRANT_STATE_LABELS[filter]}"` : "yet"}.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Grants and where they stand</caption>
          <thead>
            <tr>
              <th scope="col">Bid</th>
              <th scope="col">Group</th>
              <th scope="col">State</th>
              <th scope="col">Awarded</th>
              <th scope="col">Disbursed</th>
              <th scope="col">Report due</th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id}>
                <td>
                  <Link to={`/staff/grants/${g.id}`}>{g.reference}</Link>
                </td>
                <td lang={g.lang}>{g.groupName}</td>
                <td>{GRANT_STATE_LABELS[g.state]}</td>
                <td>{g.awarded}</td>
                <td>{g.disbursed}</td>
                <td>{g.due}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
