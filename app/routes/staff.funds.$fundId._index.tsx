import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OpenDataLinks } from "~/components/open-data-links";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatMoney } from "~/domain/money";
import { can } from "~/domain/permissions";
import { formatDateTime } from "~/domain/zoned-time";
import { getFund } from "~/models/fund.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.fund.name ?? "Fund"} – Pitchday` }];

const NOTICES: Record<string, string> = {
  created: "Fund created. Add a round to start taking bids.",
  saved: "Changes saved.",
  unchanged: "Nothing was changed.",
};

function phase(opensAt: Date, closesAt: Date, now: Date) {
  if (now < opensAt) return { label: "Not open yet", tag: "tag tag--grey" };
  if (now < closesAt) return { label: "Open", tag: "tag tag--green" };
  return { label: "Closed", tag: "tag tag--yellow" };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "fund:read");
  const fund = await getFund(routeParam(params, "fundId"));
  if (!fund) throw notFound("There is no fund at this address. It may have been typed wrongly.");
  const now = new Date();
  const money = (pence: number) => formatMoney(pence, fund.currency);
  return {
    notice: NOTICES[new URL(request.url).searchParams.get("notice") ?? ""] ?? null,
    canManage: can(user, "fund:manage"),
    canReadBids: can(user, "bid:read"),
    fund: {
      id: fund.id,
      name: fund.name,
      pot: money(fund.potPence),
      minAward: money(fund.minAwardPence),
      maxAward: money(fund.maxAwardPence),
      currency: fund.currency,
      funderName: fund.funderName,
      funderOrgId: fund.funderOrgId,
      grantIdPrefix: fund.grantIdPrefix,
      timeZone: fund.timeZone,
      reportDue: `${fund.reportDueMonths} month${fund.reportDueMonths === 1 ? "" : "s"} after the first payment`,
    },
    rounds: fund.rounds.map((round) => ({
      id: round.id,
      title: round.title,
      slug: round.slug,
      opens: formatDateTime(round.opensAt, fund.timeZone),
      closes: formatDateTime(round.closesAt, fund.timeZone),
      phase: phase(round.opensAt, round.closesAt, now),
      bids: round._count.bids,
    })),
  };
}

export default function FundPage() {
  const { fund, rounds, notice, canManage, canReadBids } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/staff/funds">Back to funds</Link>
      </p>
      {notice ? (
        <div className="notice notice--success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <h1>{fund.name}</h1>
      <dl className="summary">
        <div>
          <dt>Pot</dt>
          <dd>{fund.pot}</dd>
        </div>
        <div>
          <dt>Awards</dt>
          <dd>
            {fund.minAward} to {fund.maxAward}
          </dd>
        </div>
        <div>
          <dt>Currency</dt>
          <dd>{fund.currency}</dd>
        </div>
        <div>
          <dt>Funder</dt>
          <dd>{fund.funderName}</dd>
        </div>
        <div>
          <dt>360Giving organisation identifier</dt>
          <dd>{fund.funderOrgId}</dd>
        </div>
        <div>
          <dt>Grant identifier prefix</dt>
          <dd>{fund.grantIdPrefix}</dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>{fund.timeZone}</dd>
        </div>
        <div>
          <dt>End-of-grant report due</dt>
          <dd>{fund.reportDue}</dd>
        </div>
      </dl>
      {canManage ? (
        <p>
          <Link to={`/staff/funds/${fund.id}/edit`} className="button button--secondary">
            Edit fund<span className="visually-hidden"> {fund.name}</span>
          </Link>
        </p>
      ) : null}

      <h2>Rounds</h2>
      {canManage ? (
        <p>
          <Link to={`/staff/funds/${fund.id}/rounds/new`} className="button">
            Add a round
          </Link>
        </p>
      ) : null}
      {rounds.length === 0 ? (
        <p>This fund has no rounds yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Rounds of {fund.name}</caption>
            <thead>
              <tr>
                <th scope="col">Round</th>
                <th scope="col">Opens</th>
                <th scope="col">Closes</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Bids sent
                </th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.id}>
                  <td>
                    <Link to={`/staff/rounds/${round.id}`}>{round.title}</Link>
                  </td>
                  <td>{round.opens}</td>
                  <td>{round.closes}</td>
                  <td>
                    <strong className={round.phase.tag}>{round.phase.label}</strong>
                  </td>
                  <td className="num">
                    {canReadBids ? (
                      <Link to={`/staff/rounds/${round.id}/bids`}>
                        {round.bids}
                        <span className="visually-hidden"> bids in {round.title}</span>
                      </Link>
                    ) : (
                      round.bids
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <OpenDataLinks href={`/staff/funds/${fund.id}`} name={fund.name}>
        This fund&rsquo;s awards as 360Giving open data, ready to publish: amounts awarded and paid, and the
        organisations funded. Nothing personal is included.
      </OpenDataLinks>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
