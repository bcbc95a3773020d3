import { db } from "~/db.server";
import {
  awardRevealView,
  decisionsConfirmed,
  nextRevealStep,
  outcomeAnnounced,
  revealOrder,
  revealStepCount,
  type AwardRevealView,
  type FundedAward,
  type RevealMode,
  type RevealPlan,
} from "~/domain/award-reveal";
import { can, type Actor } from "~/domain/permissions";
import { appendAudit, type Tx } from "~/models/audit.server";
import { requestCheckpoint } from "~/models/checkpoint-auto.server";
import { groupMail, mailableBid, potSummary } from "~/models/award.server";
import { queueMail } from "~/models/mail.server";
import { formatMoney } from "~/domain/money";
import { fundedMail, notFundedMail } from "~/domain/mail/award-messages";
import { LIVE_TX, lockEvent } from "~/models/live.server";
import { refused, type Result } from "~/domain/result";
import { publish } from "~/db/live/bus.server";

// The awards reveal, stored: how many steps the chair has shown (Event.awardsRevealed), read
// back with the confirmed decisions into what screens, phones, group pages and /results show.
// The rules (order, steps, totals) are in app/domain/award-reveal.ts.
//
// Interface:
//   revealAwards(eventId, mode, staff, { fromStep?, now? }) -> Result<{ step, steps }>
//       one chair press ("next" or "all"), audited in its transaction, published after commit;
//       only someone who may run the event (event:run), only once the decisions are confirmed
//   awardReveal(eventId) -> { plan, view } | null     plan for the chair; view is public (null
//       until the first step); null when there is no such event
//   announcementForBid(bidId) -> { eventId, eventTitle, announced } | null   for the group's page
//   mailAnnouncedOutcomes(tx, eventId, now)   email each group whose outcome is now announced,
//       once; called by every press and by confirming decisions (a late decision after the
//       reveal is announced at once)

type Client = Tx | ReturnType<typeof db>;

async function loadReveal(client: Client, eventId: string) {
  const event = await client.event.findUnique({
    where: { id: eventId },
    select: {
      title: true,
      state: true,
      awardsRevealed: true,
      round: { select: { fund: { select: { id: true, currency: true } } } },
      slots: {
        select: {
          position: true,
          bid: {
            select: {
              id: true,
              reference: true,
              groupName: true,
              projectTitle: true,
              status: true,
              amountRequestedPence: true,
              decision: { select: { outcome: true, amountPence: true, award: { select: { status: true } } } },
            },
          },
        },
      },
    },
  });
  if (!event) return null;
  const awards: FundedAward[] = [];
  for (const { position, bid } of event.slots) {
    const decision = bid.decision;
    // why: the same test as /results: a bid funded by a confirmed decision, its award not cancelled.
    if (bid.status !== "FUNDED" || !decision || decision.outcome === "NOT_FUNDED" || decision.award?.status === "CANCELLED") continue;
    awards.push({
      bidId: bid.id,
      reference: bid.reference,
      groupName: bid.groupName,
      projectTitle: bid.projectTitle,
      outcome: decision.outcome,
      amountPence: decision.amountPence,
      requestedPence: bid.amountRequestedPence,
      position,
    });
  }
  const confirmed = decisionsConfirmed({ state: event.state, bidStatuses: event.slots.map((s) => s.bid.status) });
  const plan: RevealPlan = { confirmed, step: event.awardsRevealed, steps: revealStepCount(awards.length) };
  return { plan, awards, title: event.title, fundId: event.round.fund.id, currency: event.round.fund.currency };
}

export async function revealAwards(
  eventId: string,
  mode: RevealMode,
  staff: Actor,
  options: { fromStep?: number; now?: Date } = {},
): Promise<Result<{ step: number; steps: number }>> {
  if (!can(staff, "event:run")) return refused("Only the event's organiser, as chair, can reveal the awards.");
  const outcome = await db().$transaction(async (tx) => {
    if (!(await lockEvent(tx, eventId))) return refused("That event does not exist.");
    const loaded = (await loadReveal(tx, eventId))!;
    const next = nextRevealStep(loaded.plan, mode, options.fromStep);
    if (!next.ok) return next;
    const from = Math.min(loaded.plan.step, loaded.plan.steps);
    await tx.event.update({ where: { id: eventId }, data: { awardsRevealed: next.step } });
    const shown = revealOrder(loaded.awards).slice(from, next.step);
    await mailAnnouncedOutcomes(tx, eventId, options.now);
    const entry = await appendAudit(tx, {
      actor: { type: "user", id: staff.id },
      action: "event.awards_revealed",
      subject: { type: "event", id: eventId },
      at: options.now,
      payload: { mode, from, to: next.step, steps: loaded.plan.steps, bidIds: shown.map((a) => a.bidId), totalsShown: next.step >= loaded.plan.steps },
    });
    await requestCheckpoint(tx, {
      trigger: "awards_revealed",
      label: `the awards of "${loaded.title}" were revealed`,
      subject: { type: "event", id: eventId },
      now: options.now,
      revealComplete: next.step >= loaded.plan.steps,
    });
    return { ok: true as const, step: next.step, steps: loaded.plan.steps, seq: entry.seq };
  }, LIVE_TX);
  if (!outcome.ok) return outcome;
  await publish(eventId, outcome.seq);
  return { ok: true, step: outcome.step, steps: outcome.steps };
}

export async function awardReveal(eventId: string): Promise<{ plan: RevealPlan; view: AwardRevealView | null } | null> {
  const loaded = await loadReveal(db(), eventId);
  if (!loaded) return null;
  const { plan, awards, currency } = loaded;
  // why: what is left in the fund is shown only with the totals; skip its three sums until then.
  const complete = plan.confirmed && plan.step >= plan.steps;
  const pot = complete ? await potSummary(loaded.fundId) : null;
  const view = awardRevealView({ confirmed: plan.confirmed, step: plan.step, awards, potRemainingPence: pot?.remainingPence ?? 0, currency });
  return { plan, view };
}

/**
 * Whether a group's own page may show its outcome yet (outcomeAnnounced): null when the bid's
 * decision was not made at an event (nothing to wait for).
 */
export async function announcementForBid(bidId: string) {
  const decision = await db().decision.findUnique({ where: { bidId }, select: { event: { select: { id: true, title: true } } } });
  if (!decision?.event) return null;
  const view = (await awardReveal(decision.event.id))?.view ?? null;
  return { eventId: decision.event.id, eventTitle: decision.event.title, announced: outcomeAnnounced(view, bidId) };
}

/**
 * Queues the outcome email of every group of the event whose outcome is announced and not yet
 * mailed: a funded group's when its award is shown, the rest when the reveal is complete. An
 * email before the reveal would tell the group before the hall, so none goes until then.
 */
export async function mailAnnouncedOutcomes(tx: Tx, eventId: string, now = new Date()) {
  const loaded = await loadReveal(tx, eventId);
  if (!loaded) return 0;
  const { plan, awards, currency } = loaded;
  const view = awardRevealView({ confirmed: plan.confirmed, step: plan.step, awards, potRemainingPence: 0, currency });
  const unsent = await tx.decision.findMany({
    where: { eventId, announcedAt: null, bid: { status: { in: ["FUNDED", "NOT_FUNDED"] } } },
    select: { id: true, bidId: true, outcome: true, amountPence: true, feedback: true, bid: { select: { ...mailableBid, amountRequestedPence: true } } },
  });
  const money = (pence: number) => formatMoney(pence, currency);
  let mailed = 0;
  for (const decision of unsent.filter((d) => outcomeAnnounced(view, d.bidId))) {
    await tx.decision.update({ where: { id: decision.id }, data: { announcedAt: now } });
    const mail = groupMail(decision.bid);
    if (!mail) continue;
    const requested = decision.bid.amountRequestedPence;
    await queueMail(
      tx,
      decision.outcome === "NOT_FUNDED"
        ? notFundedMail({ ...mail, feedback: decision.feedback })
        : fundedMail({
            ...mail,
            amount: money(decision.amountPence),
            requested: requested === null ? null : money(requested),
            partFunded: decision.outcome === "PART_FUNDED",
            feedback: decision.feedback,
          }),
    );
    mailed += 1;
  }
  return mailed;
}
