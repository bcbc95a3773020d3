import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RoundBidsTable } from "~/components/staff-bid/round-bids-table";
import { BID_FILTERS, bidListQuerySchema, STATUS_LABELS, STATUS_TAG_CLASSES } from "~/domain/bid-review";
import { formatMoney } from "~/domain/money";
import { ownWordsLang } from "~/domain/own-words";
import { can } from "~/domain/permissions";
import { formatDateTime } from "~/domain/zoned-time";
import { listRoundBids } from "~/models/bid-list.server";
import { getRound } from "~/models/round.server";
import { requirePermission } from "~/requests/auth.server";
import { notFound } from "~/utils/http.server";
import { routeParam } from "~/utils/route-params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Bids – ${data?.round.title ?? "Round"} – Pitchday` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "bid:read");
  const round = await getRound(routeParam(params, "roundId"));
  if (!round) throw notFound("There is no round at this address. It may have been typed wrongly.");
  const query = bidListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { bids, counts } = await listRoundBids(round.id, query);
  const { currency, timeZone } = round.fund;
  return {
    round: { id: round.id, title: round.title, fund: { id: round.fund.id, name: round.fund.name } },
    query,
    canExport: can(user, "bid:export"),
    exportHasContacts: can(user, "fund:manage"),
    tabs: BID_FILTERS.filter((f) => !f.onlyWhenUsed || counts[f.key] > 0).map((f) => ({
      key: f.key,
      label: f.label,
      count: counts[f.key] ?? 0,
    })),
    bids: bids.map((bid) => ({
      id: bid.id,
      reference: bid.reference,
      groupName: bid.groupName,
      projectTitle: bid.projectTitle,
      lang: ownWordsLang(bid.language),
      amount: bid.amountRequestedPence === null ? null : formatMoney(bid.amountRequestedPence, currency),
      sent: bid.submittedAt ? formatDateTime(bid.submittedAt, timeZone) : null,
      status: STATUS_LABELS[bid.status],
      tag: STATUS_TAG_CLASSES[bid.status],
    })),
  };
}

function listHref(roundId: string, status: string, q: string) {
  const params = new URLSearchParams();
  if (status !== "all") params.set("status", status);
  if (q) params.set("q", q);
  const search = params.toString();
  return `/staff/rounds/${roundId}/bids${search ? `?${search}` : ""}`;
}

export default function RoundBids() {
  const { round, query, tabs, bids, canExport, exportHasContacts } = useLoaderData<typeof loader>();
  const current = tabs.find((t) => t.key === query.status) ?? tabs[0];
  const csv = listHref(round.id, query.status, query.q).replace("/bids", "/bids.csv");
  return (
    <>
      <p>
        <Link to={`/staff/rounds/${round.id}`}>Back to {round.title}</Link>
      </p>
      <span className="hint">{round.fund.name}</span>
      <h1>Bids: {round.title}</h1>

      <nav aria-label="Bids by status">
        <ul className="status-tabs">
          {tabs.map((tab) => (
            <li key={tab.key}>
              <Link
                to={listHref(round.id, tab.key, query.q)}
                aria-current={tab.key === query.status ? "page" : undefined}
                className={tab.key === query.status ? "status-tab status-tab--current" : "status-tab"}
              >
                {tab.label} <span className="status-tab__count">({tab.count})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <Form method="get" className="filters" role="search" aria-label="Find a bid">
        {query.status !== "all" ? <input type="hidden" name="status" value={query.status} /> : null}
        <div className="field">
          <label htmlFor="field-q">Reference or group name</label>
          <input type="search" id="field-q" name="q" defaultValue={query.q} autoComplete="off" spellCheck={false} />
        </div>
        <button type="submit" className="button button--secondary">
          Search
        </button>
        {query.q ? <Link to={listHref(round.id, query.status, "")}>Clear search</Link> : null}
      </Form>

      <h2>
        {current.label}
        {query.q ? ` matching “${query.q}”` : ""}: {bids.length} bid{bids.length === 1 ? "" : "s"}
      </h2>
      <RoundBidsTable bids={bids} caption={`${current.label} bids for ${round.title}`} searched={Boolean(query.q)} />

      {canExport ? (
        <>
          <h2>Download</h2>
          <p>
            <a href={csv} className="button button--secondary" download>
              Download these bids (CSV)
            </a>
          </p>
          {exportHasContacts ? (
            <p>
              The spreadsheet has the groups' contact details: names, email addresses and phone numbers. That is personal
              data. Keep the file safe, share it only with people running this round, and delete it when you no longer need
              it. Each download is recorded in the audit log.
            </p>
          ) : (
            <p>The spreadsheet leaves out the groups' contact details: only organisers can download those. Each download is recorded in the audit log.</p>
          )}
        </>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
