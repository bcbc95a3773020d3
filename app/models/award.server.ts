import { db } from "~/db.server";
import type { AuditActor } from "~/domain/audit-events";
import { formatMoney } from "~/domain/money";
import { cancelSchema, conditionsSchema } from "~/domain/payment-forms";
import { acceptSchema } from "~/domain/award-acceptance";
import { can, type Actor } from "~/domain/permissions";
import { appendAudit, type Tx } from "~/models/audit.server";
import { findBidByToken } from "~/models/bid.server";
import { paymentFields } from "~/models/payment-fields.server";
import { queueMail } from "~/models/mail.server";
import { awardCancelledMail, awardOfferedMail, type GroupMailContext } from "~/domain/mail/award-messages";
import { fieldErrors } from "~/utils/forms";
import { refused, type Result } from "~/domain/result";
import { env } from "~/utils/env.server";
import { mailVoice } from "~/i18n/mail-voice.server";

// Awards: the funder's offer to a funded group, with conditions the group accepts before any
// money moves. Awards are what spend the pot, so the pot is re-checked inside the transaction
// that creates one, with the fund's row locked (SELECT ... FOR UPDATE): two funders issuing
// awards at the same moment are taken one after the other and the pot is never overspent,
// on PGlite and on a PostgreSQL server alike.
//
// Interface (staff: the signed-in user, { id, roles }; permissions are checked here as well
// as in the route):
//   issueAward(decisionId, { conditions }, staff)       -> { ok, award } | { ok: false, errors?, message }
//   acceptAward(token, { signedName, agree })           by the group through its private link
//   acceptAwardForGroup(awardId, { signedName, agree }, staff)   on the organiser's device
//   cancelAward(awardId, { reason }, staff)             money back to the pot; only before any payment
//   getAward(awardId)          award, decision, bid (no contact details), payments, recipient
//   awardForBid(bidId)         the same for the group's status page
//   awardsForEvent(eventId)    the funded decisions of an event and their awards
//   potSummary(fundId)         { potPence, awardedPence, decidedPence, remainingPence, currency }
// Shared with the other money models:
//   lockFund(tx, fundId) -> potPence, awardedPence(tx, fundId, exclude?), decidedPence(tx, fundId, exclude?),
//   mailableBid (a Prisma select) and groupMail(bid) -> GroupMailContext | null (null once the
//   contact details were erased), MONEY_TX (transaction timeouts), Result<T> (result type)
// The pot: awards not cancelled spend it (checked here, under the lock); funded decisions still
// waiting for their award are counted too when a decision is made (decision.server.ts).

export const MONEY_TX = { maxWait: 20_000, timeout: 30_000 } as const;

function userActor(staff: Actor): AuditActor {
  return { type: "user", id: staff.id };
}

// ---------- The pot ----------

/** Takes the fund's row lock: everything that spends its pot happens one at a time. */
export async function lockFund(tx: Tx, fundId: string) {
  const rows = await tx.$queryRaw<{ potPence: number }[]>`SELECT "potPence" FROM "Fund" WHERE id = ${fundId} FOR UPDATE`;
  if (rows.length === 0) throw new Error(`Fund ${fundId} does not exist.`);
  return Number(rows[0].potPence);
}

interface Exclusions {
  /** Leave out this event's decisions and their awards (the proposal for an event starts from the rest). */
  eventId?: string;
  bidId?: string;
}

const notInEvent = (eventId: string) => ({ OR: [{ eventId: null }, { eventId: { not: eventId } }] });

/** What awards not cancelled have taken from the fund's pot. */
export async function awardedPence(tx: Tx, fundId: string, exclude: Exclusions = {}) {
  const sum = await tx.award.aggregate({
    _sum: { amountPence: true },
    where: {
      status: { not: "CANCELLED" },
      bid: { round: { fundId } },
      ...(exclude.bidId ? { bidId: { not: exclude.bidId } } : {}),
      ...(exclude.eventId ? { decision: notInEvent(exclude.eventId) } : {}),
    },
  });
  return sum._sum.amountPence ?? 0;
}

/** What funded decisions still waiting for their award will take. */
export async function decidedPence(tx: Tx, fundId: string, exclude: Exclusions = {}) {
  const sum = await tx.decision.aggregate({
    _sum: { amountPence: true },
    where: {
      outcome: { not: "NOT_FUNDED" },
      award: { is: null },
      bid: { round: { fundId } },
      ...(exclude.bidId ? { bidId: { not: exclude.bidId } } : {}),
      ...(exclude.eventId ? notInEvent(exclude.eventId) : {}),
    },
  });
  return sum._sum.amountPence ?? 0;
}

export async function potSummary(fundId: string) {
  const fund = await db().fund.findUnique({ where: { id: fundId }, select: { potPence: true, currency: true } });
  if (!fund) return null;
  const [awarded, decided] = await Promise.all([awardedPence(db(), fundId), decidedPence(db(), fundId)]);
  return {
    potPence: fund.potPence,
    currency: fund.currency,
    awardedPence: awarded,
    decidedPence: decided,
    remainingPence: fund.potPence - awarded - decided,
  };
}

// ---------- Mail ----------

interface MailableBid {
  reference: string;
  groupName: string;
  language: string;
  contact: { name: string; email: string; erasedAt: Date | null } | null;
  round: { title: string; titleCy: string; slug: string; bilingual: boolean };
}

/** What a group's email needs of its round; spread it into a select that asks for more. */
export const mailableRound = { title: true, titleCy: true, slug: true, bilingual: true } as const;

export const mailableBid = {
  reference: true,
  groupName: true,
  language: true,
  contact: { select: { name: true, email: true, erasedAt: true } },
  round: { select: mailableRound },
} as const;

export function groupMail(bid: MailableBid): GroupMailContext | null {
  // why: an erased contact has nobody left to tell.
  if (!bid.contact || bid.contact.erasedAt || !bid.contact.email) return null;
  return {
    to: bid.contact.email,
    contactName: bid.contact.name,
    reference: bid.reference,
    groupName: bid.groupName,
    roundTitle: bid.round.title,
    roundTitleCy: bid.round.titleCy,
    roundSlug: bid.round.slug,
    baseUrl: env().APP_URL,
    voice: mailVoice(bid.language, bid.round.bilingual),
  };
}

// ---------- Issuing ----------

/** `offer.byStripe`: whether the offer letter tells the group they can be paid through Stripe. */
export async function issueAward(
  decisionId: string,
  input: { conditions: string },
  staff: Actor,
  offer: { byStripe: boolean },
): Promise<Result<{ award: { id: string; amountPence: number } }>> {
  if (!can(staff, "award:issue")) return refused("Only a funder can issue awards.");
  const parsed = conditionsSchema.safeParse(input);
  if (!parsed.success) return refused("Check the conditions.", fieldErrors(parsed.error));
  const { conditions } = parsed.data;

  return db().$transaction(async (tx) => {
    const decision = await tx.decision.findUnique({
      where: { id: decisionId },
      select: {
        id: true,
        outcome: true,
        amountPence: true,
        bidId: true,
        eventId: true,
        announcedAt: true,
        bid: { select: { ...mailableBid, status: true, round: { select: { ...mailableRound, fundId: true, fund: { select: { currency: true } } } } } },
      },
    });
    if (!decision) return refused("That decision does not exist.");
    if (decision.outcome === "NOT_FUNDED") return refused("This bid was not funded, so there is no award to issue.");
    if (decision.bid.status !== "FUNDED") {
      return refused("Confirm the event's decisions first: awards are issued once every decision is confirmed.");
    }
    // why: the offer would tell the group before the hall hears it.
    if (decision.eventId && !decision.announcedAt) {
      return refused("The awards have not been revealed at the event yet. Once the chair has revealed this one, offer it here.");
    }
    const money = (pence: number) => formatMoney(pence, decision.bid.round.fund.currency);
    const fundId = decision.bid.round.fundId;
    const pot = await lockFund(tx, fundId);
    // why: checked after the lock, so a second click waits for the first and then sees its award.
    const existing = await tx.award.findUnique({ where: { decisionId }, select: { id: true, status: true } });
    if (existing) {
      return refused(
        existing.status === "CANCELLED"
          ? "The award for this decision was cancelled; a cancelled award cannot be issued again."
          : "An award has already been issued for this decision.",
      );
    }
    const awarded = await awardedPence(tx, fundId);
    const remaining = pot - awarded;
    if (decision.amountPence > remaining) {
      return refused(
        `Only ${money(Math.max(0, remaining))} left in the pot, so an award of ${money(decision.amountPence)} would overspend it. ` +
          "Cancel an award that will not go ahead, or change the decision.",
      );
    }
    const award = await tx.award.create({
      data: { decisionId, bidId: decision.bidId, amountPence: decision.amountPence, conditions, createdById: staff.id },
      select: { id: true, amountPence: true },
    });
    // The default schedule: the whole award in one instalment, paid once the group accepts.
    await tx.instalment.create({ data: { awardId: award.id, position: 1, plannedOn: null, amountPence: award.amountPence } });
    await appendAudit(tx, {
      actor: userActor(staff),
      action: "award.created",
      subject: { type: "award", id: award.id },
      payload: {
        decisionId,
        bidId: decision.bidId,
        reference: decision.bid.reference,
        amountPence: award.amountPence,
        potPence: pot,
        committedPence: awarded + award.amountPence,
        conditionsLength: conditions.length,
      },
    });
    const mail = groupMail(decision.bid);
    if (mail) {
      await queueMail(tx, awardOfferedMail({ ...mail, amount: money(award.amountPence), conditions, stripe: offer.byStripe }));
    }
    return { ok: true as const, award };
  }, MONEY_TX);
}

// ---------- Accepting ----------
// why keys: the group reads an acceptance's refusal in its language (bid.accept.refusal.*); the
// staff page says the same keys in English.

async function accept(
  where: { awardId: string } | { bidId: string },
  input: { signedName: string; agree: string },
  actor: AuditActor,
): Promise<Result<{ award: { id: string; status: string }; already: boolean }>> {
  const parsed = acceptSchema.safeParse(input);
  if (!parsed.success) return refused("bid.accept.refusal.check", fieldErrors(parsed.error));
  return db().$transaction(async (tx) => {
    const rows =
      "awardId" in where
        ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Award" WHERE id = ${where.awardId} FOR UPDATE`
        : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Award" WHERE "bidId" = ${where.bidId} FOR UPDATE`;
    if (rows.length === 0) return refused("bid.accept.refusal.noAward");
    const award = await tx.award.findUniqueOrThrow({ where: { id: rows[0].id }, select: { id: true, status: true, bidId: true } });
    if (award.status === "CANCELLED") return refused("bid.accept.refusal.cancelled");
    if (award.status !== "OFFERED") return { ok: true as const, award, already: true };
    const now = new Date();
    const updated = await tx.award.update({
      where: { id: award.id },
      data: { status: "ACCEPTED", acceptedAt: now, acceptedBy: parsed.data.signedName },
      select: { id: true, status: true },
    });
    await appendAudit(tx, {
      actor,
      action: "award.accepted",
      subject: { type: "award", id: award.id },
      at: now,
      payload: { bidId: award.bidId, via: actor.type === "group" ? "group" : "staff" },
    });
    return { ok: true as const, award: updated, already: false };
  }, MONEY_TX);
}

/** The group accepts the conditions through its private link (the token in the URL). */
export async function acceptAward(token: string, input: { signedName: string; agree: string }) {
  const bid = await findBidByToken(token);
  if (!bid) return refused("bid.accept.refusal.noBid");
  return accept({ bidId: bid.id }, input, { type: "group", id: bid.id });
}

/** Someone from the group accepts on the organiser's phone or laptop at the event. */
export async function acceptAwardForGroup(awardId: string, input: { signedName: string; agree: string }, staff: Actor) {
  if (!can(staff, "award:issue") && !can(staff, "event:run")) return refused("Only an organiser or a funder can record an acceptance.");
  return accept({ awardId }, input, userActor(staff));
}

// ---------- Cancelling ----------

export async function cancelAward(awardId: string, input: { reason: string }, staff: Actor): Promise<Result<{ award: { id: string } }>> {
  if (!can(staff, "award:issue")) return refused("Only a funder can cancel an award.");
  const parsed = cancelSchema.safeParse(input);
  if (!parsed.success) return refused("Check the reason.", fieldErrors(parsed.error));
  const { reason } = parsed.data;
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Award" WHERE id = ${awardId} FOR UPDATE`;
    if (rows.length === 0) return refused("That award does not exist.");
    const award = await tx.award.findUniqueOrThrow({
      where: { id: awardId },
      select: {
        id: true,
        status: true,
        amountPence: true,
        bidId: true,
        payments: { select: { status: true } },
        bid: { select: { ...mailableBid, round: { select: { ...mailableRound, fund: { select: { currency: true } } } } } },
      },
    });
    if (award.status === "CANCELLED") return { ok: true as const, award: { id: award.id } };
    if (award.status === "PAID" || award.payments.some((p) => p.status === "PAID")) {
      return refused("This award has been paid, so it cannot be cancelled. Ask the group to return the money, and record it outside Pitchday.");
    }
    if (award.payments.some((p) => p.status !== "FAILED")) {
      return refused("A payment for this award is in progress. Cancel that payment first.");
    }
    await tx.award.update({ where: { id: awardId }, data: { status: "CANCELLED" } });
    await appendAudit(tx, {
      actor: userActor(staff),
      action: "award.cancelled",
      subject: { type: "award", id: awardId },
      payload: { bidId: award.bidId, amountPence: award.amountPence, from: award.status, reason },
    });
    const mail = groupMail(award.bid);
    if (mail) await queueMail(tx, awardCancelledMail({ ...mail, amount: formatMoney(award.amountPence, award.bid.round.fund.currency), reason }));
    return { ok: true as const, award: { id: awardId } };
  }, MONEY_TX);
}

// ---------- Reading ----------

const awardView = {
  id: true,
  amountPence: true,
  status: true,
  conditions: true,
  acceptedAt: true,
  acceptedBy: true,
  createdById: true,
  createdAt: true,
  decision: {
    select: {
      id: true,
      eventId: true,
      outcome: true,
      amountPence: true,
      proposedOutcome: true,
      proposedAmountPence: true,
      proposalReason: true,
      overrideReason: true,
      feedback: true,
      decidedById: true,
      decidedAt: true,
    },
  },
  bid: {
    select: {
      id: true,
      reference: true,
      groupName: true,
      projectTitle: true,
      language: true,
      amountRequestedPence: true,
      status: true,
      round: { select: { id: true, title: true, slug: true, fund: { select: { id: true, name: true, currency: true, timeZone: true } } } },
      recipient: { select: { stripeAccountId: true, payoutsEnabled: true, detailsSubmitted: true, updatedAt: true } },
    },
  },
  payments: { orderBy: { createdAt: "asc" }, select: { ...paymentFields, instalmentId: true } },
  instalments: { orderBy: { position: "asc" }, select: { id: true, position: true, plannedOn: true, amountPence: true } },
} as const;

export function getAward(awardId: string) {
  return db().award.findUnique({ where: { id: awardId }, select: awardView });
}

export function awardForBid(bidId: string) {
  return db().award.findUnique({ where: { bidId }, select: awardView });
}

export type AwardView = NonNullable<Awaited<ReturnType<typeof getAward>>>;

/** Every funded decision of an event, with its award (null until issued). */
export function awardsForEvent(eventId: string) {
  return db().decision.findMany({
    where: { eventId, outcome: { not: "NOT_FUNDED" } },
    orderBy: { bid: { reference: "asc" } },
    select: {
      id: true,
      outcome: true,
      amountPence: true,
      bid: { select: { id: true, reference: true, groupName: true, projectTitle: true, status: true } },
      award: { select: { id: true, status: true, amountPence: true, acceptedAt: true, payments: { select: { id: true, status: true, method: true } } } },
    },
  });
}
