import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AwardsTable } from "~/components/award/awards-table";
import { WaitingPaymentsTable } from "~/components/award/waiting-payments-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EVENT_STATE_LABELS } from "~/domain/event-machine";
import { describeDecision, PAYMENT_METHOD_SHORT } from "~/domain/funder-forms";
import { formatMoney } from "~/domain/money";
import { ownWordsLang } from "~/domain/own-words";
import { AWARD_STATUS_VIEW, PAYMENT_METHOD_LABELS, PAYMENT_STATUS_VIEW, type AwardStatus, type PaymentStatus } from "~/domain/payment";
import { can } from "~/domain/permissions";
import { formatDate, formatDateTime } from "~/domain/zoned-time";
import { funderWork } from "~/models/funder-views.server";
import { requirePermission } from "~/requests/auth.server";

// The funder's list of what is waiting after the pitches: payments another funder asked for
// (the second pair of eyes), events whose decisions are open, funded bids still to be offered
// their award, and every award with how its payment stands.

export const meta: MetaFunction = () => [{ title: "Awards and payments – Pitchday" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "event:read");
  const work = await funderWork();
  return {
    funder: can(user, "payment:approve"),
    waiting: work.waiting.map((p) => {
      const { currency, timeZone } = p.award.bid.round.fund;
      const mine = p.requestedById === user.id || p.award.decision.decidedById === user.id;
      return {
        id: p.id,
        awardId: p.award.id,
        reference: p.award.bid.reference,
        groupName: p.award.bid.groupName,
        lang: ownWordsLang(p.award.bid.language),
        amount: formatMoney(p.amountPence, currency),
        method: PAYMENT_METHOD_LABELS[p.method],
        asked: `${work.requesters[p.requestedById] ?? "a funder no longer listed"}, ${formatDateTime(p.createdAt, timeZone)}`,
        // why: four eyes; the funder who decided or asked is told so here, not offered the link.
        youMayApprove: can(user, "payment:approve", { decidedById: p.award.decision.decidedById, requestedById: p.requestedById }),
        mine,
      };
    }),
    events: work.events.map((e) => ({
      id: e.id,
      title: e.title,
      round: e.roundTitle,
      date: formatDate(e.startsAt, e.timeZone),
      state: EVENT_STATE_LABELS[e.state],
      progress: `${e.decided} of ${e.pitches} decided`,
    })),
    toOffer: work.toOffer.map((d) => ({
      id: d.id,
      eventId: d.eventId,
      reference: d.bid.reference,
      groupName: d.bid.groupName,
      lang: ownWordsLang(d.bid.language),
      decision: describeDecision(d.outcome, d.amountPence, d.bid.round.fund.currency),
    })),
    awards: work.awards.map((a) => {
      const latest = a.payments.at(-1);
      return {
        id: a.id,
        reference: a.bid.reference,
        groupName: a.bid.groupName,
        lang: ownWordsLang(a.bid.language),
        round: a.bid.round.title,
        amount: formatMoney(a.amountPence, a.bid.round.fund.currency),
        status: AWARD_STATUS_VIEW[a.status as AwardStatus],
        override: a.decision.overrideReason !== null,
        payment: latest ? `${PAYMENT_STATUS_VIEW[latest.status as PaymentStatus].label} (${PAYMENT_METHOD_SHORT[latest.method]})` : "None asked for yet",
        offered: formatDate(a.createdAt, a.bid.round.fund.timeZone),
      };
    }),
  };
}

export default function Awards() {
  const { waiting, events, toOffer, awards, funder } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/staff">Staff home</Link>
      </p>
      <h1>Awards and payments</h1>
      {funder ? (
        <p>
          <Link to="/staff/awards/batches">Bank bulk payments</Link>: approved bank transfers as one file for your bank’s bulk upload.
        </p>
      ) : null}

      <h2 id="approval">Payments waiting for approval</h2>
      {waiting.length === 0 ? (
        <p>No payment is waiting for a second funder.</p>
      ) : (
        <WaitingPaymentsTable waiting={waiting} funder={funder} />
      )}

      <h2 id="events">Events waiting for decisions</h2>
      {events.length === 0 ? (
        <p>No event is waiting for decisions. An event appears here once the chair closes scoring.</p>
      ) : (
        <ul>
          {events.map((e) => (
            <li key={e.id}>
              <Link to={`/staff/events/${e.id}/decisions`}>{e.title}</Link> ({e.round}, {e.date}): {e.progress}
            </li>
          ))}
        </ul>
      )}

      <h2 id="to-offer">Funded bids waiting for their award</h2>
      {toOffer.length === 0 ? (
        <p>Every funded bid has been offered its award.</p>
      ) : (
        <ul>
          {toOffer.map((d) => (
            <li key={d.id}>
              <span lang={d.lang}>{d.groupName}</span> ({d.reference}), {d.decision}:{" "}
              {d.eventId ? (
                <Link to={`/staff/events/${d.eventId}/decisions#awards`}>
                  offer the award<span className="visually-hidden"> to {d.groupName}</span>
                </Link>
              ) : (
                "decided outside an event"
              )}
            </li>
          ))}
        </ul>
      )}

      <h2 id="awards">All awards</h2>
      {awards.length === 0 ? (
        <p>No award has been offered yet.</p>
      ) : (
        <AwardsTable awards={awards} />
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
