import { db } from "~/db.server";
import { proposeAllocation, type Allocation, type AllocationRules, type Outcome, type Proposal } from "~/domain/allocation";
import type { AuditActor } from "~/domain/audit-events";
import { checkDecision, type DecisionField } from "~/domain/award";
import { breachField, decisionBreaches, type RuleBreach } from "~/domain/decision-rules";
import { Prisma } from "~/generated/prisma/client";
import { formatMoney } from "~/domain/money";
import { feedbackSchema } from "~/domain/payment-forms";
import { can, type Actor } from "~/domain/permissions";
import { describeBid, rankBids, type BidRanking, type Ranking } from "~/domain/scoring";
import { appendAudit, type Tx } from "~/models/audit.server";
import { requestCheckpoint } from "~/models/checkpoint-auto.server";
import { awardedPence, decidedPence, lockFund, MONEY_TX } from "~/models/award.server";
import { mailAnnouncedOutcomes } from "~/models/award-reveal.server";
import { lockEvent } from "~/models/live.server";
import { scoringInput } from "~/models/score.server";
import { publish } from "~/db/live/bus.server";

// The funder's decisions at the end of an event, made in the room and defended later.
// For every pitch the funder sees its place and why (rankBids, describeBid), and the proposal
// (proposeAllocation over the pot left for this event). They confirm the proposal or depart
// from it with a reason (checkDecision); both are kept side by side on the Decision. When
// every pitch has a decision, confirming them closes the event (DECIDED), marks each bid
// FUNDED or NOT_FUNDED with the feedback, in one transaction. The groups hear when the chair
// reveals the awards in the hall (award-reveal.server.ts), not before.
//
// Interface (staff: the signed-in user { id, roles }; decision:make is checked here too):
//   decisionBoard(eventId) -> DecisionBoard | null
//       { event, fund, ranking, allocation, potForEventPence, committedElsewherePence, remainingPence,
//         rows[], open, missing[], canConfirm }; rows in rank order: { bid, ranking, explanation,
//         proposal, decision } (a bid withdrawn after its pitch keeps its place in `ranking` but
//         has no row and no share of the pot)
//   recordDecision({ eventId, bidId, outcome, amountPence, overrideReason, feedback }, staff)
//       -> { ok: true, decision, isOverride, unchanged } | { ok: false, message, errors }
//          errors keyed outcome | amount | overrideReason | feedback (checkDecision's words)
//       May be changed until the decisions are confirmed; an unchanged resubmission is a no-op.
//   confirmDecisions(eventId, staff) -> { ok: true, funded, notFunded } | { ok: false, message }
//   decisionsForEvent(eventId)   every decision with its proposal, for the report
//
// Decisions are open while the event's scoring is closed (SCORING_CLOSED), and also when the
// chair marked the event DECIDED before every pitch had a confirmed decision.

export type DecisionErrors = Partial<Record<DecisionField | "feedback" | "departsFromRule" | "ruleExceptionReason", string>>;

export interface DecisionInput {
  eventId: string;
  bidId: string;
  outcome: Outcome;
  /** Pence; used for PART_FUNDED only (FUNDED is the amount asked for, NOT_FUNDED is 0). */
  amountPence: number;
  overrideReason: string;
  feedback: string;
  /** Ticked "This departs from the declared rule" (only where the fund allows exceptions). */
  departsFromRule?: boolean;
  ruleExceptionReason?: string;
}

function userActor(staff: Actor): AuditActor {
  return { type: "user", id: staff.id };
}

const eventSelect = {
  id: true,
  title: true,
  state: true,
  updatedAt: true,
  currentSlotId: true,
  round: {
    select: {
      id: true,
      title: true,
      slug: true,
      fundId: true,
      partFundingAllowed: true,
      partFundingMinPercent: true,
      fund: {
        select: { id: true, name: true, potPence: true, currency: true, minAwardPence: true, maxAwardPence: true, timeZone: true, allowRuleExceptions: true },
      },
    },
  },
  slots: {
    orderBy: { position: "asc" },
    select: {
      bid: {
        select: {
          id: true,
          reference: true,
          groupName: true,
          projectTitle: true,
          language: true,
          amountRequestedPence: true,
          status: true,
          decision: true,
          award: { select: { id: true, status: true } },
        },
      },
    },
  },
} as const;

type EventForDecisions = NonNullable<Awaited<ReturnType<typeof loadEvent>>>;

function loadEvent(client: Tx, eventId: string) {
  return client.event.findUnique({ where: { id: eventId }, select: eventSelect });
}

/** Bids in the running order still waiting for the funder (withdrawn ones are left out). */
function undecided(event: EventForDecisions) {
  return event.slots.map((s) => s.bid).filter((bid) => bid.status === "SHORTLISTED");
}

function decisionsOpen(event: EventForDecisions) {
  return event.state === "SCORING_CLOSED" || (event.state === "DECIDED" && undecided(event).length > 0);
}

function closedMessage(event: EventForDecisions) {
  if (event.state === "DECIDED") return "The decisions for this event have been confirmed, so they can no longer change.";
  return "Close scoring for the event before recording decisions: the ranking is final only then.";
}

function rules(event: EventForDecisions, potPence: number): AllocationRules {
  const { fund } = event.round;
  return {
    potPence: Math.max(0, potPence),
    currency: fund.currency,
    minAwardPence: fund.minAwardPence,
    maxAwardPence: fund.maxAwardPence,
    partFundingAllowed: event.round.partFundingAllowed,
    partFundingMinPercent: event.round.partFundingMinPercent,
  };
}

/** Pot left for this event: the fund's pot less what other events' decisions and awards hold. */
async function potForEvent(client: Tx, event: EventForDecisions, fundPot: number) {
  const fundId = event.round.fundId;
  const elsewhere =
    (await awardedPence(client, fundId, { eventId: event.id })) + (await decidedPence(client, fundId, { eventId: event.id }));
  return { potForEventPence: fundPot - elsewhere, committedElsewherePence: elsewhere };
}

/** The ranked bids the pot is shared among: a bid withdrawn after its pitch takes no share. */
function contenders(ranking: Ranking, event: EventForDecisions) {
  const withdrawn = new Set(event.slots.filter((s) => s.bid.status === "WITHDRAWN").map((s) => s.bid.id));
  return ranking.bids.filter((bid) => !withdrawn.has(bid.bidId));
}

async function rankingFor(eventId: string): Promise<Ranking | null> {
  const input = await scoringInput(eventId);
  return input ? rankBids(input) : null;
}

// ---------- The board ----------

export interface DecisionRow {
  bid: EventForDecisions["slots"][number]["bid"];
  ranking: BidRanking;
  /** "2nd of 5: ..." in words, for reading out and for the report. */
  explanation: string;
  proposal: Proposal;
  decision: EventForDecisions["slots"][number]["bid"]["decision"];
}

export interface DecisionBoard {
  event: { id: string; title: string; state: string };
  fund: EventForDecisions["round"]["fund"];
  round: { id: string; title: string; slug: string };
  ranking: Ranking;
  allocation: Allocation;
  potForEventPence: number;
  committedElsewherePence: number;
  /** Left in the pot after every decision recorded so far (this event's and the rest). */
  remainingPence: number;
  rows: DecisionRow[];
  open: boolean;
  /** References of pitches still without a decision. */
  missing: string[];
  canConfirm: boolean;
}

export async function decisionBoard(eventId: string): Promise<DecisionBoard | null> {
  const event = await loadEvent(db(), eventId);
  if (!event) return null;
  const ranking = await rankingFor(eventId);
  if (!ranking) return null;
  const { potForEventPence, committedElsewherePence } = await potForEvent(db(), event, event.round.fund.potPence);
  const ranked = contenders(ranking, event);
  const allocation = proposeAllocation(ranked, rules(event, potForEventPence));
  const bids = new Map(event.slots.map((s) => [s.bid.id, s.bid]));
  const rows = ranked.map((bidRanking) => {
    const bid = bids.get(bidRanking.bidId)!;
    return {
      bid,
      ranking: bidRanking,
      explanation: describeBid(bidRanking, ranking),
      proposal: allocation.proposals.find((p) => p.bidId === bid.id)!,
      decision: bid.decision,
    };
  });
  const thisEvent = rows.reduce(
    (sum, row) => sum + (row.decision && row.bid.award?.status !== "CANCELLED" ? row.decision.amountPence : 0),
    0,
  );
  const missing = undecided(event)
    .filter((bid) => !bid.decision)
    .map((bid) => bid.reference);
  const open = decisionsOpen(event);
  return {
    event: { id: event.id, title: event.title, state: event.state },
    fund: event.round.fund,
    round: { id: event.round.id, title: event.round.title, slug: event.round.slug },
    ranking,
    allocation,
    potForEventPence,
    committedElsewherePence,
    remainingPence: potForEventPence - thisEvent,
    rows,
    open,
    missing,
    canConfirm: open && missing.length === 0,
  };
}

// ---------- Recording one decision ----------

export type RecordResult =
  | { ok: true; decision: { id: string; outcome: Outcome; amountPence: number }; isOverride: boolean; unchanged: boolean; exception: boolean }
  | { ok: false; message: string; errors: DecisionErrors; breaches?: RuleBreach[] };

function problem(message: string, errors: DecisionErrors = {}): RecordResult {
  return { ok: false, message, errors };
}

export const EXCEPTION_REASON_MIN = 10;

/**
 * A decision that breaks a declared rule: refused with each breach next to its field, unless the
 * fund allows exceptions, every breach may bend, and the funder ticked the box and gave a reason.
 */
function breachProblem(breaches: RuleBreach[], outcome: Outcome, allowed: boolean, input: DecisionInput): RecordResult | null {
  if (breaches.length === 0) return null;
  const bendable = allowed && breaches.every((b) => b.exceptionAllowed);
  const errors: DecisionErrors = {};
  if (!bendable || !input.departsFromRule) {
    for (const breach of breaches) {
      const why = !allowed ? " The fund's policy allows no exceptions to the round's rules." : breach.exceptionAllowed ? "" : " No exception can be made to this rule.";
      const field = breachField(breach, outcome);
      errors[field] = [errors[field], `${breach.message}.${why}`].filter(Boolean).join(" ");
    }
  }
  if (bendable && !input.departsFromRule) {
    errors.departsFromRule = "Tick this to record the decision as an exception to the round's declared rule, or change the decision";
  }
  if (bendable && (input.ruleExceptionReason ?? "").trim().length < EXCEPTION_REASON_MIN) {
    errors.ruleExceptionReason = `Explain why this exception to the round's rule is right, in at least ${EXCEPTION_REASON_MIN} characters`;
  }
  if (Object.keys(errors).length === 0) return null;
  return { ok: false, message: "This decision breaks the round's declared rules.", errors, breaches };
}

function breachesJson(breaches: RuleBreach[]) {
  return breaches.length ? (breaches as unknown as Prisma.InputJsonValue) : Prisma.DbNull;
}

export async function recordDecision(input: DecisionInput, staff: Actor): Promise<RecordResult> {
  if (!can(staff, "decision:make")) return problem("Only a funder can make funding decisions.");
  const feedback = feedbackSchema.safeParse(input.feedback);
  if (!feedback.success) return problem("Check the feedback.", { feedback: feedback.error.issues[0].message });

  // why: the ranking is read before the transaction (on PGlite the transaction holds the only
  // connection). Scores cannot change while scoring is closed; the event's updatedAt, checked
  // again under its lock, proves scoring was not reopened in between.
  const before = await loadEvent(db(), input.eventId);
  if (!before) return problem("That event does not exist.");
  if (!decisionsOpen(before)) return problem(closedMessage(before));
  const ranking = await rankingFor(input.eventId);
  if (!ranking) return problem("That event does not exist.");

  return db().$transaction(async (tx): Promise<RecordResult> => {
    if (!(await lockEvent(tx, input.eventId))) return problem("That event does not exist.");
    const event = await loadEvent(tx, input.eventId);
    if (!event) return problem("That event does not exist.");
    if (event.updatedAt.getTime() !== before.updatedAt.getTime() || event.state !== before.state) {
      return problem("The event changed while you were deciding. Check the ranking again, then record your decision.");
    }
    if (!decisionsOpen(event)) return problem(closedMessage(event));
    const bid = event.slots.map((s) => s.bid).find((b) => b.id === input.bidId);
    if (!bid) return problem("That bid is not in this event's running order.");
    if (bid.status !== "SHORTLISTED") {
      return problem(`The decision on ${bid.reference} has already been confirmed, so it can no longer change.`);
    }

    const { fund } = event.round;
    const pot = await lockFund(tx, fund.id);
    const { potForEventPence } = await potForEvent(tx, event, pot);
    const allocation = proposeAllocation(contenders(ranking, event), rules(event, potForEventPence));
    const proposal = allocation.proposals.find((p) => p.bidId === bid.id);
    if (!proposal) return problem("That bid has not been ranked. Reload the page and try again.");
    const committed = (await awardedPence(tx, fund.id, { bidId: bid.id })) + (await decidedPence(tx, fund.id, { bidId: bid.id }));

    const check = checkDecision(
      { outcome: input.outcome, amountPence: input.amountPence, overrideReason: input.overrideReason },
      {
        proposal: { outcome: proposal.outcome, amountPence: proposal.amountPence },
        requestedPence: bid.amountRequestedPence ?? 0,
        potRemainingPence: Math.max(0, pot - committed),
        currency: fund.currency,
      },
    );
    if (!check.ok) return problem("Check the decision.", check.errors);
    const chosen = check.decision;

    const ranked = ranking.bids.find((r) => r.bidId === bid.id)!;
    const breaches = decisionBreaches({
      rules: {
        currency: fund.currency,
        potRemainingPence: Math.max(0, pot - committed),
        minAwardPence: fund.minAwardPence,
        maxAwardPence: fund.maxAwardPence,
        partFundingAllowed: event.round.partFundingAllowed,
        partFundingMinPercent: event.round.partFundingMinPercent,
      },
      bid: { ...ranked, requestedPence: bid.amountRequestedPence, eligible: bid.status === "SHORTLISTED" },
      proposal,
      decision: chosen,
      others: otherDecisions(event, ranking, allocation.proposals, bid.id),
    });
    const refusal = breachProblem(breaches, chosen.outcome, fund.allowRuleExceptions, input);
    if (refusal) return refusal;
    const exceptionReason = breaches.length ? (input.ruleExceptionReason ?? "").trim() : null;

    const data = {
      eventId: event.id,
      proposedOutcome: proposal.outcome,
      proposedAmountPence: proposal.amountPence,
      proposalReason: proposal.reason,
      outcome: chosen.outcome,
      amountPence: chosen.amountPence,
      overrideReason: chosen.overrideReason,
      feedback: feedback.data,
      ruleExceptionReason: exceptionReason,
    };
    const previous = bid.decision;
    if (
      previous &&
      previous.outcome === data.outcome &&
      previous.amountPence === data.amountPence &&
      previous.overrideReason === data.overrideReason &&
      previous.feedback === data.feedback &&
      previous.proposedOutcome === data.proposedOutcome &&
      previous.proposedAmountPence === data.proposedAmountPence &&
      previous.ruleExceptionReason === data.ruleExceptionReason
    ) {
      return { ok: true, decision: previous, isOverride: chosen.isOverride, unchanged: true, exception: breaches.length > 0 };
    }
    const now = new Date();
    // why the approval is cleared: a changed decision is a new one, and needs its own approval.
    const exception = { ruleBreaches: breachesJson(breaches), exceptionApprovedById: null, exceptionApprovedAt: null };
    const saved = await tx.decision.upsert({
      where: { bidId: bid.id },
      create: { bidId: bid.id, ...data, ...exception, decidedById: staff.id, decidedAt: now },
      update: { ...data, ...exception, decidedById: staff.id, decidedAt: now },
      select: { id: true, outcome: true, amountPence: true },
    });
    const common = {
      eventId: event.id,
      bidId: bid.id,
      reference: bid.reference,
      outcome: chosen.outcome,
      amountPence: chosen.amountPence,
      proposedOutcome: proposal.outcome,
      proposedAmountPence: proposal.amountPence,
      feedbackLength: feedback.data.length,
    };
    const subject = { type: "decision", id: saved.id };
    if (chosen.isOverride) {
      await appendAudit(tx, {
        actor: userActor(staff),
        action: "decision.overridden",
        subject,
        at: now,
        payload: { ...common, overrideReason: chosen.overrideReason ?? "" },
      });
    } else {
      await appendAudit(tx, { actor: userActor(staff), action: "decision.confirmed", subject, at: now, payload: common });
    }
    if (breaches.length) {
      await appendAudit(tx, {
        actor: userActor(staff),
        action: "decision.rule_breach_recorded",
        subject,
        at: now,
        payload: { eventId: event.id, bidId: bid.id, reference: bid.reference, outcome: chosen.outcome, amountPence: chosen.amountPence, breaches, exceptionReason: exceptionReason ?? "" },
      });
    }
    return { ok: true, decision: saved, isOverride: chosen.isOverride, unchanged: false, exception: breaches.length > 0 };
  }, MONEY_TX);
}

/** The event's other recorded decisions with their places and what the rule now proposes for them. */
function otherDecisions(event: EventForDecisions, ranking: Ranking, proposals: Proposal[], bidId: string) {
  return event.slots.flatMap(({ bid }) => {
    if (bid.id === bidId || !bid.decision) return [];
    const place = ranking.bids.find((r) => r.bidId === bid.id);
    const proposal = proposals.find((p) => p.bidId === bid.id);
    if (!place || !proposal) return [];
    return [{ bidId: bid.id, reference: bid.reference, rank: place.rank, proposedOutcome: proposal.outcome, outcome: bid.decision.outcome }];
  });
}

// ---------- A second funder approves an exception ----------

export type ApproveResult = { ok: true; bidId: string; reference: string } | { ok: false; message: string };

/** Approves a decision recorded as an exception to the round's rules; never by the funder who made it. */
export async function approveRuleException(eventId: string, decisionId: string, staff: Actor): Promise<ApproveResult> {
  if (!can(staff, "decision:make")) return { ok: false, message: "Only a funder can approve an exception to the round's rules." };
  return db().$transaction(async (tx): Promise<ApproveResult> => {
    if (!(await lockEvent(tx, eventId))) return { ok: false, message: "That event does not exist." };
    const event = await loadEvent(tx, eventId);
    if (!event) return { ok: false, message: "That event does not exist." };
    const bid = event.slots.map((s) => s.bid).find((b) => b.decision?.id === decisionId);
    const decision = bid?.decision;
    if (!bid || !decision) return { ok: false, message: "That decision is not one of this event's." };
    if (!decisionsOpen(event) || bid.status !== "SHORTLISTED") return { ok: false, message: closedMessage(event) };
    const breaches = (decision.ruleBreaches ?? []) as unknown as RuleBreach[];
    if (breaches.length === 0) return { ok: false, message: `The decision on ${bid.reference} keeps the round's rules: there is nothing to approve.` };
    if (decision.exceptionApprovedAt) return { ok: false, message: `The exception on ${bid.reference} has already been approved.` };
    if (decision.decidedById === staff.id) {
      return { ok: false, message: `You recorded the decision on ${bid.reference}: a second funder must approve the exception.` };
    }
    const now = new Date();
    await tx.decision.update({ where: { id: decision.id }, data: { exceptionApprovedById: staff.id, exceptionApprovedAt: now } });
    await appendAudit(tx, {
      actor: userActor(staff),
      action: "decision.rule_exception_approved",
      subject: { type: "decision", id: decision.id },
      at: now,
      payload: {
        eventId,
        bidId: bid.id,
        reference: bid.reference,
        outcome: decision.outcome,
        amountPence: decision.amountPence,
        decidedById: decision.decidedById,
        breaches,
      },
    });
    return { ok: true, bidId: bid.id, reference: bid.reference };
  }, MONEY_TX);
}

// ---------- Confirming them all ----------

export type ConfirmResult =
  | { ok: true; funded: number; notFunded: number }
  | { ok: false; message: string };

function statusReason(outcome: Outcome, amount: string, requested: string | null, feedback: string) {
  const head =
    outcome === "NOT_FUNDED"
      ? "The funder decided not to fund this bid."
      : outcome === "PART_FUNDED" && requested
        ? `Awarded ${amount} of the ${requested} asked for.`
        : `Awarded ${amount}.`;
  return feedback ? `${head}\n\n${feedback}` : head;
}

export async function confirmDecisions(eventId: string, staff: Actor): Promise<ConfirmResult> {
  if (!can(staff, "decision:make")) return { ok: false, message: "Only a funder can confirm funding decisions." };
  const outcome = await db().$transaction(async (tx) => {
    if (!(await lockEvent(tx, eventId))) return { ok: false as const, message: "That event does not exist." };
    const event = await tx.event.findUniqueOrThrow({
      where: { id: eventId },
      select: {
        title: true,
        state: true,
        currentSlotId: true,
        round: { select: { fundId: true, fund: { select: { currency: true } } } },
        slots: {
          orderBy: { position: "asc" },
          select: { bid: { select: { reference: true, id: true, status: true, amountRequestedPence: true, decision: true } } },
        },
      },
    });
    const waiting = event.slots.map((s) => s.bid).filter((bid) => bid.status === "SHORTLISTED");
    if (event.state !== "SCORING_CLOSED" && !(event.state === "DECIDED" && waiting.length > 0)) {
      return {
        ok: false as const,
        message:
          event.state === "DECIDED"
            ? "The decisions for this event have already been confirmed."
            : "Close scoring for the event before confirming decisions.",
      };
    }
    const missing = waiting.filter((bid) => !bid.decision).map((bid) => bid.reference);
    if (missing.length > 0) {
      return { ok: false as const, message: `Record a decision for every pitch first. Still to decide: ${missing.join(", ")}.` };
    }
    const unapproved = waiting.filter((bid) => bid.decision!.ruleBreaches !== null && !bid.decision!.exceptionApprovedAt).map((bid) => bid.reference);
    if (unapproved.length > 0) {
      return {
        ok: false as const,
        message: `A second funder must approve each exception to the round's rules first. Waiting for approval: ${unapproved.join(", ")}.`,
      };
    }
    const { fundId, fund } = event.round;
    const pot = await lockFund(tx, fundId);
    const committed = (await awardedPence(tx, fundId)) + (await decidedPence(tx, fundId));
    const money = (pence: number) => formatMoney(pence, fund.currency);
    if (committed > pot) {
      return {
        ok: false as const,
        message: `The decisions add up to ${money(committed - pot)} more than the pot of ${money(pot)} (it may have been lowered). Change a decision first.`,
      };
    }

    let funded = 0;
    for (const bid of waiting) {
      const decision = bid.decision!;
      const isFunded = decision.outcome !== "NOT_FUNDED";
      const amount = money(decision.amountPence);
      const requested = bid.amountRequestedPence === null ? null : money(bid.amountRequestedPence);
      await tx.bid.update({
        where: { id: bid.id },
        data: {
          status: isFunded ? "FUNDED" : "NOT_FUNDED",
          statusReason: statusReason(decision.outcome, amount, requested, decision.feedback),
        },
      });
      if (isFunded) funded += 1;
    }
    if (event.state !== "DECIDED") await tx.event.update({ where: { id: eventId }, data: { state: "DECIDED" } });
    await mailAnnouncedOutcomes(tx, eventId);
    const entry = await appendAudit(tx, {
      actor: userActor(staff),
      action: "event.decided",
      subject: { type: "event", id: eventId },
      payload: { from: event.state, to: "DECIDED", currentSlotId: event.currentSlotId, slots: [] },
    });
    await requestCheckpoint(tx, { trigger: "decisions_confirmed", label: `the decisions of "${event.title}" were confirmed`, subject: { type: "event", id: eventId } });
    return { ok: true as const, funded, notFunded: waiting.length - funded, seq: entry.seq };
  }, MONEY_TX);
  if (!outcome.ok) return outcome;
  await publish(eventId, outcome.seq);
  return { ok: true, funded: outcome.funded, notFunded: outcome.notFunded };
}

// ---------- Reading ----------

/** Every decision of an event, proposal beside outcome, for the decision report. */
export function decisionsForEvent(eventId: string) {
  return db().decision.findMany({
    where: { eventId },
    orderBy: { bid: { reference: "asc" } },
    include: { bid: { select: { id: true, reference: true, groupName: true, projectTitle: true, language: true, amountRequestedPence: true, status: true } } },
  });
}
