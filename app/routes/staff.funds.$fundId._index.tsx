import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OpenDataLinks } from "~/components/open-data-links";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FundFacts } from "~/components/fund/fund-facts";
import { RoundsTable } from "~/components/fund/rounds-table";
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
      <FundFacts fund={fund} />
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
      <RoundsTable fundName={fund.name} rounds={rounds} canReadBids={canReadBids} />

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
