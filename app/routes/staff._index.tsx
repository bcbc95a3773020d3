import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ComingEvents } from "~/components/coming-events";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FundsSection } from "~/components/staff-home/funds-section";
import { can, ROLE_LABELS } from "~/domain/permissions";
import { comingEvents } from "~/domain/staff-events";
import { formatDate } from "~/domain/zoned-time";
import { listComingEvents } from "~/models/event.server";
import { listFunds } from "~/models/fund.server";
import { requireUser } from "~/requests/auth.server";

export const meta: MetaFunction = () => [{ title: "Staff home – Pitchday" }];

function phase(opensAt: Date, closesAt: Date, now: Date) {
  if (now < opensAt) return "not open yet";
  if (now < closesAt) return "open";
  return "closed";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const funds = can(user, "fund:read") ? await listFunds() : [];
  // why 36 hours back: "today" is the fund's day, which may have begun before the server's.
  const events = can(user, "event:read") ? comingEvents(await listComingEvents(new Date(now.getTime() - 36 * 3600_000)), now) : [];
  return {
    name: user.name,
    roles: user.roles.map((r) => ROLE_LABELS[r]),
    allowed: {
      readFunds: can(user, "fund:read"),
      manageFunds: can(user, "fund:manage"),
      readBids: can(user, "bid:read"),
      shortlist: can(user, "bid:shortlist"),
      decide: can(user, "decision:make"),
      audit: can(user, "audit:read"),
      manageUsers: can(user, "user:manage"),
      readEvents: can(user, "event:read"),
      runEvents: can(user, "event:run"),
    },
    events,
    funds: funds.map((fund) => ({
      id: fund.id,
      name: fund.name,
      rounds: fund.rounds.map((round) => ({
        id: round.id,
        title: round.title,
        phase: phase(round.opensAt, round.closesAt, now),
        closes: formatDate(round.closesAt, fund.timeZone),
      })),
    })),
  };
}

export default function StaffHome() {
  const { name, roles, allowed, funds, events } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Staff home</h1>
      <p className="lead">
        Signed in as {name} ({roles.length ? roles.join(", ") : "no roles yet"}).
      </p>
      {roles.length === 0 ? (
        <div className="notice notice--warning">
          <p>Your account has no roles yet, so there is nothing to do here. Ask your Pitchday administrator to give you one.</p>
        </div>
      ) : null}

      {allowed.readEvents ? <ComingEvents events={events} canRun={allowed.runEvents} /> : null}

      {allowed.readFunds ? <FundsSection funds={funds} allowed={allowed} /> : null}

      {allowed.decide ? (
        <section aria-labelledby="funder">
          <h2 id="funder">Decisions and awards</h2>
          <p>
            As a funder you read the bids and the panel's results, decide the awards with a reason for each, and approve
            payments another funder has asked for.
          </p>
          <p>
            <Link to="/staff/awards">Awards and payments</Link>: events waiting for your decisions, awards to offer and
            payments waiting for a second funder.
          </p>
        </section>
      ) : null}

      {allowed.audit ? (
        <section aria-labelledby="auditor">
          <h2 id="auditor">Audit</h2>
          <p>
            You can read everything that was decided and how, without changing anything. Every change is in a
            tamper-evident audit log; anyone with access to the server can check it with <code>npm run audit:verify</code>.
          </p>
          <ul>
            <li>
              <Link to="/audit">The audit log and its verification</Link>
            </li>
            <li>
              <Link to="/audit/events">Decision reports for each event</Link>
            </li>
            <li>
              <Link to="/audit/checkpoints">Checkpoints of the log</Link>
            </li>
          </ul>
        </section>
      ) : null}

      {allowed.manageUsers ? (
        <section aria-labelledby="admin">
          <h2 id="admin">Administration</h2>
          <p>
            <Link to="/admin/users">Manage staff accounts and invites</Link>
          </p>
        </section>
      ) : null}

      <h2>Your account</h2>
      <p>
        <Link to="/account">Change your password or sign out of other devices</Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
