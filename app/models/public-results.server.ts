import { db } from "~/db.server";
import type { Outcome } from "~/domain/allocation";
import { sumPence } from "~/domain/money";
import { potSummary } from "~/models/award.server";
import { awardReveal } from "~/models/award-reveal.server";

// What anyone may read once an event's results are revealed in the hall (the audience vote
// shown, Event.resultsRevealedAt, or the awards reveal begun, Event.awardsRevealed): the
// projects funded and how much each gets, the total awarded and what is left in the fund.
// A project is listed once the chair has revealed it on the big screen (the same figures as
// the screen, app/models/award-reveal.server.ts), so this page never announces an award
// before the hall hears it; what is left in the fund comes with the totals, at the end.
// An award cancelled later is taken off. No contact details, no scores, and no list of the
// groups that were not funded: they hear that privately.
//
// Interface:
//   revealedEvents()         -> events with revealed results, newest first, with their totals
//   publicResults(eventId)   -> the results page, or null (no such event, or not revealed yet)

const fundedWhere = { status: "FUNDED" as const };
const revealedWhere = { OR: [{ resultsRevealedAt: { not: null } }, { awardsRevealed: { gt: 0 } }] };

/** The bids whose awards the hall has seen, and whether the totals are showing. */
async function revealedSoFar(eventId: string) {
  const view = (await awardReveal(eventId))?.view ?? null;
  return { bidIds: new Set(view?.rows.map((row) => row.bidId) ?? []), complete: view?.complete ?? false };
}

export async function revealedEvents() {
  const events = await db().event.findMany({
    where: revealedWhere,
    orderBy: [{ startsAt: "desc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      startsAt: true,
      venue: true,
      round: { select: { title: true, titleCy: true, fund: { select: { funderName: true, currency: true, timeZone: true } } } },
      decisions: {
        where: { outcome: { not: "NOT_FUNDED" }, bid: fundedWhere },
        select: { bidId: true, amountPence: true, award: { select: { status: true } } },
      },
    },
  });
  const listed = [];
  for (const { decisions, ...event } of events) {
    const revealed = await revealedSoFar(event.id);
    const standing = decisions.filter((d) => d.award?.status !== "CANCELLED" && revealed.bidIds.has(d.bidId));
    listed.push({ ...event, funded: standing.length, awardedPence: sumPence(standing.map((d) => d.amountPence)) });
  }
  return listed;
}

export interface FundedProject {
  reference: string;
  groupName: string;
  /** The language the group wrote in ("en" or "cy"): its name and project are its own words. */
  language: string;
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
      awardsRevealed: true,
      round: { select: { title: true, titleCy: true, slug: true, fund: { select: { id: true, name: true, funderName: true, currency: true, timeZone: true } } } },
      slots: { select: { state: true, bid: { select: { status: true } } } },
      decisions: {
        where: { outcome: { not: "NOT_FUNDED" }, bid: fundedWhere },
        orderBy: [{ amountPence: "desc" }, { bid: { reference: "asc" } }],
        select: {
          bidId: true,
          outcome: true,
          amountPence: true,
          award: { select: { status: true } },
          bid: { select: { reference: true, groupName: true, projectTitle: true, summary: true, area: true, amountRequestedPence: true, language: true } },
        },
      },
    },
  });
  if (!event || (!event.resultsRevealedAt && event.awardsRevealed === 0)) return null;
  const pot = await potSummary(event.round.fund.id);
  const revealed = await revealedSoFar(eventId);
  const funded: FundedProject[] = event.decisions
    .filter((d) => d.award?.status !== "CANCELLED" && revealed.bidIds.has(d.bidId))
    .map((d) => ({
      reference: d.bid.reference,
      groupName: d.bid.groupName,
      language: d.bid.language,
      projectTitle: d.bid.projectTitle,
      summary: d.bid.summary,
      area: d.bid.area,
      outcome: d.outcome,
      amountPence: d.amountPence,
      requestedPence: d.bid.amountRequestedPence,
    }));
  const { decisions: _decisions, slots, awardsRevealed: _step, ...rest } = event;
  return {
    ...rest,
    pitched: slots.filter((s) => s.state !== "WAITING").length,
    // why: until every decision is confirmed the list may still change, and the page says so.
    confirmed: event.state === "DECIDED" && slots.every((s) => s.bid.status !== "SHORTLISTED"),
    /** Every award and the totals have been revealed in the hall. */
    revealComplete: revealed.complete,
    funded,
    awardedPence: sumPence(funded.map((f) => f.amountPence)),
    potPence: pot?.potPence ?? 0,
    // why: mid-reveal, the fund's remainder would give away what is still to be announced.
    remainingPence: revealed.complete ? (pot?.remainingPence ?? 0) : null,
  };
}
