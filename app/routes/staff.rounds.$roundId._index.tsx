import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OpenDataLinks } from "~/components/open-data-links";
import { CriteriaTable } from "~/components/criteria-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RoundBidCounts } from "~/components/round/round-bid-counts";
import { RoundEvents } from "~/components/round/round-events";
import { describeRule } from "~/domain/fund";
import { can } from "~/domain/permissions";
import { roundBidRows, roundEventRows, roundNotice } from "~/domain/round-page";
import { formatDateTime } from "~/domain/zoned-time";
import { getRound, roundBidCounts } from "~/models/round.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.round.title ?? "Round"} – Pitchday` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "fund:read");
  const round = await getRound(routeParam(params, "roundId"));
  if (!round) throw notFound("There is no round at this address. It may have been typed wrongly.");
  const canReadBids = can(user, "bid:read");
  const counts = canReadBids ? await roundBidCounts(round.id) : null;
  const tz = round.fund.timeZone;
  return {
    notice: roundNotice(new URL(request.url).searchParams),
    canManage: can(user, "fund:manage"),
    canReadEvents: can(user, "event:read"),
    canManageEvents: can(user, "event:manage"),
    round: {
      id: round.id,
      title: round.title,
      slug: round.slug,
      opens: formatDateTime(round.opensAt, tz),
      closes: formatDateTime(round.closesAt, tz),
      description: round.description,
      eligibility: round.eligibility,
      timeZone: tz,
      ruleLocked: round.ruleLocked,
      fund: { id: round.fund.id, name: round.fund.name },
    },
    criteria: round.criteria.map((c) => ({ id: c.id, name: c.name, guidance: c.guidance, weight: c.weight, scale: `${c.scaleMin} to ${c.scaleMax}` })),
    rule: describeRule(round),
    events: roundEventRows(round.events, tz),
    canRunEvents: can(user, "event:run"),
    counts: counts ? roundBidRows(counts.byStatus) : null,
    sent: counts?.byFilter.all ?? 0,
  };
}

export default function RoundPage() {
  const { round, criteria, rule, events, counts, sent, notice, canManage, canReadEvents, canManageEvents, canRunEvents } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/staff/funds/${round.fund.id}`}>Back to {round.fund.name}</Link>
      </p>
      {notice ? (
        <div className="notice notice--success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <span className="hint">{round.fund.name}</span>
      <h1>{round.title}</h1>
      <dl className="summary">
        <div>
          <dt>Opens</dt>
          <dd>{round.opens}</dd>
        </div>
        <div>
          <dt>Closes</dt>
          <dd>{round.closes}</dd>
        </div>
        <div>
          <dt>Public page</dt>
          <dd>
            <Link to={`/rounds/${round.slug}`}>/rounds/{round.slug}</Link>
          </dd>
        </div>
        <div>
          <dt>Description</dt>
          <dd className={round.description ? undefined : "muted"}>{round.description || "None"}</dd>
        </div>
        <div>
          <dt>Who can apply</dt>
          <dd className={round.eligibility ? undefined : "muted"}>{round.eligibility || "Not set"}</dd>
        </div>
      </dl>
      <p className="hint">Times are in {round.timeZone} time.</p>
      {canManage ? (
        <p>
          <Link to={`/staff/rounds/${round.id}/edit`} className="button button--secondary">
            Edit round<span className="visually-hidden"> {round.title}</span>
          </Link>
        </p>
      ) : null}

      {counts ? <RoundBidCounts roundId={round.id} rows={counts} sent={sent} /> : null}

      <h2>Assessment criteria</h2>
      {round.ruleLocked ? <p className="hint">Fixed: an event for this round has started.</p> : null}
      <CriteriaTable criteria={criteria} caption="Assessment criteria" captionHidden />

      <h2>Decision rule</h2>
      <ul>
        {rule.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>

      <RoundEvents roundId={round.id} events={events} may={{ readEvents: canReadEvents, runEvents: canRunEvents, manageEvents: canManageEvents }} />

      <OpenDataLinks href={`/staff/rounds/${round.id}`} name={round.title}>
        This round&rsquo;s awards as 360Giving open data, ready to publish. Nothing personal is included.
      </OpenDataLinks>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
