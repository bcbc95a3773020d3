import { db } from "~/db.server";
import { grantId } from "~/domain/three-sixty";
import { formatMoney } from "~/domain/money";
import { groupLangs } from "~/i18n/mail-voice.server";
import { awardsForEvent, getAward } from "~/models/award.server";
import { decisionBoard } from "~/models/decision.server";
import { listPanel } from "~/models/panel.server";
import { scoringInput } from "~/models/score.server";
import { userNames } from "~/models/user.server";
import type { AwardLetter } from "~/domain/award-letter";

// What the funder's pages read, gathered in one place so each route makes one call:
//   decisionPage(eventId)   the decision board with the panel's names, the score sheets behind
//                           the ranking, the event's awards and who decided each bid
//   awardPage(awardId)      the award (getAward) with the names of the staff who touched it
//   funderWork()            the funder's to-do list: events waiting for decisions, awards to
//                           offer, payments waiting for a second funder, and every award
//   awardLetter(where)      the facts an award letter states, by award (staff) or bid (group)
// Nothing here changes data; contact details are never read.

export async function decisionPage(eventId: string) {
  const board = await decisionBoard(eventId);
  if (!board) return null;
  const [panel, input, awards, fund] = await Promise.all([
    listPanel(eventId),
    scoringInput(eventId),
    awardsForEvent(eventId),
    db().fund.findUnique({ where: { id: board.fund.id }, select: { funderName: true } }),
  ]);
  const names = await userNames(
    board.rows.flatMap((row) => (row.decision ? [row.decision.decidedById, ...(row.decision.exceptionApprovedById ? [row.decision.exceptionApprovedById] : [])] : [])),
  );
  return {
    board,
    panellistNames: Object.fromEntries(panel.map((p) => [p.id, p.revokedAt ? `${p.name} (removed from the panel)` : p.name])),
    criteria: input?.criteria ?? [],
    sheets: input?.sheets ?? [],
    awards,
    deciderNames: names,
    funderName: fund?.funderName ?? board.fund.name,
  };
}

export type DecisionPage = NonNullable<Awaited<ReturnType<typeof decisionPage>>>;

export async function awardPage(awardId: string) {
  const award = await getAward(awardId);
  if (!award) return null;
  const ids = [
    award.createdById,
    award.decision.decidedById,
    ...award.payments.flatMap((p) => [p.requestedById, ...(p.approvedById ? [p.approvedById] : [])]),
  ];
  return { award, names: await userNames(ids) };
}

export async function funderWork() {
  const [events, toOffer, waiting, awards] = await Promise.all([
    db().event.findMany({
      where: { state: { in: ["SCORING_CLOSED", "DECIDED"] } },
      orderBy: { startsAt: "desc" },
      select: {
        id: true,
        title: true,
        state: true,
        startsAt: true,
        round: { select: { title: true, fund: { select: { timeZone: true } } } },
        slots: { select: { bid: { select: { status: true, decision: { select: { id: true } } } } } },
      },
    }),
    db().decision.findMany({
      where: { outcome: { not: "NOT_FUNDED" }, award: { is: null }, bid: { status: "FUNDED" } },
      orderBy: { decidedAt: "asc" },
      select: {
        id: true,
        eventId: true,
        outcome: true,
        amountPence: true,
        bid: { select: { reference: true, groupName: true, language: true, round: { select: { fund: { select: { currency: true } } } } } },
      },
    }),
    db().payment.findMany({
      where: { status: "REQUESTED" },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        method: true,
        amountPence: true,
        requestedById: true,
        createdAt: true,
        award: {
          select: {
            id: true,
            decision: { select: { decidedById: true } },
            bid: { select: { reference: true, groupName: true, language: true, round: { select: { fund: { select: { currency: true, timeZone: true } } } } } },
          },
        },
      },
    }),
    db().award.findMany({
      orderBy: { createdAt: "desc" },
      take: 500,
      select: {
        id: true,
        status: true,
        amountPence: true,
        createdAt: true,
        decision: { select: { overrideReason: true } },
        bid: { select: { reference: true, groupName: true, language: true, round: { select: { title: true, fund: { select: { currency: true, timeZone: true } } } } } },
        payments: { orderBy: { createdAt: "asc" }, select: { status: true, method: true } },
      },
    }),
  ]);
  const open = events
    .map((event) => {
      const bids = event.slots.map((s) => s.bid);
      const waitingBids = bids.filter((b) => b.status === "SHORTLISTED");
      return {
        id: event.id,
        title: event.title,
        state: event.state,
        startsAt: event.startsAt,
        timeZone: event.round.fund.timeZone,
        roundTitle: event.round.title,
        pitches: waitingBids.length,
        decided: waitingBids.filter((b) => b.decision).length,
      };
    })
    .filter((event) => event.state === "SCORING_CLOSED" || event.pitches > 0);
  const requesters = await userNames(waiting.map((p) => p.requestedById));
  return { events: open, toOffer, waiting, requesters, awards };
}

/** The letter for an award; `where` is the staff page's award id or the group's bid id. */
export async function awardLetter(where: { awardId: string } | { bidId: string }): Promise<AwardLetter | null> {
  const award = await db().award.findUnique({
    where: "awardId" in where ? { id: where.awardId } : { bidId: where.bidId },
    select: {
      amountPence: true,
      status: true,
      conditions: true,
      createdAt: true,
      acceptedAt: true,
      acceptedBy: true,
      decision: { select: { outcome: true } },
      bid: {
        select: {
          reference: true,
          groupName: true,
          parentOrgName: true,
          projectTitle: true,
          amountRequestedPence: true,
          language: true,
          payeeDetails: { where: { replacedAt: null }, select: { party: true } },
          round: { select: { title: true, titleCy: true, bilingual: true, fund: { select: { name: true, funderName: true, grantIdPrefix: true, currency: true, timeZone: true } } } },
        },
      },
    },
  });
  if (!award) return null;
  const { bid } = award;
  const { fund } = bid.round;
  const money = (pence: number) => formatMoney(pence, fund.currency);
  const partOf =
    award.decision.outcome === "PART_FUNDED" && bid.amountRequestedPence !== null && bid.amountRequestedPence > award.amountPence
      ? money(bid.amountRequestedPence)
      : null;
  return {
    langs: groupLangs(bid.language, bid.round.bilingual),
    funderName: fund.funderName,
    fundName: fund.name,
    roundTitle: bid.round.title,
    roundTitleCy: bid.round.titleCy,
    groupName: bid.groupName,
    paidToParent: bid.payeeDetails[0]?.party === "PARENT" ? bid.parentOrgName : null,
    projectTitle: bid.projectTitle,
    reference: bid.reference,
    grantId: grantId(fund.grantIdPrefix, bid.reference),
    amount: money(award.amountPence),
    partOf,
    conditions: award.conditions,
    date: award.createdAt,
    timeZone: fund.timeZone,
    acceptance: award.acceptedAt && award.acceptedBy ? { by: award.acceptedBy, on: award.acceptedAt } : null,
    cancelled: award.status === "CANCELLED",
  };
}
