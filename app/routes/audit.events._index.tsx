import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EVENT_STATE_LABELS } from "~/domain/event-machine";
import { formatMoney } from "~/domain/money";
import { can } from "~/domain/permissions";
import { formatDateTime } from "~/domain/zoned-time";
import { reportableEvents } from "~/models/decision-report.server";
import { requireReportReader } from "~/requests/report-access.server";

export const meta: MetaFunction = () => [{ title: "Decision reports – Pitchday" }];

const STATE_TAGS: Record<string, string> = {
  DRAFT: "tag tag--grey",
  READY: "tag tag--grey",
  LIVE: "tag tag--yellow",
  SCORING_CLOSED: "tag tag--yellow",
  DECIDED: "tag tag--green",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireReportReader(request);
  const events = await reportableEvents();
  return {
    canReadLog: can(user, "audit:read"),
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      when: formatDateTime(e.startsAt, e.round.fund.timeZone),
      round: e.round.title,
      fund: e.round.fund.name,
      state: EVENT_STATE_LABELS[e.state],
      tag: STATE_TAGS[e.state] ?? "tag",
      pitches: e.pitches,
      decisions: e.decisions,
      awarded: formatMoney(e.awardedPence, e.round.fund.currency),
    })),
  };
}

export default function DecisionReports() {
  const { events, canReadLog } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Decision reports</h1>
      <p className="lead">
        For each pitch event: who sat on the panel and what they declared, every score and every change to it, the
        ranking and why, each decision beside the proposal it started from, the awards, and who asked for and who
        approved each payment.
      </p>
      {canReadLog ? (
        <p>
          <Link to="/audit">Read the audit log and check that it verifies</Link>
        </p>
      ) : null}
      {events.length === 0 ? (
        <p>No pitch events have been set up yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Pitch events, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Date</th>
                <th scope="col">Round</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Pitches
                </th>
                <th scope="col" className="num">
                  Decisions
                </th>
                <th scope="col" className="num">
                  Awarded
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/audit/events/${e.id}`}>
                      {e.title}
                      <span className="visually-hidden"> (decision report)</span>
                    </Link>
                  </td>
                  <td>{e.when}</td>
                  <td>
                    {e.round}
                    <span className="hint">{e.fund}</span>
                  </td>
                  <td>
                    <strong className={e.tag}>{e.state}</strong>
                  </td>
                  <td className="num">{e.pitches}</td>
                  <td className="num">{e.decisions}</td>
                  <td className="num">{e.awarded}</td>
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
