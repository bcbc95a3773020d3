import { db } from "~/db.server";
import type { Outcome } from "~/domain/allocation";
import { sumPence } from "~/domain/money";
import { potSummary } from "~/models/award.server";

// What anyone may read once an event's results are revealed (Event.resultsRevealedAt): the
// projects funded and how much each gets, the total awarded and what is left in the fund.
// Only confirmed decisions are shown (a decision can change until the funder confirms them
// all), and an award cancelled later is taken off. No contact details, no scores, and no list
// of the groups that were not funded: they hear that privately.
//
// Interface:
//   revealedEvents()         -> events with revealed results, newest first, with their totals
//   publicResults(eventId)   -> the results page, or null (no such event, or not revealed yet)

const fundedWhere = { status: "FUNDED" as const };

export async function revealedEvents() {
  const events = await db().event.findMany({
    where: { resultsRevealedAt: { not: null } },
    orderBy: [{ startsAt: "desc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      startsAt: true,
      venue: true,
      round: { select: { title: true, fund: { select: { funderName: true, currency: true, timeZone: true } } } },
      decisions: {
        where: { outcome: { not: "NOT_FUNDED" }, bid: fundedWhere },
        select: { amountPence: true, award: { select: { status: true } } },
      },
    },
  });
  return events.map(({ decisions, ...event }) => {
    const standing = decisions.filter((d) => d.award?.status !== "CANCELLED");
    return { ...event, funded: standing.length, awardedPence: sumPence(standing.map((d) => d.amountPence)) };
  });
}

export interface FundedProject {
  reference: string;
  groupName: string;
  projectTitle: string;
  summary: string;
  area: string;
  outcome: Outcome;
  amountPence: number;
  requestedPence: number | null;
}

export async function publicResults(eventId: string) {
  const event = await db().event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      title: true,
      startsAt: true,
      venue: true,
      state: true,
      resultsRevealedAt: true,
      round: { select: { title: true, slug: true, fund: { select: { id: true, name: true, funderName: true, currency: true, timeZone: true } } } },
      slots: { select: { state: true, bid: { select: { status: true } } } },
      decisions: {
        where: { outcome: { not: "NOT_FUNDED" }, bid: fundedWhere },
        orderBy: [{ amountPence: "desc" }, { bid: { reference: "asc" } }],
        select: {
          outcome: true,
          amountPence: true,
          award: { select: { status: true } },
          bid: { select: { reference: true, groupName: true, projectTitle: true, summary: true, area: true, amountRequestedPence: true } },
        },
      },
    },
  });
  if (!event || !event.resultsRevealedAt) return null;
  const pot = await potSummary(event.round.fund.id);
  const funded: FundedProject[] = event.decisions
    .filter((d) => d.award?.status !== "CANCELLED")
    .map((d) => ({
      reference: d.bid.reference,
      groupName: d.bid.groupName,
      projectTitle: d.bid.projectTitle,
      summary: d.bid.summary,
      area: d.bid.area,
      outcome: d.outcome,
      amountPence: d.amountPence,
      requestedPence: d.bid.amountRequestedPence,
    }));
  const { decisions: _decisions, slots, ...rest } = event;
  return {
    ...rest,
    pitched: slots.filter((s) => s.state !== "WAITING").length,
    // why: until every decision is confirmed the list may still change, and the page says so.
    confirmed: event.state === "DECIDED" && slots.every((s) => s.bid.status !== "SHORTLISTED"),
    funded,
    awardedPence: sumPence(funded.map((f) => f.amountPence)),
    potPence: pot?.potPence ?? 0,
    remainingPence: pot?.remainingPence ?? 0,
  };
}
