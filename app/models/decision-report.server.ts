import { db } from "~/db.server";
import type { RuleBreach } from "~/domain/decision-rules";
import type { DecisionReport, Person, TrailEntry } from "~/domain/decision-report";
import { rankBids } from "~/domain/scoring";
import { audienceTallies } from "~/models/audience.server";
import { awardedPence, decidedPence } from "~/models/award.server";
import { verifyLogState } from "~/models/checkpoint.server";
import { listPanel } from "~/models/panel.server";
import { scoreSheetsForEvent, scoringInput } from "~/models/score.server";

// Reads everything the decision report says about one event, in one go, from the records the
// rest of Pitchday keeps: nothing here writes. What it all means is app/domain/decision-report.ts.
//
// Interface:
//   decisionReport(eventId, now?) -> DecisionReport | null     (null: no such event)
//   reportableEvents()            -> every event, newest first, for the auditor's list
//
// Staff are named through their accounts; an account that has since been removed reads as
// "a staff member whose account was removed" rather than hiding that someone acted.

const REMOVED = "a staff member whose account was removed";

const eventSelect = {
  id: true,
  title: true,
  startsAt: true,
  venue: true,
  state: true,
  resultsRevealedAt: true,
  round: {
    select: {
      id: true,
      title: true,
      slug: true,
      panelWeightPercent: true,
      audienceWeightPercent: true,
      normaliseScores: true,
      quorum: true,
      partFundingAllowed: true,
      partFundingMinPercent: true,
      tieBreak: true,
      audienceMode: true,
      audienceVotesPerPerson: true,
      criteria: { orderBy: { position: "asc" }, select: { id: true, name: true, guidance: true, weight: true, scaleMin: true, scaleMax: true } },
      fund: { select: { id: true, name: true, funderName: true, currency: true, timeZone: true, potPence: true, reportDueMonths: true } },
    },
  },
  slots: {
    orderBy: { position: "asc" },
    select: {
      position: true,
      state: true,
      lockedAt: true,
      bid: { select: { id: true, reference: true, groupName: true, projectTitle: true, language: true, amountRequestedPence: true, status: true } },
    },
  },
} as const;

export async function decisionReport(eventId: string, now: Date = new Date()): Promise<DecisionReport | null> {
  const event = await db().event.findUnique({ where: { id: eventId }, select: eventSelect });
  if (!event) return null;
  const { round } = event;
  const { fund, criteria, id: roundId, title: roundTitle, slug, ...rule } = round;

  const [panel, sheets, input, audience, decisions, awards, logState, eventEntries, awarded, decided] = await Promise.all([
    listPanel(eventId),
    scoreSheetsForEvent(eventId),
    scoringInput(eventId),
    audienceTallies(eventId),
    db().decision.findMany({ where: { eventId } }),
    db().award.findMany({
      where: { decision: { eventId } },
      include: {
        payments: { orderBy: { createdAt: "asc" } },
        decision: { select: { decidedById: true } },
        instalments: { orderBy: { position: "asc" }, select: { id: true, position: true, plannedOn: true, amountPence: true } },
        report: { select: { status: true, returnedPence: true } },
      },
    }),
    verifyLogState(),
    db().auditEntry.count({
      where: { OR: [{ subjectType: "event", subjectId: eventId }, { payload: { path: ["eventId"], equals: eventId } }] },
    }),
    awardedPence(db(), fund.id),
    decidedPence(db(), fund.id),
  ]);
  const payments = awards.flatMap((award) => award.payments.map((payment) => ({ ...payment, bidId: award.bidId, decidedById: award.decision.decidedById })));

  const trails = await trailsFor([
    ...decisions.map((d) => ({ type: "decision", id: d.id })),
    ...awards.map((a) => ({ type: "award", id: a.id })),
    ...payments.map((p) => ({ type: "payment", id: p.id })),
  ]);
  const people = await peopleNamed([
    ...decisions.flatMap((d) => [d.decidedById, d.exceptionApprovedById]),
    ...awards.map((a) => a.createdById),
    ...payments.flatMap((p) => [p.requestedById, p.approvedById]),
    ...trails.actorIds,
  ]);
  const trail = (type: string, id: string): TrailEntry[] =>
    (trails.bySubject.get(`${type}:${id}`) ?? []).map((entry) => ({
      seq: entry.seq,
      action: entry.action,
      at: entry.at,
      by: actorName(entry, people),
    }));

  const position = new Map(event.slots.map((slot) => [slot.bid.id, slot.position]));
  const panelOrder = new Map(panel.map((p, index) => [p.id, index]));
  const byPitch = <T extends { bidId: string }>(a: T, b: T) => (position.get(a.bidId) ?? 0) - (position.get(b.bidId) ?? 0);

  return {
    generatedAt: now,
    event: {
      id: event.id,
      title: event.title,
      startsAt: event.startsAt,
      venue: event.venue,
      state: event.state,
      resultsRevealedAt: event.resultsRevealedAt,
    },
    fund,
    fundCommittedPence: awarded + decided,
    round: { id: roundId, title: roundTitle, slug, rule, criteria },
    pitches: event.slots.map((slot) => ({
      bidId: slot.bid.id,
      reference: slot.bid.reference,
      groupName: slot.bid.groupName,
      projectTitle: slot.bid.projectTitle,
      language: slot.bid.language,
      amountRequestedPence: slot.bid.amountRequestedPence,
      status: slot.bid.status,
      position: slot.position,
      slotState: slot.state,
      lockedAt: slot.lockedAt,
    })),
    panel: panel.map((p) => ({ id: p.id, name: p.name, status: p.status, invitedAt: p.createdAt, joinedAt: p.joinedAt, revokedAt: p.revokedAt })),
    conflicts: panel
      .flatMap((p) => p.conflicts.map((c) => ({ panellistId: p.id, bidId: c.bidId, reason: c.reason, declaredAt: c.declaredAt })))
      .sort(byPitch),
    sheets: [...sheets]
      .sort(
        (a, b) =>
          byPitch(a, b) || (panelOrder.get(a.panellistId) ?? 0) - (panelOrder.get(b.panellistId) ?? 0) || a.version - b.version,
      )
      .map((s) => ({
        id: s.id,
        panellistId: s.panellistId,
        bidId: s.bidId,
        version: s.version,
        current: s.current,
        submittedAt: s.submittedAt,
        comment: s.comment,
        items: s.items,
      })),
    ranking: input && input.bids.length > 0 ? rankBids(input) : null,
    audience: audience.map((t) => ({ bidId: t.bidId, votes: t.votes, points: t.points, paper: t.paper, total: t.total })),
    decisions: decisions.sort(byPitch).map((d) => ({
      id: d.id,
      bidId: d.bidId,
      proposedOutcome: d.proposedOutcome,
      proposedAmountPence: d.proposedAmountPence,
      proposalReason: d.proposalReason,
      outcome: d.outcome,
      amountPence: d.amountPence,
      overrideReason: d.overrideReason,
      feedback: d.feedback,
      decidedBy: person(d.decidedById, people),
      decidedAt: d.decidedAt,
      ruleBreaches: (d.ruleBreaches ?? []) as unknown as RuleBreach[],
      ruleExceptionReason: d.ruleExceptionReason,
      exceptionApprovedBy: d.exceptionApprovedById ? person(d.exceptionApprovedById, people) : null,
      exceptionApprovedAt: d.exceptionApprovedAt,
      trail: trail("decision", d.id),
    })),
    awards: awards.sort(byPitch).map((a) => {
      const accepted = (trails.bySubject.get(`award:${a.id}`) ?? []).filter((e) => e.action === "award.accepted").at(-1);
      return {
        id: a.id,
        bidId: a.bidId,
        amountPence: a.amountPence,
        status: a.status,
        conditions: a.conditions,
        createdBy: person(a.createdById, people),
        createdAt: a.createdAt,
        acceptedAt: a.acceptedAt,
        instalments: a.instalments,
        report: a.report,
        acceptedVia: accepted
          ? accepted.actorType === "group"
            ? "the group, through its private link"
            : `${actorName(accepted, people)}, on the group's behalf`
          : null,
        trail: trail("award", a.id),
      };
    }),
    payments: payments.sort(byPitch).map((p) => ({
      id: p.id,
      awardId: p.awardId,
      instalmentId: p.instalmentId,
      bidId: p.bidId,
      method: p.method,
      amountPence: p.amountPence,
      status: p.status,
      idempotencyKey: p.idempotencyKey,
      providerId: p.providerId,
      reference: p.reference,
      paidOn: p.paidOn,
      updatedAt: p.updatedAt,
      failureReason: p.failureReason,
      requestedBy: person(p.requestedById, people),
      requestedAt: p.createdAt,
      approvedBy: p.approvedById ? person(p.approvedById, people) : null,
      approvedAt: p.approvedAt,
      decidedById: p.decidedById,
      trail: trail("payment", p.id),
    })),
    audit: {
      chain: logState.chain,
      checkpoint: logState.latest
        ? {
            seq: logState.latest.checkpoint.seq,
            hash: logState.latest.checkpoint.hash,
            createdAt: logState.latest.checkpoint.createdAt,
            verdict: logState.latest.verdict,
          }
        : null,
      eventEntries,
    },
  };
}

type Entry = { seq: number; action: string; at: Date; actorType: string; actorId: string | null; subjectType: string; subjectId: string };

async function trailsFor(subjects: { type: string; id: string }[]) {
  const bySubject = new Map<string, Entry[]>();
  if (subjects.length === 0) return { bySubject, actorIds: [] as string[] };
  const types = [...new Set(subjects.map((s) => s.type))];
  const entries = await db().auditEntry.findMany({
    where: { OR: types.map((type) => ({ subjectType: type, subjectId: { in: subjects.filter((s) => s.type === type).map((s) => s.id) } })) },
    orderBy: { seq: "asc" },
    select: { seq: true, action: true, at: true, actorType: true, actorId: true, subjectType: true, subjectId: true },
  });
  for (const entry of entries) {
    const key = `${entry.subjectType}:${entry.subjectId}`;
    bySubject.set(key, [...(bySubject.get(key) ?? []), entry]);
  }
  const actorIds = entries.filter((e) => e.actorType === "user" && e.actorId).map((e) => e.actorId as string);
  return { bySubject, actorIds };
}

async function peopleNamed(ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map<string, string>();
  const users = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

function person(id: string, people: Map<string, string>): Person {
  return { id, name: people.get(id) ?? REMOVED };
}

function actorName(entry: Pick<Entry, "actorType" | "actorId">, people: Map<string, string>): string {
  switch (entry.actorType) {
    case "user":
      return people.get(entry.actorId ?? "") ?? REMOVED;
    case "group":
      return "the group";
    case "system":
      return "Pitchday, on Stripe's confirmation";
    default:
      return entry.actorType;
  }
}

// ---------- The auditor's list ----------

export async function reportableEvents() {
  const events = await db().event.findMany({
    orderBy: [{ startsAt: "desc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      startsAt: true,
      state: true,
      resultsRevealedAt: true,
      round: { select: { title: true, fund: { select: { name: true, currency: true, timeZone: true } } } },
      _count: { select: { slots: true, decisions: true } },
      decisions: { where: { outcome: { not: "NOT_FUNDED" } }, select: { amountPence: true, award: { select: { status: true } } } },
    },
  });
  return events.map(({ decisions, _count, ...event }) => ({
    ...event,
    pitches: _count.slots,
    decisions: _count.decisions,
    awardedPence: decisions.filter((d) => d.award && d.award.status !== "CANCELLED").reduce((sum, d) => sum + d.amountPence, 0),
  }));
}
